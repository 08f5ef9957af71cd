#include "postgresql/pg_center_parts.hpp"

#include <algorithm>
#include <array>
#include <fieldkit/hub/center_store_config.hpp>
#include <string_view>

namespace fieldkit::hub {
namespace {

// Each entry takes schema version N to N+1. The tables mirror the SQLite center's (same names and columns,
// so a copy between them is column for column); server_seq and the attachment offer order come from
// sequences, which stay correct when several hub processes write at once.
constexpr std::array<std::string_view, 5> kMigrations = {
    R"sql(
    CREATE TABLE units (
        name TEXT PRIMARY KEY,
        public_key BYTEA NOT NULL,
        sealed_secret BYTEA NOT NULL,    -- the unit's secret box key sealed to the center key
        checksum BIGINT NOT NULL DEFAULT 0
    );
    CREATE TABLE devices (
        device_id TEXT PRIMARY KEY,
        unit TEXT NOT NULL REFERENCES units(name),
        revoked BOOLEAN NOT NULL DEFAULT false,
        last_seen_ms BIGINT NOT NULL DEFAULT 0,
        last_applied_device_seq BIGINT NOT NULL DEFAULT 0
    );
    CREATE TABLE counters (
        name TEXT PRIMARY KEY,
        value BIGINT NOT NULL
    );
    INSERT INTO counters VALUES ('certificate_serial', 2);
    CREATE SEQUENCE server_seq AS BIGINT;
    CREATE SEQUENCE attachment_seq AS BIGINT;

    CREATE TABLE cases (
        case_id BYTEA PRIMARY KEY,
        unit TEXT NOT NULL REFERENCES units(name),
        service TEXT NOT NULL,
        status TEXT NOT NULL,
        channel TEXT NOT NULL,
        conflicted BOOLEAN NOT NULL DEFAULT false,
        sealed_key_center BYTEA NOT NULL,
        sealed_key_unit BYTEA NOT NULL
    );
    CREATE TABLE operations (
        server_seq BIGINT PRIMARY KEY,
        unit TEXT NOT NULL,
        case_id BYTEA NOT NULL REFERENCES cases(case_id),
        device_id TEXT NOT NULL,
        device_seq BIGINT NOT NULL,
        message BYTEA NOT NULL,
        UNIQUE (device_id, device_seq)
    );
    CREATE INDEX operations_by_unit ON operations(unit, server_seq);
    CREATE INDEX operations_by_case ON operations(case_id, server_seq);
    CREATE TABLE field_heads (
        case_id BYTEA NOT NULL,
        field_id BIGINT NOT NULL,
        server_seq BIGINT NOT NULL,
        deleted BOOLEAN NOT NULL DEFAULT false,
        PRIMARY KEY (case_id, field_id, server_seq)
    );
    CREATE TABLE push_results (
        device_id TEXT NOT NULL,
        device_seq BIGINT NOT NULL,
        result BIGINT NOT NULL,
        ack BYTEA NOT NULL,
        PRIMARY KEY (device_id, device_seq)
    );
    CREATE TABLE enrolment_codes (
        lookup BYTEA PRIMARY KEY,
        mac_key BYTEA NOT NULL,
        unit TEXT NOT NULL REFERENCES units(name),
        created_ms BIGINT NOT NULL,
        expires_ms BIGINT NOT NULL,
        used_ms BIGINT NOT NULL DEFAULT 0,
        device_id TEXT
    );
    CREATE TABLE wipe_orders (
        device_id TEXT PRIMARY KEY REFERENCES devices(device_id),
        order_id TEXT NOT NULL UNIQUE,
        issued_ms BIGINT NOT NULL,
        signature BYTEA NOT NULL,
        delivered_ms BIGINT NOT NULL DEFAULT 0,
        confirmed_ms BIGINT NOT NULL DEFAULT 0
    );
    CREATE TABLE quarantined_operations (
        device_id TEXT NOT NULL,
        device_seq BIGINT NOT NULL,
        case_id BYTEA NOT NULL,
        received_ms BIGINT NOT NULL,
        message BYTEA NOT NULL,
        PRIMARY KEY (device_id, device_seq)
    );
    CREATE TABLE attachments (
        attachment_id BYTEA PRIMARY KEY,
        case_id BYTEA NOT NULL,
        unit TEXT NOT NULL REFERENCES units(name),
        device_id TEXT NOT NULL,
        header BYTEA NOT NULL,
        sealed_key_center BYTEA NOT NULL,
        sealed_key_unit BYTEA NOT NULL,
        size BIGINT NOT NULL,
        chunk_count BIGINT NOT NULL,
        chunks_held BIGINT NOT NULL DEFAULT 0,
        offered_seq BIGINT NOT NULL
    );
    CREATE INDEX attachments_by_case ON attachments(case_id, offered_seq);
    CREATE INDEX attachments_by_device ON attachments(device_id, offered_seq);
    CREATE TABLE attachment_chunks (
        attachment_id BYTEA NOT NULL REFERENCES attachments(attachment_id),
        chunk_index BIGINT NOT NULL,
        data BYTEA NOT NULL,
        PRIMARY KEY (attachment_id, chunk_index)
    );
    )sql",
    R"sql(
    -- The center console (fieldkit-center): its accounts, sessions (by the hash of the cookie) and the
    -- MAC-chained audit of every view of decrypted data. Read and written by the console only.
    CREATE TABLE console_users (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        totp_secret_sealed BYTEA NOT NULL,
        failed_logins BIGINT NOT NULL DEFAULT 0,
        locked_until_ms BIGINT NOT NULL DEFAULT 0,
        last_totp_step BIGINT NOT NULL DEFAULT 0,
        created_ms BIGINT NOT NULL
    );
    CREATE TABLE console_sessions (
        id_hash BYTEA PRIMARY KEY,
        user_name TEXT NOT NULL REFERENCES console_users(name),
        csrf_token BYTEA NOT NULL,
        second_factor_done BOOLEAN NOT NULL DEFAULT false,
        created_ms BIGINT NOT NULL,
        last_seen_ms BIGINT NOT NULL
    );
    CREATE TABLE center_audit (
        seq BIGINT PRIMARY KEY,
        at_ms BIGINT NOT NULL,
        user_name TEXT NOT NULL,
        action TEXT NOT NULL,
        case_hex TEXT NOT NULL,
        purpose TEXT NOT NULL,
        mac BYTEA NOT NULL
    );
    CREATE INDEX center_audit_by_case ON center_audit(case_hex, seq);
    )sql",
    R"sql(
    -- The unit's secret wrapped under a key derived from the enrolment code (see the SQLite center).
    ALTER TABLE enrolment_codes ADD COLUMN unit_key_wrapped BYTEA;
    )sql",
    R"sql(
    -- Server sequence numbers a restore set aside, and lost numbers that came back under new ones (see the
    -- SQLite center, restore_numbering.hpp).
    CREATE TABLE restored_ranges (
        first_seq BIGINT PRIMARY KEY,
        last_seq BIGINT NOT NULL,
        restored_ms BIGINT NOT NULL
    );
    CREATE TABLE renumbered_seqs (
        lost_seq BIGINT PRIMARY KEY,
        new_seq BIGINT NOT NULL
    );
    )sql",
    R"sql(
    -- The public status page's sealed citizen views (see the SQLite center).
    CREATE TABLE citizen_views (
        reference TEXT PRIMARY KEY,
        case_id BYTEA NOT NULL,
        unit TEXT NOT NULL,
        verifier BYTEA NOT NULL,
        sealed BYTEA NOT NULL,
        updated_ms BIGINT NOT NULL,
        expires_ms BIGINT NOT NULL DEFAULT 0
    );
    )sql",
};

