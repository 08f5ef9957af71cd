#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace fieldkit::bench {

enum class Align { Left, Right };

struct Column {
    std::string title;
    Align align = Align::Left;
};

/** A plain-text table with aligned columns, printed once all rows are known (benchmarks print tables, never
 *  pass/fail). */
class Table {
public:
    explicit Table(std::vector<Column> columns)
        : m_columns(std::move(columns)) {}

    /** One row; asserts it has a cell per column. */
    void addRow(std::vector<std::string> cells);
    void print(std::ostream& out) const;
    [[nodiscard]] std::size_t rows() const { return m_rows.size(); }
    /** True when every cell of every row holds something (the smoke test's check). */
    [[nodiscard]] bool complete() const;

private:
    std::vector<Column> m_columns;
    std::vector<std::vector<std::string>> m_rows;
};

/** `value` with `decimals` digits after the point. */
[[nodiscard]] std::string fixed(double value, int decimals);
/** A duration in milliseconds shown with a unit and about three significant digits: "0.412 ms", "12.3 ms".
 */
[[nodiscard]] std::string formatMs(double ms);
/** A duration in microseconds: "12.3 us". */
[[nodiscard]] std::string formatUs(double us);

} // namespace fieldkit::bench
