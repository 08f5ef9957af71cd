#include "postgresql/pg_center_parts.hpp"

namespace fieldkit::hub::pg_center {
namespace {

pg::Param flag(bool value) {
    return pg::text(value ? "true" : "false");
}

/** Console accounts and sessions in the PostgreSQL center. */
class PgCenterAccounts final : public CenterAccounts {
public:
    explicit PgCenterAccounts(Pool& pool)
        : m_pool(pool) {}

    Status addUser(const ConsoleUser& u) override {
        return pg::inTransactionStatus(m_pool, [&](Connection& c) -> Status {
            auto rows = c.query("INSERT INTO console_users(name, role, password_hash, totp_secret_sealed, "
                                "created_ms) VALUES ($1, $2, $3, $4, $5)",
                                {pg::text(u.name), pg::text(u.role), pg::text(u.passwordHash),
                                 pg::bytes(std::span<const std::uint8_t>(u.totpSecretSealed)),
                                 pg::integer(u.createdMs)});
            if (!rows && rows.error().code == "constraint") {
                return makeError("user_exists", "A console user with that name already exists.");
            }
            return rows ? Status() : Status(rows.error());
        });
    }

    Result<std::optional<ConsoleUser>> user(const std::string& name) override {
        using Found = std::optional<ConsoleUser>;
        return pg::inTransaction<Found>(m_pool, [&](Connection& c) -> Result<Found> {
            auto rows =
                c.query("SELECT name, role, password_hash, totp_secret_sealed, failed_logins, "
                        "locked_until_ms, last_totp_step, created_ms FROM console_users WHERE name = $1",
                        {pg::text(name)});
            if (!rows) {
                return rows.error();
            }
            if (rows->empty()) {
                return Found();
            }
            return Found(ConsoleUser{rows->text(0, 0), rows->text(0, 1), rows->text(0, 2), rows->blob(0, 3),
                                     rows->int64(0, 4), rows->int64(0, 5), rows->int64(0, 6),
                                     rows->int64(0, 7)});
        });
    }

    Status setLoginState(const std::string& name, std::int64_t failedLogins,
                         std::int64_t lockedUntilMs) override {
        return run("UPDATE console_users SET failed_logins = $2, locked_until_ms = $3 WHERE name = $1",
                   {pg::text(name), pg::integer(failedLogins), pg::integer(lockedUntilMs)});
    }

    Result<bool> useTotpStep(const std::string& name, std::int64_t step) override {
        return pg::inTransaction<bool>(m_pool, [&](Connection& c) -> Result<bool> {
            auto rows = c.query(
                "UPDATE console_users SET last_totp_step = $2 WHERE name = $1 AND last_totp_step < $2",
                {pg::text(name), pg::integer(step)});
            if (!rows) {
                return rows.error();
            }
            return rows->affected() == 1;
        });
    }

    Status createSession(const ConsoleSession& s) override {
        return run(
            "INSERT INTO console_sessions(id_hash, user_name, csrf_token, second_factor_done, created_ms, "
            "last_seen_ms) VALUES ($1, $2, $3, $4, $5, $6)",
            {pg::bytes(std::span<const std::uint8_t>(s.idHash)), pg::text(s.userName),
             pg::bytes(std::span<const std::uint8_t>(s.csrfToken)), flag(s.secondFactorDone),
             pg::integer(s.createdMs), pg::integer(s.lastSeenMs)});
    }

    Result<std::optional<ConsoleSession>> session(const std::vector<std::uint8_t>& idHash) override {
        using Found = std::optional<ConsoleSession>;
        return pg::inTransaction<Found>(m_pool, [&](Connection& c) -> Result<Found> {
            auto rows = c.query("SELECT id_hash, user_name, csrf_token, second_factor_done, created_ms, "
                                "last_seen_ms FROM console_sessions WHERE id_hash = $1",
                                {pg::bytes(std::span<const std::uint8_t>(idHash))});
            if (!rows) {
                return rows.error();
            }
            if (rows->empty()) {
                return Found();
            }
            return Found(ConsoleSession{rows->blob(0, 0), rows->text(0, 1), rows->blob(0, 2),
                                        rows->int64(0, 3) != 0, rows->int64(0, 4), rows->int64(0, 5)});
        });
    }

    Status touchSession(const std::vector<std::uint8_t>& idHash, bool secondFactorDone,
                        std::int64_t lastSeenMs) override {
        return run(
            "UPDATE console_sessions SET second_factor_done = $2, last_seen_ms = $3 WHERE id_hash = $1",
            {pg::bytes(std::span<const std::uint8_t>(idHash)), flag(secondFactorDone),
             pg::integer(lastSeenMs)});
    }

    Status deleteSession(const std::vector<std::uint8_t>& idHash) override {
        return run("DELETE FROM console_sessions WHERE id_hash = $1",
                   {pg::bytes(std::span<const std::uint8_t>(idHash))});
    }

    Status purgeSessions(std::int64_t idleBeforeMs, std::int64_t createdBeforeMs) override {
        return run("DELETE FROM console_sessions WHERE last_seen_ms < $1 OR created_ms < $2",
                   {pg::integer(idleBeforeMs), pg::integer(createdBeforeMs)});
    }

private:
    Status run(std::string_view sql, std::vector<pg::Param> params) {
        return pg::inTransactionStatus(m_pool, [&](Connection& c) -> Status {
            auto rows = c.query(sql, params);
            return rows ? Status() : Status(rows.error());
        });
    }

    Pool& m_pool;
};

} // namespace

std::unique_ptr<CenterAccounts> makeCenterAccounts(Pool& pool) {
    return std::make_unique<PgCenterAccounts>(pool);
}

} // namespace fieldkit::hub::pg_center
