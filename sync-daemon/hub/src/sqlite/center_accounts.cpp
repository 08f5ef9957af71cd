#include "sqlite/sqlite_center_parts.hpp"

namespace fieldkit::hub::sqlite_center {
namespace {

constexpr const char* kUserColumns = "name, role, password_hash, totp_secret_sealed, failed_logins, "
                                     "locked_until_ms, last_totp_step, created_ms";

/** Console accounts and sessions in the SQLite center. */
class SqliteCenterAccounts final : public CenterAccounts {
public:
    explicit SqliteCenterAccounts(Database& db)
        : m_db(db) {}

    Status addUser(const ConsoleUser& u) override {
        auto stmt = m_db.cached("INSERT INTO console_users(name, role, password_hash, totp_secret_sealed, "
                                "created_ms) VALUES (?1, ?2, ?3, ?4, ?5)");
        if (!stmt) {
            return stmt.error();
        }
        auto st = stmt->bind(1, u.name)
                      .bind(2, u.role)
                      .bind(3, u.passwordHash)
                      .bind(4, u.totpSecretSealed)
                      .bind(5, u.createdMs)
                      .run();
        if (!st && st.error().code == "constraint") {
            return makeError("user_exists", "A console user with that name already exists.");
        }
        return st;
    }

    Result<std::optional<ConsoleUser>> user(const std::string& name) override {
        auto stmt =
            m_db.cached(std::string("SELECT ") + kUserColumns + " FROM console_users WHERE name = ?1");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, name);
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return std::optional<ConsoleUser>();
        }
        return std::optional<ConsoleUser>(ConsoleUser{stmt->text(0), stmt->text(1), stmt->text(2),
                                                      stmt->blob(3), stmt->int64(4), stmt->int64(5),
                                                      stmt->int64(6), stmt->int64(7)});
    }

    Status setLoginState(const std::string& name, std::int64_t failedLogins,
                         std::int64_t lockedUntilMs) override {
        auto stmt =
            m_db.cached("UPDATE console_users SET failed_logins = ?2, locked_until_ms = ?3 WHERE name = ?1");
        if (!stmt) {
            return stmt.error();
        }
        return stmt->bind(1, name).bind(2, failedLogins).bind(3, lockedUntilMs).run();
    }

    Result<bool> useTotpStep(const std::string& name, std::int64_t step) override {
        auto stmt = m_db.cached(
            "UPDATE console_users SET last_totp_step = ?2 WHERE name = ?1 AND last_totp_step < ?2");
        if (!stmt) {
            return stmt.error();
        }
        if (auto st = stmt->bind(1, name).bind(2, step).run(); !st) {
            return st.error();
        }
        return m_db.changes() == 1;
    }

    Status createSession(const ConsoleSession& s) override {
        auto stmt =
            m_db.cached("INSERT INTO console_sessions(id_hash, user_name, csrf_token, "
                        "second_factor_done, created_ms, last_seen_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        if (!stmt) {
            return stmt.error();
        }
        return stmt->bind(1, s.idHash)
            .bind(2, s.userName)
            .bind(3, s.csrfToken)
            .bind(4, std::int64_t{s.secondFactorDone ? 1 : 0})
            .bind(5, s.createdMs)
            .bind(6, s.lastSeenMs)
            .run();
    }

    Result<std::optional<ConsoleSession>> session(const std::vector<std::uint8_t>& idHash) override {
        auto stmt = m_db.cached("SELECT id_hash, user_name, csrf_token, second_factor_done, created_ms, "
                                "last_seen_ms FROM console_sessions WHERE id_hash = ?1");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, idHash);
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return std::optional<ConsoleSession>();
        }
        return std::optional<ConsoleSession>(ConsoleSession{stmt->blob(0), stmt->text(1), stmt->blob(2),
                                                            stmt->int64(3) != 0, stmt->int64(4),
                                                            stmt->int64(5)});
    }

    Status touchSession(const std::vector<std::uint8_t>& idHash, bool secondFactorDone,
                        std::int64_t lastSeenMs) override {
        auto stmt = m_db.cached(
            "UPDATE console_sessions SET second_factor_done = ?2, last_seen_ms = ?3 WHERE id_hash = ?1");
        if (!stmt) {
            return stmt.error();
        }
        return stmt->bind(1, idHash)
            .bind(2, std::int64_t{secondFactorDone ? 1 : 0})
            .bind(3, lastSeenMs)
            .run();
    }

    Status deleteSession(const std::vector<std::uint8_t>& idHash) override {
        auto stmt = m_db.cached("DELETE FROM console_sessions WHERE id_hash = ?1");
        if (!stmt) {
            return stmt.error();
        }
        return stmt->bind(1, idHash).run();
    }

    Status purgeSessions(std::int64_t idleBeforeMs, std::int64_t createdBeforeMs) override {
        auto stmt = m_db.cached("DELETE FROM console_sessions WHERE last_seen_ms < ?1 OR created_ms < ?2");
        if (!stmt) {
            return stmt.error();
        }
        return stmt->bind(1, idleBeforeMs).bind(2, createdBeforeMs).run();
    }

private:
    Database& m_db;
};

} // namespace

std::unique_ptr<CenterAccounts> makeCenterAccounts(Database& db) {
    return std::make_unique<SqliteCenterAccounts>(db);
}

} // namespace fieldkit::hub::sqlite_center
