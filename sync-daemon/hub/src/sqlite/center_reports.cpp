#include "sqlite/sqlite_center_parts.hpp"

namespace fieldkit::hub::sqlite_center {
namespace {

/** Counts over the SQLite center for stats. */
class SqliteCenterReports final : public CenterReports {
public:
    explicit SqliteCenterReports(Database& db)
        : m_db(db) {}

    Result<CenterStats> stats() override {
        CenterStats s;
        const std::pair<const char*, std::int64_t*> queries[] = {
            {"SELECT count(*) FROM devices", &s.devices},
            {"SELECT count(*) FROM units", &s.units},
            {"SELECT count(*) FROM cases", &s.cases},
            {"SELECT count(*) FROM operations", &s.operations},
            {"SELECT count(*) FROM cases WHERE conflicted = 1", &s.conflictedCases},
            {"SELECT count(*) FROM push_results WHERE result = 2", &s.rejected},
            {"SELECT count(*) FROM attachments", &s.attachments},
            {"SELECT count(*) FROM attachments WHERE chunks_held = chunk_count", &s.completeAttachments},
            {"SELECT count(*) FROM attachment_chunks", &s.attachmentChunks},
            {"SELECT count(*) FROM quarantined_operations", &s.quarantined},
            {"SELECT count(*) FROM wipe_orders", &s.wipeOrders},
            {"SELECT count(*) FROM wipe_orders WHERE confirmed_ms != 0", &s.wipesConfirmed},
        };
        for (const auto& [sql, target] : queries) {
            auto value = m_db.queryInt(sql);
            if (!value) {
                return value.error();
            }
            *target = *value;
        }
        return s;
    }

    Database& m_db;
};

} // namespace

std::unique_ptr<CenterReports> makeCenterReports(Database& db) {
    return std::make_unique<SqliteCenterReports>(db);
}

} // namespace fieldkit::hub::sqlite_center
