#pragma once

#include <cstddef>
#include <fieldkit/core/result.hpp>
#include <fieldkit/hub/attachment_store.hpp>
#include <fieldkit/hub/center_accounts.hpp>
#include <fieldkit/hub/center_audit.hpp>
#include <fieldkit/hub/center_records.hpp>
#include <fieldkit/hub/center_reports.hpp>
#include <fieldkit/hub/citizen_views.hpp>
#include <fieldkit/hub/device_registry.hpp>
#include <fieldkit/hub/operation_store.hpp>
#include <fieldkit/hub/unit_store.hpp>
#include <fieldkit/hub/wipe_store.hpp>
#include <filesystem>
#include <memory>
#include <string>

namespace fieldkit::hub {

/** The center's durable state, one object per concern. The hub, its commands and its tests hold this and
 *  never learn which database is behind it; each backend builds the concerns over one shared connection
 *  (SQLite) or connection pool (PostgreSQL). */
class CenterStore {
public:
    /** What a backend hands over. `connection` keeps what the concerns share alive; it is declared first so
     *  it is destroyed after them. */
    struct Parts {
        std::shared_ptr<void> connection;
        std::unique_ptr<UnitStore> units;
        std::unique_ptr<DeviceRegistry> devices;
        std::unique_ptr<OperationStore> operations;
        std::unique_ptr<WipeStore> wipes;
        std::unique_ptr<AttachmentStore> attachments;
        std::unique_ptr<CenterReports> reports;
        std::unique_ptr<CenterAccounts> accounts;   // the console's accounts and sessions
        std::unique_ptr<CenterAudit> audit;         // the console's audit log
        std::unique_ptr<CitizenViews> citizenViews; // the public status page's sealed views
        std::size_t concurrency = 1;                // how many threads may use the concerns at once
    };

    explicit CenterStore(Parts parts);

    [[nodiscard]] UnitStore& units() { return *m_parts.units; }
    [[nodiscard]] DeviceRegistry& devices() { return *m_parts.devices; }
    [[nodiscard]] OperationStore& operations() { return *m_parts.operations; }
    [[nodiscard]] WipeStore& wipes() { return *m_parts.wipes; }
    [[nodiscard]] AttachmentStore& attachments() { return *m_parts.attachments; }
    [[nodiscard]] CenterReports& reports() { return *m_parts.reports; }
    [[nodiscard]] CenterAccounts& accounts() { return *m_parts.accounts; }
    [[nodiscard]] CenterAudit& audit() { return *m_parts.audit; }
    [[nodiscard]] CitizenViews& citizenViews() { return *m_parts.citizenViews; }
    /** How many threads may use the store at once: one for SQLite (one connection, one writer), more for
     *  PostgreSQL, whose commits then overlap (each waits for its own WAL flush, not for the others'). */
    [[nodiscard]] std::size_t concurrency() const { return m_parts.concurrency; }

private:
    Parts m_parts;
};

/** Where a PostgreSQL center store is. The connection string must not hold a password: libpq reads it from
 *  `passfile` (PGPASSFILE format) or its defaults. TLS is the string's sslmode (verify-full in production).
 */
struct PostgresStoreOptions {
    std::string conninfo; // postgresql://user@host:port/db?sslmode=verify-full, or key=value pairs
    std::string passfile;
    std::size_t connections =
        4; // the pool: the hub's store threads (all but one) and the TLS revocation check
};

/** Opens the PostgreSQL center store, applying its migrations first (in one transaction; a schema newer than
 *  this program is refused with code newer_schema). */
[[nodiscard]] Result<std::unique_ptr<CenterStore>>
openPostgresCenterStore(const PostgresStoreOptions& options);

/** Opens (or with `create`, creates) the embedded SQLite center store. */
[[nodiscard]] Result<std::unique_ptr<CenterStore>> openSqliteCenterStore(const std::filesystem::path& file,
                                                                         bool create);

} // namespace fieldkit::hub
