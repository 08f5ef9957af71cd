#include "schema.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

namespace fieldkit::store::detail {
namespace {

// Migration N takes user_version N to N+1. Never edit a shipped step; add a new one.
// No column holds personal data in the clear: citizen values live only inside operations.ciphertext.
constexpr std::array<std::string_view, 11> kMigrations = {
    R"sql(
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE key_slots (
        staff_name TEXT PRIMARY KEY,
        wrapped_dek BLOB NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_ms INTEGER NOT NULL
    ) STRICT;

    -- Public keys in the clear, secret halves wrapped by the DEK.
    CREATE TABLE device_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        serialised BLOB NOT NULL
    ) STRICT;

    -- The unit key arrives at enrolment sealed to this device's box key (the daemon stores it blind); the
    -- app opens it at the next unlock and keeps it wrapped by the DEK instead.
    CREATE TABLE unit_keys (
        unit TEXT PRIMARY KEY,
        public_key BLOB NOT NULL,
        wrapped_secret BLOB,
        sealed_secret BLOB
    ) STRICT;

    CREATE TABLE center_key (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        public_key BLOB NOT NULL
    ) STRICT;

    CREATE TABLE cases (
        case_id BLOB PRIMARY KEY,
        service TEXT NOT NULL,
        kle TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL,
        unit TEXT NOT NULL,
        channel TEXT NOT NULL,
        created_ms INTEGER NOT NULL,
        updated_ms INTEGER NOT NULL,
        conflicted INTEGER NOT NULL DEFAULT 0,
        wrapped_record_key BLOB,           -- NULL for a case that arrived from another device, until indexed
        sealed_key_center BLOB NOT NULL,
        sealed_key_unit BLOB NOT NULL,
        closed_acked_ms INTEGER            -- when the center acknowledged the closing status: retention clock
    ) STRICT;
    CREATE INDEX cases_by_updated ON cases(updated_ms DESC);
    CREATE INDEX cases_by_status ON cases(status, updated_ms DESC);

    CREATE TABLE operations (
        op_id INTEGER PRIMARY KEY,
        case_id BLOB NOT NULL REFERENCES cases(case_id) ON DELETE CASCADE,
        device_id TEXT NOT NULL,
        device_seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        hlc INTEGER NOT NULL,
        staff TEXT NOT NULL,
        field_refs BLOB NOT NULL,          -- clear (field id, base seq) pairs
        meta TEXT NOT NULL DEFAULT '',     -- clear metadata changes, e.g. status=done
        ciphertext BLOB NOT NULL,
        server_seq INTEGER,                -- assigned by the center; NULL until acknowledged
                rejected TEXT,                     -- the center's reason when it refused the operation: needs attention
        closes TEXT,                       -- inbound: JSON array of the versions (server_seq) it superseded
        UNIQUE (device_id, device_seq)
    ) STRICT;
    CREATE INDEX operations_by_case ON operations(case_id, op_id);

