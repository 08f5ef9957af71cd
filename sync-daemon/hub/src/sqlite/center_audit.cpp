#include "sqlite/sqlite_center_parts.hpp"

namespace fieldkit::hub::sqlite_center {
namespace {

/** The console's audit log in the SQLite center. */
class SqliteCenterAudit final : public CenterAudit {
public:
    explicit SqliteCenterAudit(Database& db)
        : m_db(db) {}

    Result<std::optional<CenterAuditEntry>> lastEntry() override {
        auto list = select("SELECT seq, at_ms, user_name, action, case_hex, purpose, mac FROM center_audit "
                           "ORDER BY seq DESC LIMIT 1",
                           [](sqlite::Statement&) {});
        if (!list) {
            return list.error();
        }
        return list->empty() ? std::optional<CenterAuditEntry>()
                             : std::optional<CenterAuditEntry>(list->front());
    }

    Status append(const CenterAuditEntry& e) override {
        auto stmt =
            m_db.cached("INSERT INTO center_audit(seq, at_ms, user_name, action, case_hex, purpose, mac) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        if (!stmt) {
            return stmt.error();
        }
        auto st = stmt->bind(1, e.seq)
                      .bind(2, e.atMs)
                      .bind(3, e.user)
                      .bind(4, e.action)
                      .bind(5, e.caseId)
                      .bind(6, e.purpose)
                      .bind(7, e.mac)
                      .run();
        if (!st && st.error().code == "constraint") {
            return makeError("audit_race", "Another entry took this place in the audit log.");
        }
        return st;
    }

    Result<std::vector<CenterAuditEntry>> caseEntries(const std::string& caseId) override {
        return select("SELECT seq, at_ms, user_name, action, case_hex, purpose, mac FROM center_audit "
                      "WHERE case_hex = ?1 ORDER BY seq",
                      [&](sqlite::Statement& s) { s.bind(1, caseId); });
    }

    Result<std::vector<CenterAuditEntry>> entries(std::int64_t fromSeq) override {
        return select("SELECT seq, at_ms, user_name, action, case_hex, purpose, mac FROM center_audit "
                      "WHERE seq >= ?1 ORDER BY seq",
                      [&](sqlite::Statement& s) { s.bind(1, fromSeq); });
    }

private:
    Result<std::vector<CenterAuditEntry>> select(std::string_view sql, auto&& bind) {
        auto stmt = m_db.cached(sql);
        if (!stmt) {
            return stmt.error();
        }
        bind(*stmt);
        std::vector<CenterAuditEntry> out;
        while (true) {
            auto row = stmt->step();
            if (!row) {
                return row.error();
            }
            if (!*row) {
                return out;
            }
            out.push_back(CenterAuditEntry{stmt->int64(0), stmt->int64(1), stmt->text(2), stmt->text(3),
                                           stmt->text(4), stmt->text(5), stmt->blob(6)});
        }
    }

    Database& m_db;
};

} // namespace

std::unique_ptr<CenterAudit> makeCenterAudit(Database& db) {
    return std::make_unique<SqliteCenterAudit>(db);
}

} // namespace fieldkit::hub::sqlite_center
