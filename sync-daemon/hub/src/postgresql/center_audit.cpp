#include "postgresql/pg_center_parts.hpp"

namespace fieldkit::hub::pg_center {
namespace {

constexpr const char* kColumns =
    "SELECT seq, at_ms, user_name, action, case_hex, purpose, mac FROM center_audit ";

/** The console's audit log in the PostgreSQL center. */
class PgCenterAudit final : public CenterAudit {
public:
    explicit PgCenterAudit(Pool& pool)
        : m_pool(pool) {}

    Result<std::optional<CenterAuditEntry>> lastEntry() override {
        auto list = select(std::string(kColumns) + "ORDER BY seq DESC LIMIT 1", {});
        if (!list) {
            return list.error();
        }
        return list->empty() ? std::optional<CenterAuditEntry>()
                             : std::optional<CenterAuditEntry>(list->front());
    }

    Status append(const CenterAuditEntry& e) override {
        return pg::inTransactionStatus(m_pool, [&](Connection& c) -> Status {
            auto rows = c.query(
                "INSERT INTO center_audit(seq, at_ms, user_name, action, case_hex, purpose, mac) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7)",
                {pg::integer(e.seq), pg::integer(e.atMs), pg::text(e.user), pg::text(e.action),
                 pg::text(e.caseId), pg::text(e.purpose), pg::bytes(std::span<const std::uint8_t>(e.mac))});
            if (!rows && rows.error().code == "constraint") {
                return makeError("audit_race", "Another entry took this place in the audit log.");
            }
            return rows ? Status() : Status(rows.error());
        });
    }

    Result<std::vector<CenterAuditEntry>> caseEntries(const std::string& caseId) override {
        return select(std::string(kColumns) + "WHERE case_hex = $1 ORDER BY seq", {pg::text(caseId)});
    }

    Result<std::vector<CenterAuditEntry>> entries(std::int64_t fromSeq) override {
        return select(std::string(kColumns) + "WHERE seq >= $1 ORDER BY seq", {pg::integer(fromSeq)});
    }

private:
    Result<std::vector<CenterAuditEntry>> select(const std::string& sql, std::vector<pg::Param> params) {
        using List = std::vector<CenterAuditEntry>;
        return pg::inTransaction<List>(m_pool, [&](Connection& c) -> Result<List> {
            auto rows = c.query(sql, params);
            if (!rows) {
                return rows.error();
            }
            List out;
            for (int i = 0; i < rows->size(); ++i) {
                out.push_back(CenterAuditEntry{rows->int64(i, 0), rows->int64(i, 1), rows->text(i, 2),
                                               rows->text(i, 3), rows->text(i, 4), rows->text(i, 5),
                                               rows->blob(i, 6)});
            }
            return out;
        });
    }

    Pool& m_pool;
};

} // namespace

std::unique_ptr<CenterAudit> makeCenterAudit(Pool& pool) {
    return std::make_unique<PgCenterAudit>(pool);
}

} // namespace fieldkit::hub::pg_center
