#pragma once

#include <chrono>
#include <cstdint>
#include <fieldkit/bench/samples.hpp>
#include <map>
#include <string>
#include <unordered_set>

struct sqlite3;
struct sqlite3_stmt;

namespace fieldkit::bench {

/** Measures, from outside, how long a connection spends executing SQL: SQLite's trace hooks mark when each
 *  statement starts and finishes, and the time while at least one is in flight is summed on the steady clock
 *  (SQLite's own profile figure has only millisecond resolution). Also counts each distinct statement, so
 *  its preparation can be timed separately, and gives each busy interval to the statement that opened it.
 * Transaction control (BEGIN/COMMIT, where a durable commit's fsync happens) is summed apart from the rest.
 */
class SqliteTimer {
public:
    struct Statement {
        std::int64_t runs = 0;
        std::chrono::nanoseconds busy{0}; // busy intervals this statement opened
    };

    explicit SqliteTimer(sqlite3* db);
    ~SqliteTimer();
    SqliteTimer(const SqliteTimer&) = delete;
    SqliteTimer& operator=(const SqliteTimer&) = delete;

    /** Executing any statement other than transaction control. */
    [[nodiscard]] std::chrono::nanoseconds statements() const { return m_statements; }
    /** Executing BEGIN / COMMIT / ROLLBACK. */
    [[nodiscard]] std::chrono::nanoseconds transactionControl() const { return m_transactions; }
    [[nodiscard]] const std::map<std::string, Statement, std::less<>>& bySql() const { return m_bySql; }

private:
    static int onTrace(unsigned type, void* self, void* statement, void* detail);
    void started(sqlite3_stmt* stmt, const char* sql);
    void finished(sqlite3_stmt* stmt);

    sqlite3* m_db;
    std::unordered_set<sqlite3_stmt*> m_active;
    Clock::time_point m_busySince;
    Statement* m_busyOpener = nullptr;
    bool m_busyIsTransaction = false;
    std::chrono::nanoseconds m_statements{0};
    std::chrono::nanoseconds m_transactions{0};
    std::map<std::string, Statement, std::less<>> m_bySql;
};

/** Mean time to prepare (and finalize) `sql` on `db`. */
[[nodiscard]] std::chrono::nanoseconds timePrepare(sqlite3* db, const std::string& sql, int iterations);

} // namespace fieldkit::bench
