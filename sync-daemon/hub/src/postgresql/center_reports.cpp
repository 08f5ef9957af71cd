#include "postgresql/pg_center_parts.hpp"

namespace fieldkit::hub::pg_center {
namespace {

/** Counts over the PostgreSQL center for stats, in one statement (one snapshot, one round trip). */
class PgCenterReports final : public CenterReports {
public:
    explicit PgCenterReports(Pool& pool)
        : m_pool(pool) {}

    Result<CenterStats> stats() override {
        return pg::inTransaction<CenterStats>(m_pool, [&](Connection& c) -> Result<CenterStats> {
            auto rows = c.query(
                "SELECT (SELECT count(*) FROM devices), (SELECT count(*) FROM units), (SELECT count(*) FROM "
                "cases), "
                "(SELECT count(*) FROM operations), (SELECT count(*) FROM cases WHERE conflicted), "
                "(SELECT count(*) FROM push_results WHERE result = 2), (SELECT count(*) FROM attachments), "
                "(SELECT count(*) FROM attachments WHERE chunks_held = chunk_count), "
                "(SELECT count(*) FROM attachment_chunks), (SELECT count(*) FROM quarantined_operations), "
                "(SELECT count(*) FROM wipe_orders), (SELECT count(*) FROM wipe_orders WHERE confirmed_ms != "
                "0)");
            if (!rows) {
                return rows.error();
            }
            CenterStats s;
            std::int64_t* targets[] = {
                &s.devices,          &s.units,       &s.cases,       &s.operations,
                &s.conflictedCases,  &s.rejected,    &s.attachments, &s.completeAttachments,
                &s.attachmentChunks, &s.quarantined, &s.wipeOrders,  &s.wipesConfirmed};
            for (int i = 0; i < 12; ++i) {
                *targets[i] = rows->int64(0, i);
            }
            return s;
        });
    }

private:
    Pool& m_pool;
};

} // namespace

std::unique_ptr<CenterReports> makeCenterReports(Pool& pool) {
    return std::make_unique<PgCenterReports>(pool);
}

} // namespace fieldkit::hub::pg_center