    -- The version(s) in force of each register field; more than one row means a conflict.
    CREATE TABLE field_heads (
        case_id BLOB NOT NULL REFERENCES cases(case_id) ON DELETE CASCADE,
        field_id INTEGER NOT NULL,
        op_id INTEGER NOT NULL REFERENCES operations(op_id) ON DELETE CASCADE,
        PRIMARY KEY (case_id, field_id, op_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE outbox (
        device_seq INTEGER PRIMARY KEY,
        op_id INTEGER NOT NULL REFERENCES operations(op_id) ON DELETE CASCADE,
        queued_ms INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        next_device_seq INTEGER NOT NULL,
        pull_cursor INTEGER NOT NULL,
        last_acked_device_seq INTEGER NOT NULL,
        last_hlc INTEGER NOT NULL,
        checksum INTEGER NOT NULL           -- XOR of fingerprints of operations the center sequenced
    ) STRICT;
    INSERT INTO sync_state VALUES (1, 1, 0, 0, 0, 0);

    CREATE TABLE blind_index (
        hash BLOB NOT NULL,
        case_id BLOB NOT NULL REFERENCES cases(case_id) ON DELETE CASCADE,
        PRIMARY KEY (hash, case_id)
    ) STRICT, WITHOUT ROWID;

    -- Append-only and MAC-chained; holds no personal data (ids, staff, action, purpose).
    CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at_ms INTEGER NOT NULL,
        staff TEXT NOT NULL,
        action TEXT NOT NULL,
        case_id TEXT NOT NULL,
        purpose TEXT NOT NULL,
        mac BLOB NOT NULL
    ) STRICT;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

    CREATE TABLE contacts (
        contact_id INTEGER PRIMARY KEY,
        at_ms INTEGER NOT NULL,
        channel TEXT NOT NULL,
        service TEXT NOT NULL,
        kle TEXT NOT NULL DEFAULT '',
        type TEXT NOT NULL,
        resolved_first INTEGER NOT NULL,
        referred_to TEXT NOT NULL DEFAULT '',
        citizen_ref BLOB,                  -- blind hash of the CPR: pseudonymous
        staff TEXT NOT NULL
    ) STRICT;
    CREATE INDEX contacts_by_time ON contacts(at_ms);

    CREATE TABLE attachments (
        attachment_id BLOB PRIMARY KEY,
        case_id BLOB NOT NULL REFERENCES cases(case_id) ON DELETE CASCADE,
        header BLOB NOT NULL,
        wrapped_key BLOB NOT NULL,
        sealed_key_center BLOB NOT NULL,
        sealed_key_unit BLOB NOT NULL,
        size INTEGER NOT NULL,
        chunk_count INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE attachment_chunks (
        attachment_id BLOB NOT NULL REFERENCES attachments(attachment_id) ON DELETE CASCADE,
        chunk_index INTEGER NOT NULL,
        data BLOB NOT NULL,
        acked INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (attachment_id, chunk_index)
    ) STRICT, WITHOUT ROWID;
    )sql",
    // 1 -> 2: attachments get their API. op_id names the operation that references a local attachment, so
    // the outbox can hold that operation back until the hub has every chunk; NULL for an attachment that
    // arrived from another device. An empty wrapped_key means "not opened here yet" (only sealed keys came).
    R"sql(
    ALTER TABLE attachments ADD COLUMN op_id INTEGER REFERENCES operations(op_id) ON DELETE SET NULL;
    CREATE INDEX attachments_by_op ON attachments(op_id) WHERE op_id IS NOT NULL;
    CREATE INDEX attachments_by_case ON attachments(case_id);
    CREATE INDEX attachment_chunks_unacked ON attachment_chunks(attachment_id, chunk_index) WHERE acked = 0;
    -- Only operations the center has not acknowledged: makes the case list's "pending sync" flag one probe
    -- into a small index instead of a walk over every operation of every listed case.
    CREATE INDEX operations_unacked ON operations(case_id) WHERE server_seq IS NULL;
    )sql",
    // 2 -> 3: who created each case (a staff name, clear like every operation's staff), so "my cases" is a
    // column the list reads rather than a look-up per listed row.
    R"sql(
    ALTER TABLE cases ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
    UPDATE cases SET created_by = coalesce((SELECT o.staff FROM operations o WHERE o.case_id = cases.case_id
                                            ORDER BY o.op_id LIMIT 1), '');
    CREATE INDEX cases_by_creator ON cases(created_by, updated_ms DESC);
    )sql",
    // 3 -> 4: a durable save touches fewer b-tree pages, each one a WAL frame written and synced.
    // - The case list's "pending sync" flag is a column of the case row, which every save writes anyway,
    //   instead of a partial index over operations (a page more per save). The center's acks clear it.
    // - sync_state is no longer written per save: the next device_seq and the last HLC are read from this
    //   device's newest operation (the UNIQUE (device_id, device_seq) index), and sync_state keeps only a
    //   floor under them, raised before a purge deletes operations, so a sequence number is never reused.
    R"sql(
    ALTER TABLE cases ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;
    UPDATE cases SET pending = EXISTS (SELECT 1 FROM operations o WHERE o.case_id = cases.case_id
                                       AND o.server_seq IS NULL);
    DROP INDEX operations_unacked;
    )sql",
    // 4 -> 5: an attachment the center refused says why, so the operation that references it leaves the
    // outbox as "needs attention" and no longer holds back every later save of the device. The refused
    // operations get a small index of their own: the daemon counts them (and reads the newest reason) on
    // every status update, which otherwise walks every operation.
    R"sql(
    ALTER TABLE attachments ADD COLUMN refused TEXT;
    CREATE INDEX operations_refused ON operations(op_id) WHERE rejected IS NOT NULL;
    -- The operations that reference an attachment (their clear meta names it): the download lane looks for
    -- attachments other devices made that this one does not hold whole yet.
    CREATE INDEX operations_attachment_refs ON operations(op_id) WHERE meta LIKE 'attachment=%';
    )sql",
    // 5 -> 6 (issue 15): a MAC over each case row's clear metadata, written by the app with every
    // change it makes to the row and checked by verify (case_row_seal.hpp). NULL until the app seals the row.
    R"sql(
    ALTER TABLE cases ADD COLUMN meta_mac BLOB;
    )sql",
    // 6 -> 7 (issue 14): search by the citizen's name without the name on disk. Each row is a keyed hash of
    // one key of a name word (its prefix of 3-6 letters), written by the app, which holds the data key; what
    // the rows reveal is written down in name_index.hpp. The second index serves replacing a case's rows and
    // the cascade when a case is purged. search_indexed_op: up to which operation the search entries follow
    // what arrived from other devices; search_backfill: the cases this store held before the migration
    // still need their entries (the next unlock writes them).
    R"sql(
    CREATE TABLE name_index (
        key BLOB NOT NULL,
        case_id BLOB NOT NULL REFERENCES cases(case_id) ON DELETE CASCADE,
        PRIMARY KEY (key, case_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX name_index_by_case ON name_index(case_id);
    INSERT INTO meta(key, value) SELECT 'search_indexed_op', CAST(coalesce(max(op_id), 0) AS TEXT) FROM operations;
    INSERT INTO meta(key, value) SELECT 'search_backfill', '1' WHERE EXISTS (SELECT 1 FROM cases);
    )sql",
    // 7 -> 8 (issue 13): the download lane fetches a chunk larger than the link carries between cuts in
    // slices. What arrived of such a chunk is kept here (ciphertext, as the chunks are) until it is whole,
    // because every sync-once is a new process: a cut costs the slice in flight, not the chunk.
    R"sql(
    CREATE TABLE attachment_chunk_parts (
        attachment_id BLOB NOT NULL REFERENCES attachments(attachment_id) ON DELETE CASCADE,
        chunk_index INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (attachment_id, chunk_index)
    ) STRICT, WITHOUT ROWID;
    )sql",
    // 8 -> 9 (issue 13): why the center refused an operation, as a code the app words in the staff's
    // language (core/refusal.hpp); `rejected` keeps the center's own sentence beside it. NULL for refusals
    // stored before this version: the app then shows the sentence.
    R"sql(
    ALTER TABLE operations ADD COLUMN rejected_code TEXT;
    )sql",
    // 9 -> 10 (issue 16): the number the center gave an operation before the center was restored from a
    // backup that lacks it. The operation is queued again and pushed with this number, so the center gives
    // it back the same one and every base and cursor that names it stays true (SyncQueue::requeueAfter).
    R"sql(
    ALTER TABLE operations ADD COLUMN previous_server_seq INTEGER;
    )sql",
    // 10 -> 11 (issue 18): each case's citizen view for the public status page. The receipt's code lives only
    // in the case's encrypted values; here the view key derived from it (wrapped by the data key, so a
    // republication costs no derivation), the code's verifier and the last sealed view, which the daemon
    // sends with its next push (`pending`) without being able to open it.
    R"sql(
    CREATE TABLE citizen_views (
        case_id BLOB PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        wrapped_view_key BLOB NOT NULL,
        verifier BLOB NOT NULL,
        sealed BLOB NOT NULL,
        updated_ms INTEGER NOT NULL,
        expires_ms INTEGER NOT NULL DEFAULT 0,
        pending INTEGER NOT NULL DEFAULT 1,
        refused TEXT NOT NULL DEFAULT '',
        dirty INTEGER NOT NULL DEFAULT 0 -- the case changed or was looked at since this view was sealed
    ) STRICT;
    CREATE INDEX citizen_views_pending ON citizen_views(pending) WHERE pending = 1;
    CREATE INDEX citizen_views_dirty ON citizen_views(dirty) WHERE dirty = 1;
    CREATE INDEX audit_log_by_case ON audit_log(case_id, seq);
    )sql",
};

} // namespace

