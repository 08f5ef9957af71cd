#include "postgresql/pg_center_parts.hpp"

namespace fieldkit::hub::pg_center {
namespace {

/** Citizen views in the PostgreSQL center. */
class PgCitizenViews final : public CitizenViews {
public:
    explicit PgCitizenViews(Pool& pool)
        : m_pool(pool) {}

    Status publish(const PublishedCitizenView& v) override {
        return pg::inTransactionStatus(m_pool, [&](Connection& c) -> Status {
            auto owner = c.query("SELECT case_id FROM citizen_views WHERE reference = $1 FOR UPDATE",
                                 {pg::text(v.reference)});
            if (!owner) {
                return owner.error();
            }
            if (owner->size() > 0 && owner->blob(0, 0) != v.caseId) {
                return makeError("reference_taken", "Another case holds this receipt reference.");
            }
            auto rows = c.query(
                "INSERT INTO citizen_views(reference, case_id, unit, verifier, sealed, updated_ms, "
                "expires_ms) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (reference) DO UPDATE SET unit = "
                "EXCLUDED.unit, "
                "verifier = EXCLUDED.verifier, sealed = EXCLUDED.sealed, updated_ms = EXCLUDED.updated_ms, "
                "expires_ms = EXCLUDED.expires_ms WHERE EXCLUDED.updated_ms >= citizen_views.updated_ms",
                {pg::text(v.reference), pg::bytes(std::span<const std::uint8_t>(v.caseId)), pg::text(v.unit),
                 pg::bytes(std::span<const std::uint8_t>(v.verifier)),
                 pg::bytes(std::span<const std::uint8_t>(v.sealed)), pg::integer(v.updatedMs),
                 pg::integer(v.expiresMs)});
            return rows ? Status() : Status(rows.error());
        });
    }

    Result<std::optional<PublishedCitizenView>> find(const std::string& reference,
                                                     std::int64_t nowMs) override {
        using Found = std::optional<PublishedCitizenView>;
        return pg::inTransaction<Found>(m_pool, [&](Connection& c) -> Result<Found> {
            auto rows =
                c.query("SELECT reference, case_id, unit, verifier, sealed, updated_ms, expires_ms FROM "
                        "citizen_views WHERE reference = $1 AND (expires_ms = 0 OR expires_ms > $2)",
                        {pg::text(reference), pg::integer(nowMs)});
            if (!rows) {
                return rows.error();
            }
            if (rows->size() == 0) {
                return Found();
            }
            return Found(PublishedCitizenView{rows->text(0, 0), rows->blob(0, 1), rows->text(0, 2),
                                              rows->blob(0, 3), rows->blob(0, 4), rows->int64(0, 5),
                                              rows->int64(0, 6)});
        });
    }

    Result<std::int64_t> deleteExpired(std::int64_t nowMs) override {
        return pg::inTransaction<std::int64_t>(m_pool, [&](Connection& c) -> Result<std::int64_t> {
            auto rows = c.query("DELETE FROM citizen_views WHERE expires_ms <> 0 AND expires_ms <= $1",
                                {pg::integer(nowMs)});
            if (!rows) {
                return rows.error();
            }
            return rows->affected();
        });
    }

private:
    Pool& m_pool;
};

} // namespace

std::unique_ptr<CitizenViews> makeCitizenViews(Pool& pool) {
    return std::make_unique<PgCitizenViews>(pool);
}

} // namespace fieldkit::hub::pg_center
