#include <algorithm>
#include <cassert>
#include <fieldkit/bench/table.hpp>
#include <iomanip>
#include <sstream>

namespace fieldkit::bench {

void Table::addRow(std::vector<std::string> cells) {
    assert(cells.size() == m_columns.size());
    m_rows.push_back(std::move(cells));
}

void Table::print(std::ostream& out) const {
    std::vector<std::size_t> widths;
    for (const auto& c : m_columns) {
        widths.push_back(c.title.size());
    }
    for (const auto& row : m_rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            widths[i] = std::max(widths[i], row[i].size());
        }
    }
    const auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const std::string pad(widths[i] - cells[i].size(), ' ');
            out << (i == 0 ? "" : " | ");
            if (m_columns[i].align == Align::Right) {
                out << pad << cells[i];
            } else {
                out << cells[i] << (i + 1 == cells.size() ? "" : pad);
            }
        }
        out << '\n';
    };
    std::vector<std::string> titles;
    for (const auto& c : m_columns) {
        titles.push_back(c.title);
    }
    line(titles);
    std::vector<std::string> rule;
    rule.reserve(widths.size());
    for (const auto w : widths) {
        rule.emplace_back(w, '-');
    }
    line(rule);
    for (const auto& row : m_rows) {
        line(row);
    }
}

bool Table::complete() const {
    return !m_rows.empty() && std::ranges::all_of(m_rows, [](const auto& row) {
        return std::ranges::none_of(row, [](const std::string& cell) { return cell.empty(); });
    });
}

std::string fixed(double value, int decimals) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(decimals) << value;
    return out.str();
}

std::string formatMs(double ms) {
    if (ms < 1.0) {
        return fixed(ms, 3) + " ms";
    }
    if (ms < 100.0) {
        return fixed(ms, ms < 10.0 ? 2 : 1) + " ms";
    }
    return fixed(ms, 0) + " ms";
}

std::string formatUs(double us) {
    return fixed(us, us < 10.0 ? 2 : 1) + " us";
}

} // namespace fieldkit::bench