Status choosePageSize(sqlite::Database& db) {
    return db.exec("PRAGMA page_size=1024");
}

Status applyPragmas(sqlite::Database& db) {
    for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON",
                               "PRAGMA secure_delete=ON"}) {
        if (auto st = db.exec(pragma); !st) {
            return st;
        }
    }
    // SQLite counts the checkpoint threshold in pages (1000 by default): keep the WAL near 4 MiB before it is
    // copied back, so a small-page store does not checkpoint four times as often.
    auto pageSize = db.queryInt("PRAGMA page_size");
    if (!pageSize) {
        return pageSize.error();
    }
    constexpr std::int64_t kCheckpointBytes = 4 << 20;
    return db.exec("PRAGMA wal_autocheckpoint=" +
                   std::to_string(kCheckpointBytes / std::max<std::int64_t>(*pageSize, 512)));
}

Status migrate(sqlite::Database& db) {
    return sqlite::applyMigrations(
        db, kMigrations,
        makeError("newer_store", "The store was written by a newer fieldkit; update the app."));
}

Status checkFormat(sqlite::Database& db) {
    const Error foreign =
        makeError("not_a_store", "The file is not a fieldkit store; it was left untouched.");
    // Reading the schema is the first thing that fails on a damaged or non-SQLite file.
    auto tables = db.queryInt("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'meta'");
    if (!tables) {
        if (tables.error().code == "corrupt") {
            return makeError("corrupt_store",
                             "The store file is damaged or not a database; it was left untouched. "
                             "Restore the device from the center.");
        }
        return tables.error();
    }
    if (*tables == 0) {
        return foreign;
    }
    auto stmt = db.prepare("SELECT value FROM meta WHERE key = 'format'");
    if (!stmt) {
        return stmt.error();
    }
    auto row = stmt->step();
    if (!row) {
        return row.error();
    }
    if (!*row || stmt->text(0) != kStoreFormat) {
        return foreign;
    }
    auto version = db.queryInt("PRAGMA user_version");
    if (!version) {
        return version.error();
    }
    if (*version > static_cast<std::int64_t>(kMigrations.size())) {
        return makeError("newer_store", "The store was written by a newer fieldkit; update the app.");
    }
    return {};
}

} // namespace fieldkit::store::detail