/** Brings the schema to kMigrations.size() in one transaction. An advisory lock keeps two hubs that start at
 *  once from both migrating; a schema newer than this program is refused and left as it is. */
Status migrate(pg::Connection& c) {
    if (auto st = c.exec("BEGIN"); !st) {
        return st;
    }
    auto body = [&]() -> Status {
        if (auto st = c.exec("SELECT pg_advisory_xact_lock(0, 1)"); !st) {
            return st;
        }
        if (auto st = c.exec("CREATE TABLE IF NOT EXISTS fieldkit_schema (version BIGINT NOT NULL)"); !st) {
            return st;
        }
        auto rows = c.query("SELECT version FROM fieldkit_schema");
        if (!rows) {
            return rows.error();
        }
        const std::int64_t current = rows->empty() ? 0 : rows->int64(0, 0);
        if (current > static_cast<std::int64_t>(kMigrations.size())) {
            return makeError("newer_schema", "The PostgreSQL center store has schema version " +
                                                 std::to_string(current) +
                                                 ", written by a newer fieldkit-hub (this one knows up to " +
                                                 std::to_string(kMigrations.size()) + "); not touched.");
        }
        for (auto step = static_cast<std::size_t>(current); step < kMigrations.size(); ++step) {
            if (auto st = c.exec(kMigrations[step]); !st) {
                return st;
            }
        }
        if (rows->empty()) {
            return c.exec("INSERT INTO fieldkit_schema VALUES (" + std::to_string(kMigrations.size()) + ")");
        }
        return c.exec("UPDATE fieldkit_schema SET version = " + std::to_string(kMigrations.size()));
    };
    if (auto st = body(); !st) {
        (void)c.exec("ROLLBACK");
        return st;
    }
    return c.exec("COMMIT");
}

} // namespace

Result<std::unique_ptr<CenterStore>> openPostgresCenterStore(const PostgresStoreOptions& options) {
    if (auto st = checkPostgresConnectionString(options.conninfo); !st) {
        return st.error();
    }
    if (options.connections == 0) {
        return makeError("bad_store", "The PostgreSQL center store needs at least one connection.");
    }
    auto pool = std::make_shared<pg::Pool>(pg::ConnectOptions{options.conninfo, options.passfile},
                                           options.connections);
    {
        auto lease = pool->acquire();
        if (!lease) {
            return lease.error();
        }
        if (auto st = migrate(**lease); !st) {
            return st.error();
        }
    }
    auto& shared = *pool;
    using namespace pg_center;
    return std::make_unique<CenterStore>(CenterStore::Parts{
        pool, makeUnitStore(shared), makeDeviceRegistry(shared), makeOperationStore(shared),
        makeWipeStore(shared), makeAttachmentStore(shared), makeCenterReports(shared),
        makeCenterAccounts(shared), makeCenterAudit(shared), makeCitizenViews(shared),
        // One connection stays for the TLS revocation check on the I/O thread, so a
        // handshake never waits for a push to commit.
        std::max<std::size_t>(1, options.connections - 1)});
}

} // namespace fieldkit::hub
