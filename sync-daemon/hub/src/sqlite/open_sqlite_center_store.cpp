#include "sqlite/sqlite_center_parts.hpp"

#include <array>

namespace fieldkit::hub {
namespace {

// apart from STRICT/WITHOUT ROWID, so a second implementation can mirror it.
constexpr std::array<std::string_view, 8> kMigrations = {
    R"sql(
    CREATE TABLE units (
        name TEXT PRIMARY KEY,
        public_key BLOB NOT NULL,
        sealed_secret BLOB NOT NULL,     -- the unit's secret box key sealed to the center key
        checksum INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE TABLE devices (
        device_id TEXT PRIMARY KEY,
        unit TEXT NOT NULL REFERENCES units(name),
        revoked INTEGER NOT NULL DEFAULT 0,
        last_seen_ms INTEGER NOT NULL DEFAULT 0,
        last_applied_device_seq INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE TABLE counters (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL
    ) STRICT;
    INSERT INTO counters VALUES ('certificate_serial', 2), ('server_seq', 0);

    CREATE TABLE cases (
        case_id BLOB PRIMARY KEY,
        unit TEXT NOT NULL REFERENCES units(name),
        service TEXT NOT NULL,
        status TEXT NOT NULL,
        channel TEXT NOT NULL,
        conflicted INTEGER NOT NULL DEFAULT 0,
        sealed_key_center BLOB NOT NULL,
        sealed_key_unit BLOB NOT NULL
    ) STRICT;

    -- Every applied operation, as the protobuf message devices pull (server_seq and closes filled in).
    CREATE TABLE operations (
        server_seq INTEGER PRIMARY KEY,
        unit TEXT NOT NULL,
        case_id BLOB NOT NULL REFERENCES cases(case_id),
        device_id TEXT NOT NULL,
        device_seq INTEGER NOT NULL,
        message BLOB NOT NULL,
        UNIQUE (device_id, device_seq)
    ) STRICT;
    CREATE INDEX operations_by_unit ON operations(unit, server_seq);
    CREATE INDEX operations_by_case ON operations(case_id, server_seq);

    -- Open versions of each register field; several rows = a conflict kept for a person to resolve.
    CREATE TABLE field_heads (
        case_id BLOB NOT NULL,
        field_id INTEGER NOT NULL,
        server_seq INTEGER NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (case_id, field_id, server_seq)
    ) STRICT, WITHOUT ROWID;

    -- The answer given to each pushed operation, so a repeat gets the original one (exactly-once effect).
    CREATE TABLE push_results (
        device_id TEXT NOT NULL,
        device_seq INTEGER NOT NULL,
        result INTEGER NOT NULL,           -- PushAck.Result
        ack BLOB NOT NULL,
        PRIMARY KEY (device_id, device_seq)
    ) STRICT, WITHOUT ROWID;
    )sql",
    R"sql(
    -- One-time enrolment codes, kept only as values derived from the code (lookup and MAC key).
    CREATE TABLE enrolment_codes (
        lookup BLOB PRIMARY KEY,
        mac_key BLOB NOT NULL,
        unit TEXT NOT NULL REFERENCES units(name),
        created_ms INTEGER NOT NULL,
        expires_ms INTEGER NOT NULL,
        used_ms INTEGER NOT NULL DEFAULT 0,
        device_id TEXT
    ) STRICT;
    )sql",
    R"sql(
    -- Remote wipe: at most one order per device, signed by the center; the device obeys it on its next contact.
    CREATE TABLE wipe_orders (
        device_id TEXT PRIMARY KEY REFERENCES devices(device_id),
        order_id TEXT NOT NULL UNIQUE,
        issued_ms INTEGER NOT NULL,
        signature BLOB NOT NULL,
        delivered_ms INTEGER NOT NULL DEFAULT 0,
        confirmed_ms INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    -- What a device ordered wiped pushed on its last contact: kept as it came, for the center to review;
    -- never applied to cases and never sent to other devices.
    CREATE TABLE quarantined_operations (
        device_id TEXT NOT NULL,
        device_seq INTEGER NOT NULL,
        case_id BLOB NOT NULL,
        received_ms INTEGER NOT NULL,
        message BLOB NOT NULL,
        PRIMARY KEY (device_id, device_seq)
    ) STRICT;
    )sql",
    R"sql(
    -- Attachments arrive in their own lane: routing data, the stream header and the key sealed to the center
    -- and to the unit; the content stays ciphertext. chunks_held counts the rows in attachment_chunks, so
    -- "complete" needs no scan.
    CREATE TABLE attachments (
        attachment_id BLOB PRIMARY KEY,
        case_id BLOB NOT NULL,
        unit TEXT NOT NULL REFERENCES units(name),
        device_id TEXT NOT NULL,
        header BLOB NOT NULL,
        sealed_key_center BLOB NOT NULL,
        sealed_key_unit BLOB NOT NULL,
        size INTEGER NOT NULL,
        chunk_count INTEGER NOT NULL,
        chunks_held INTEGER NOT NULL DEFAULT 0,
        offered_seq INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX attachments_by_case ON attachments(case_id, offered_seq);
    -- A rowid table, not WITHOUT ROWID: rows of 256 KiB are far beyond what WITHOUT ROWID handles well.
    CREATE TABLE attachment_chunks (
        attachment_id BLOB NOT NULL REFERENCES attachments(attachment_id),
        chunk_index INTEGER NOT NULL,
        data BLOB NOT NULL,
        UNIQUE (attachment_id, chunk_index)
    ) STRICT;
    INSERT INTO counters VALUES ('attachment_seq', 0);
    )sql",
    R"sql(
    -- The center console (fieldkit-center): its accounts, sessions (by the hash of the cookie) and the
    -- MAC-chained audit of every view of decrypted data. Read and written by the console only.
    CREATE TABLE console_users (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        totp_secret_sealed BLOB NOT NULL,
        failed_logins INTEGER NOT NULL DEFAULT 0,
        locked_until_ms INTEGER NOT NULL DEFAULT 0,
        last_totp_step INTEGER NOT NULL DEFAULT 0,
        created_ms INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE console_sessions (
        id_hash BLOB PRIMARY KEY,
        user_name TEXT NOT NULL REFERENCES console_users(name),
        csrf_token BLOB NOT NULL,
        second_factor_done INTEGER NOT NULL DEFAULT 0,
        created_ms INTEGER NOT NULL,
        last_seen_ms INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE center_audit (
        seq INTEGER PRIMARY KEY,
        at_ms INTEGER NOT NULL,
        user_name TEXT NOT NULL,
        action TEXT NOT NULL,
        case_hex TEXT NOT NULL,
        purpose TEXT NOT NULL,
        mac BLOB NOT NULL
    ) STRICT;
    CREATE INDEX center_audit_by_case ON center_audit(case_hex, seq);
    )sql",
    R"sql(
    -- The unit's secret wrapped under a key derived from the enrolment code, made by whoever made the code
    -- (holding the center key); the hub hands it over and never needs the center key. NULL once the code is
    -- used or expired.
    ALTER TABLE enrolment_codes ADD COLUMN unit_key_wrapped BLOB;
    )sql",
    R"sql(
    -- Server sequence numbers a restore from a backup set aside, and lost numbers whose changes came back
    -- under new numbers (restore_numbering.hpp).
    CREATE TABLE restored_ranges (
        first_seq INTEGER PRIMARY KEY,
        last_seq INTEGER NOT NULL,
        restored_ms INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE renumbered_seqs (
        lost_seq INTEGER PRIMARY KEY,
        new_seq INTEGER NOT NULL
    ) STRICT;
    )sql",
    R"sql(
    -- The public status page (issue 18): per receipt reference the code's verifier and the citizen view
    -- sealed under a key derived from the code; only routing data in clear.
    CREATE TABLE citizen_views (
        reference TEXT PRIMARY KEY,
        case_id BLOB NOT NULL,
        unit TEXT NOT NULL,
        verifier BLOB NOT NULL,
        sealed BLOB NOT NULL,
        updated_ms INTEGER NOT NULL,
        expires_ms INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    )sql",
};

} // namespace

Result<std::unique_ptr<CenterStore>> openSqliteCenterStore(const std::filesystem::path& file, bool create) {
    auto db = sqlite::Database::open(file, create ? sqlite::OpenMode::CreateIfMissing
                                                  : sqlite::OpenMode::MustExist);
    if (!db) {
        return db.error();
    }
    for (const char* pragma :
         {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
        if (auto st = db->exec(pragma); !st) {
            return st.error();
        }
    }
    if (auto st = sqlite::applyMigrations(
            *db, kMigrations,
            makeError("newer_schema", "The center store was written by a newer fieldkit-hub."));
        !st) {
        return st.error();
    }
    // One connection serves every concern: the hub uses a store from one thread at a time.
    auto connection = std::make_shared<sqlite::Database>(std::move(*db));
    auto& shared = *connection;
    using namespace sqlite_center;
    return std::make_unique<CenterStore>(CenterStore::Parts{
        connection, makeUnitStore(shared), makeDeviceRegistry(shared), makeOperationStore(shared),
        makeWipeStore(shared), makeAttachmentStore(shared), makeCenterReports(shared),
        makeCenterAccounts(shared), makeCenterAudit(shared), makeCitizenViews(shared)});
}

} // namespace fieldkit::hub
