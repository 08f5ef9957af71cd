#include "sqlite_timer.hpp"

#include <sqlite3.h>
#include <string_view>

namespace fieldkit::bench {
namespace {

bool isTransactionControl(std::string_view sql) {
    return sql.starts_with("BEGIN") || sql.starts_with("COMMIT") || sql.starts_with("ROLLBACK");
}

} // namespace

SqliteTimer::SqliteTimer(sqlite3* db)
    : m_db(db) {
    sqlite3_trace_v2(m_db, SQLITE_TRACE_STMT | SQLITE_TRACE_PROFILE, &SqliteTimer::onTrace, this);
}

SqliteTimer::~SqliteTimer() {
    sqlite3_trace_v2(m_db, 0, nullptr, nullptr);
}

int SqliteTimer::onTrace(unsigned type, void* self, void* statement, void* detail) {
    auto* timer = static_cast<SqliteTimer*>(self);
    auto* stmt = static_cast<sqlite3_stmt*>(statement);
    if (type == SQLITE_TRACE_STMT) {
        timer->started(stmt, static_cast<const char*>(detail));
    } else if (type == SQLITE_TRACE_PROFILE) {
        timer->finished(stmt);
    }
    return 0;
}

void SqliteTimer::started(sqlite3_stmt* stmt, const char* sql) {
    const std::string_view text = sql != nullptr ? sql : "";
    // "-- TRIGGER ..." marks a trigger running inside the statement already being timed; PRAGMAs are the
    // benchmark's own switches, not the store's work.
    if (text.starts_with("--") || text.starts_with("PRAGMA")) {
        return;
    }
    if (!m_active.insert(stmt).second) {
        return;
    }
    const std::string_view unexpanded = sqlite3_sql(stmt) != nullptr ? sqlite3_sql(stmt) : text;
    auto it = m_bySql.find(unexpanded);
    if (it == m_bySql.end()) {
        it = m_bySql.emplace(std::string(unexpanded), Statement{}).first;
    }
    ++it->second.runs;
    if (m_active.size() == 1) {
        m_busyOpener = &it->second;
        m_busyIsTransaction = isTransactionControl(text);
        m_busySince = Clock::now();
    }
}

void SqliteTimer::finished(sqlite3_stmt* stmt) {
    if (m_active.erase(stmt) == 0 || !m_active.empty()) {
        return;
    }
    const auto elapsed = Clock::now() - m_busySince;
    (m_busyIsTransaction ? m_transactions : m_statements) += elapsed;
    if (m_busyOpener != nullptr) {
        m_busyOpener->busy += elapsed;
    }
}

std::chrono::nanoseconds timePrepare(sqlite3* db, const std::string& sql, int iterations) {
    const auto total = timed([&] {
        for (int i = 0; i < iterations; ++i) {
            sqlite3_stmt* stmt = nullptr;
            sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr);
            sqlite3_finalize(stmt);
        }
    });
    return total / iterations;
}

} // namespace fieldkit::bench
