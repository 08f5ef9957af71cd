#include "sqlite/sqlite_center_parts.hpp"

namespace fieldkit::hub::sqlite_center {
namespace {

/** Citizen views in the SQLite center. */
class SqliteCitizenViews final : public CitizenViews {
public:
    explicit SqliteCitizenViews(Database& db)
        : m_db(db) {}

    Status publish(const PublishedCitizenView& v) override {
        auto owner = m_db.cached("SELECT case_id FROM citizen_views WHERE reference = ?1");
        if (!owner) {
            return owner.error();
        }
        owner->bind(1, v.reference);
        auto row = owner->step();
        if (!row) {
            return row.error();
        }
        if (*row && owner->blob(0) != v.caseId) {
            return makeError("reference_taken", "Another case holds this receipt reference.");
        }
        auto stmt = m_db.cached(
            "INSERT INTO citizen_views(reference, case_id, unit, verifier, sealed, updated_ms, expires_ms) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(reference) DO UPDATE SET unit = excluded.unit, "
            "verifier = excluded.verifier, sealed = excluded.sealed, updated_ms = excluded.updated_ms, "
            "expires_ms = excluded.expires_ms WHERE excluded.updated_ms >= citizen_views.updated_ms");
        if (!stmt) {
            return stmt.error();
        }
        return stmt->bind(1, v.reference)
            .bind(2, v.caseId)
            .bind(3, v.unit)
            .bind(4, v.verifier)
            .bind(5, v.sealed)
            .bind(6, v.updatedMs)
            .bind(7, v.expiresMs)
            .run();
    }

    Result<std::optional<PublishedCitizenView>> find(const std::string& reference,
                                                     std::int64_t nowMs) override {
        auto stmt =
            m_db.cached("SELECT reference, case_id, unit, verifier, sealed, updated_ms, expires_ms "
                        "FROM citizen_views WHERE reference = ?1 AND (expires_ms = 0 OR expires_ms > ?2)");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, reference).bind(2, nowMs);
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return std::optional<PublishedCitizenView>();
        }
        PublishedCitizenView v{stmt->text(0), stmt->blob(1),  stmt->text(2), stmt->blob(3),
                               stmt->blob(4), stmt->int64(5), stmt->int64(6)};
        return std::optional<PublishedCitizenView>(std::move(v));
    }

    Result<std::int64_t> deleteExpired(std::int64_t nowMs) override {
        auto stmt = m_db.cached("DELETE FROM citizen_views WHERE expires_ms <> 0 AND expires_ms <= ?1");
        if (!stmt) {
            return stmt.error();
        }
        if (auto st = stmt->bind(1, nowMs).run(); !st) {
            return st.error();
        }
        return static_cast<std::int64_t>(m_db.changes());
    }

private:
    Database& m_db;
};

} // namespace

std::unique_ptr<CitizenViews> makeCitizenViews(Database& db) {
    return std::make_unique<SqliteCitizenViews>(db);
}

} // namespace fieldkit::hub::sqlite_center
