#include <algorithm>
#include <array>
#include <fieldkit/core/case_meta.hpp>
#include <fieldkit/core/field.hpp>
#include <fieldkit/core/merge.hpp>
#include <fieldkit/core/partition_checksum.hpp>
#include <fieldkit/crypto/attachment_stream.hpp>
#include <fieldkit/crypto/content_hash.hpp>
#include <fieldkit/engine/attachment_lane.hpp>
#include <fieldkit/hub/center_store.hpp>
#include <fieldkit/sqlite/collect.hpp>
#include <fieldkit/sqlite/database.hpp>
#include <map>
#include <optional>
#include <span>
#include <string_view>

namespace fieldkit::hub {
namespace {

static_assert(engine::kChunkPlainBytes == crypto::kAttachmentChunkSize &&
                  engine::kChunkOverheadBytes == crypto::kAttachmentChunkOverhead &&
                  engine::kStreamHeaderBytes == crypto::kAttachmentHeaderSize,
              "the lane's chunk geometry must match the attachment stream's");

using sqlite::Bytes;
using sqlite::Database;
using sqlite::Transaction;

/** Runs a statement without rows through the connection's statement cache (hot paths). */
Status execCached(Database& db, std::string_view sql) {
    auto stmt = db.cached(sql);
    if (!stmt) {
        return stmt.error();
    }
    return stmt->run();
}

// Each entry migrates user_version N to N+1 in its own transaction. Plain SQL that PostgreSQL also reads,
// apart from STRICT/WITHOUT ROWID, so a second implementation can mirror it.
constexpr std::array<std::string_view, 4> kMigrations = {
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
};

template <typename T>
Result<T> prepared(Database& db, std::string_view sql, auto&& body) {
    auto stmt = db.cached(sql);
    if (!stmt) {
        return stmt.error();
    }
    return body(*stmt);
}

protocol::PushAck rejected(std::uint64_t deviceSeq, const std::string& reason) {
    protocol::PushAck ack;
    ack.set_device_seq(deviceSeq);
    ack.set_result(protocol::PushAck::REJECTED);
    ack.set_reason(reason);
    return ack;
}

Bytes toBytes(const std::string& s) {
    return Bytes(s.begin(), s.end());
}

/** Protobuf `bytes` bound as a BLOB (binding the std::string itself would store TEXT, which never equals a
 *  BLOB in SQLite). */
std::span<const std::uint8_t> blobOf(const std::string& s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

/** The fixed facts of an attachment as the center recorded them at its first offer. */
struct AttachmentFacts {
    std::string deviceId;
    Bytes header;
    std::uint64_t size = 0;
    std::uint32_t chunkCount = 0;
};

/** SQLite implementation of the center store. */
class SqliteCenterStore final : public CenterStore {
public:
    explicit SqliteCenterStore(Database db)
        : m_db(std::move(db)) {}

    Status migrate() {
        return sqlite::applyMigrations(
            m_db, kMigrations,
            makeError("newer_schema", "The center store was written by a newer fieldkit-hub."));
    }

    Status addUnit(const UnitRecord& unit) override {
        auto stmt = m_db.cached("INSERT INTO units(name, public_key, sealed_secret) VALUES (?1, ?2, ?3)");
        if (!stmt) {
            return stmt.error();
        }
        auto st = stmt->bind(1, unit.name).bind(2, unit.publicKey).bind(3, unit.sealedSecret).run();
        if (!st && st.error().code == "constraint") {
            return makeError("unit_exists", "A unit named " + unit.name + " already exists.");
        }
        return st;
    }

    Result<UnitRecord> unit(const std::string& name) override {
        return prepared<UnitRecord>(m_db, "SELECT public_key, sealed_secret FROM units WHERE name = ?1",
                                    [&](sqlite::Statement& s) -> Result<UnitRecord> {
                                        s.bind(1, name);
                                        auto row = s.step();
                                        if (!row) {
                                            return row.error();
                                        }
                                        if (!*row) {
                                            return makeError("unknown_unit",
                                                             "There is no unit named " + name + ".");
                                        }
                                        return UnitRecord{name, s.blob(0), s.blob(1)};
                                    });
    }

    Result<std::vector<std::string>> units() override {
        return prepared<std::vector<std::string>>(
            m_db, "SELECT name FROM units ORDER BY name",
            [](sqlite::Statement& s) -> Result<std::vector<std::string>> {
                std::vector<std::string> names;
                while (true) {
                    auto row = s.step();
                    if (!row) {
                        return row.error();
                    }
                    if (!*row) {
                        return names;
                    }
                    names.push_back(s.text(0));
                }
            });
    }

    Status registerDevice(const std::string& deviceId, const std::string& unitName) override {
        if (auto u = unit(unitName); !u) {
            return u.error();
        }
        auto stmt = m_db.cached("INSERT INTO devices(device_id, unit) VALUES (?1, ?2)");
        if (!stmt) {
            return stmt.error();
        }
        auto st = stmt->bind(1, deviceId).bind(2, unitName).run();
        if (!st && st.error().code == "constraint") {
            return makeError("device_exists", "The device " + deviceId + " is already enrolled.");
        }
        return st;
    }

    Result<DeviceRecord> device(const std::string& deviceId) override {
        auto stmt = m_db.cached(
            "SELECT d.unit, d.revoked, d.last_seen_ms, d.last_applied_device_seq, w.device_id IS NOT NULL "
            "AND "
            "w.confirmed_ms = 0 FROM devices d LEFT JOIN wipe_orders w ON w.device_id = d.device_id WHERE "
            "d.device_id = ?1");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, deviceId);
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return makeError("unknown_device", "The center does not know device " + deviceId + ".");
        }
        return DeviceRecord{deviceId,
                            stmt->text(0),
                            stmt->int64(1) != 0,
                            stmt->int64(2),
                            static_cast<std::uint64_t>(stmt->int64(3)),
                            stmt->int64(4) != 0};
    }

    Status revokeDevice(const std::string& deviceId) override {
        auto stmt = m_db.cached("UPDATE devices SET revoked = 1 WHERE device_id = ?1");
        if (!stmt) {
            return stmt.error();
        }
        if (auto st = stmt->bind(1, deviceId).run(); !st) {
            return st;
        }
        if (m_db.changes() == 0) {
            return makeError("unknown_device", "The center does not know device " + deviceId + ".");
        }
        return {};
    }

    Status recordContact(const std::string& deviceId, std::int64_t nowMs) override {
        auto stmt = m_db.cached("UPDATE devices SET last_seen_ms = ?2 WHERE device_id = ?1");
        if (!stmt) {
            return stmt.error();
        }
        return stmt->bind(1, deviceId).bind(2, nowMs).run();
    }

    Result<std::uint64_t> serverHead(const std::string& unitName) override {
        auto stmt = m_db.cached("SELECT coalesce(max(server_seq), 0) FROM operations WHERE unit = ?1");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, unitName);
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        return static_cast<std::uint64_t>(stmt->int64(0));
    }

    Status addEnrolmentCode(const EnrolmentCodeRecord& code) override {
        if (auto u = unit(code.unit); !u) {
            return u.error();
        }
        auto stmt = m_db.cached("INSERT INTO enrolment_codes(lookup, mac_key, unit, created_ms, expires_ms) "
                                "VALUES (?1, ?2, ?3, ?4, ?5)");
        if (!stmt) {
            return stmt.error();
        }
        return stmt->bind(1, code.lookup)
            .bind(2, code.macKey)
            .bind(3, code.unit)
            .bind(4, code.createdMs)
            .bind(5, code.expiresMs)
            .run();
    }

    Result<EnrolmentCodeRecord> enrolmentCode(const Bytes& lookup) override {
        auto stmt =
            m_db.cached("SELECT mac_key, unit, created_ms, expires_ms, used_ms, coalesce(device_id, '') "
                        "FROM enrolment_codes WHERE lookup = ?1");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, lookup);
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return makeError("unknown_code", "The enrolment code is not valid for this center.");
        }
        return EnrolmentCodeRecord{lookup,         stmt->blob(0),  stmt->text(1), stmt->int64(2),
                                   stmt->int64(3), stmt->int64(4), stmt->text(5)};
    }

    Status redeemEnrolmentCode(const Bytes& lookup, const std::string& deviceId,
                               std::int64_t nowMs) override {
        auto tx = Transaction::begin(m_db);
        if (!tx) {
            return tx.error();
        }
        auto code = enrolmentCode(lookup);
        if (!code) {
            return code.error();
        }
        if (code->usedMs != 0) {
            return makeError("code_used", "The enrolment code has already been used; ask for a new one.");
        }
        if (nowMs >= code->expiresMs) {
            return makeError("code_expired", "The enrolment code has expired; ask for a new one.");
        }
        auto mark = m_db.cached("UPDATE enrolment_codes SET used_ms = ?2, device_id = ?3 WHERE lookup = ?1");
        if (!mark) {
            return mark.error();
        }
        if (auto st = mark->bind(1, lookup).bind(2, nowMs).bind(3, deviceId).run(); !st) {
            return st;
        }
        if (auto st = registerDevice(deviceId, code->unit); !st) {
            return st; // the transaction rolls back: the code stays unused
        }
        return tx->commit();
    }

    Result<std::uint64_t> nextCertificateSerial() override {
        auto tx = Transaction::begin(m_db);
        if (!tx) {
            return tx.error();
        }
        if (auto st = m_db.exec("UPDATE counters SET value = value + 1 WHERE name = 'certificate_serial'");
            !st) {
            return st.error();
        }
        auto serial = m_db.queryInt("SELECT value FROM counters WHERE name = 'certificate_serial'");
        if (!serial) {
            return serial.error();
        }
        if (auto st = tx->commit(); !st) {
            return st.error();
        }
        return static_cast<std::uint64_t>(*serial);
    }

    Result<std::vector<protocol::PushAck>> applyBatch(const DeviceRecord& device,
                                                      const std::vector<protocol::Operation>& ops) override {
        auto tx = Transaction::begin(m_db);
        if (!tx) {
            return tx.error();
        }
        std::vector<protocol::PushAck> acks;
        std::uint64_t lastApplied = device.lastAppliedDeviceSeq;
        for (const auto& op : ops) {
            auto earlier = answeredBefore(device, op);
            if (!earlier) {
                return earlier.error();
            }
            if (earlier->has_value()) {
                acks.push_back(std::move(**earlier));
                continue;
            }
            protocol::PushAck ack;
            if (op.device_seq() <= lastApplied) {
                ack =
                    rejected(op.device_seq(), "the operation is older than what the center already applied");
            } else {
                if (auto st = execCached(m_db, "SAVEPOINT op"); !st) {
                    return st.error();
                }
                auto applied = applyOne(device, op);
                if (!applied) {
                    if (auto st = execCached(m_db, "ROLLBACK TO op"); !st) {
                        return st.error();
                    }
                    if (applied.error().code == "rejected") {
                        ack = rejected(op.device_seq(), applied.error().message);
                    } else {
                        return applied.error(); // storage failure: nothing of the batch is kept
                    }
                } else {
                    ack = std::move(*applied);
                }
                if (auto st = execCached(m_db, "RELEASE op"); !st) {
                    return st.error();
                }
            }
            if (auto st = saveAck(device.deviceId, ack); !st) {
                return st.error();
            }
            lastApplied = std::max<std::uint64_t>(lastApplied, op.device_seq());
            acks.push_back(std::move(ack));
        }
        auto bump = m_db.cached("UPDATE devices SET last_applied_device_seq = ?2 WHERE device_id = ?1");
        if (!bump) {
            return bump.error();
        }
        if (auto st = bump->bind(1, device.deviceId).bind(2, static_cast<std::int64_t>(lastApplied)).run();
            !st) {
            return st.error();
        }
        if (auto st = tx->commit(); !st) {
            return st.error();
        }
        return acks;
    }

    Result<ChangesPage> changesSince(const std::string& unitName, std::uint64_t cursor,
                                     const std::string& excludeDevice, int limit,
                                     std::size_t maxBytes) override {
        auto stmt =
            m_db.cached("SELECT server_seq, device_id, message, device_seq FROM operations WHERE unit = "
                        "?1 AND server_seq > ?2 ORDER BY server_seq LIMIT ?3");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, unitName)
            .bind(2, static_cast<std::int64_t>(cursor))
            .bind(3, static_cast<std::int64_t>(limit) + 1);
        ChangesPage page;
        page.checkpoint = cursor;
        int scanned = 0;
        std::size_t bytes = 0;
        while (true) {
            auto row = stmt->step();
            if (!row) {
                return row.error();
            }
            if (!*row) {
                break;
            }
            if (++scanned > limit) {
                page.more = true;
                break;
            }
            const bool own = stmt->text(1) == excludeDevice;
            const std::size_t size = own ? 0 : stmt->size(2);
            if (!page.ops.empty() && bytes + size > maxBytes) {
                page.more = true; // the checkpoint stays before this change: the next page starts with it
                break;
            }
            page.checkpoint = static_cast<std::uint64_t>(stmt->int64(0));
            if (own) {
                // The device has its own operations; the checkpoint still moves past them, so their acks go
                // with the page: a later change may close one by a server_seq whose ack the device lost. The
                // row holds all an ack of an applied operation must say.
                protocol::PushAck ack;
                ack.set_device_seq(static_cast<std::uint64_t>(stmt->int64(3)));
                ack.set_server_seq(page.checkpoint);
                ack.set_result(protocol::PushAck::DUPLICATE);
                page.ownAcks.push_back(std::move(ack));
                continue;
            }
            bytes += size;
            const Bytes message = stmt->blob(2);
            protocol::Operation op;
            if (!op.ParseFromArray(message.data(), static_cast<int>(message.size()))) {
                return makeError("corrupt", "A stored operation does not parse.");
            }
            page.ops.push_back(std::move(op));
        }
        auto checksum = m_db.cached("SELECT checksum FROM units WHERE name = ?1");
        if (!checksum) {
            return checksum.error();
        }
        checksum->bind(1, unitName);
        if (auto row = checksum->step(); row && *row) {
            page.checksum = static_cast<std::uint64_t>(checksum->int64(0));
        }
        return page;
    }

    Result<std::vector<std::uint32_t>> offerAttachment(const DeviceRecord& device,
                                                       const protocol::AttachmentOffer& offer) override {
        if (auto st = engine::checkOffer(offer); !st) {
            return st.error();
        }
        auto tx = Transaction::begin(m_db);
        if (!tx) {
            return tx.error();
        }
        auto known = attachmentFacts(toBytes(offer.attachment_id()));
        if (!known) {
            return known.error();
        }
        if (known->has_value()) {
            // The same attachment offered again (a resumed transfer). An id that names something else is
            // refused: a device must not add chunks to another device's attachment.
            const auto& facts = **known;
            if (facts.deviceId != device.deviceId || facts.header != toBytes(offer.header()) ||
                facts.size != offer.size() || facts.chunkCount != offer.chunk_count()) {
                return makeError("bad_offer",
                                 "The attachment was refused: its id belongs to a different attachment.");
            }
        } else {
            auto seq = m_db.cached(
                "UPDATE counters SET value = value + 1 WHERE name = 'attachment_seq' RETURNING value");
            if (!seq) {
                return seq.error();
            }
            auto row = seq->step();
            if (!row || !*row) {
                return row ? makeError("corrupt", "The attachment counter is missing.") : row.error();
            }
            const std::int64_t offered = seq->int64(0);
            auto insert = m_db.cached(
                "INSERT INTO attachments(attachment_id, case_id, unit, device_id, header, sealed_key_center, "
                "sealed_key_unit, size, chunk_count, offered_seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                "?9, "
                "?10)");
            if (!insert) {
                return insert.error();
            }
            if (auto st = insert->bind(1, blobOf(offer.attachment_id()))
                              .bind(2, blobOf(offer.case_id()))
                              .bind(3, device.unit)
                              .bind(4, device.deviceId)
                              .bind(5, blobOf(offer.header()))
                              .bind(6, blobOf(offer.sealed_key_center()))
                              .bind(7, blobOf(offer.sealed_key_unit()))
                              .bind(8, static_cast<std::int64_t>(offer.size()))
                              .bind(9, static_cast<std::int64_t>(offer.chunk_count()))
                              .bind(10, offered)
                              .run();
                !st) {
                return st.error();
            }
        }
        auto held = heldChunks(toBytes(offer.attachment_id()));
        if (!held) {
            return held.error();
        }
        if (auto st = tx->commit(); !st) {
            return st.error();
        }
        return engine::absentChunks(offer.chunk_count(), *held);
    }

    Result<ChunkStored> storeChunk(const DeviceRecord& device,
                                   const protocol::AttachmentChunk& chunk) override {
        const std::vector<std::uint8_t> data(chunk.data().begin(), chunk.data().end());
        const auto checksum = crypto::contentHash(data);
        if (chunk.checksum().size() != checksum.size() ||
            !std::equal(checksum.begin(), checksum.end(), blobOf(chunk.checksum()).begin())) {
            return makeError(
                "bad_chunk",
                "The attachment chunk was refused: its checksum does not match (damaged in transit).");
        }
        auto tx = Transaction::begin(m_db);
        if (!tx) {
            return tx.error();
        }
        const Bytes attachmentId = toBytes(chunk.attachment_id());
        auto facts = attachmentFacts(attachmentId);
        if (!facts) {
            return facts.error();
        }
        if (!facts->has_value() || (*facts)->deviceId != device.deviceId) {
            return makeError("bad_chunk",
                             "The attachment chunk was refused: this device has not offered its attachment.");
        }
        if (auto st = engine::checkChunkPlace((*facts)->size, (*facts)->chunkCount, chunk.index(),
                                              chunk.offset(), data.size());
            !st) {
            return st.error();
        }
        auto insert = m_db.cached("INSERT INTO attachment_chunks(attachment_id, chunk_index, data) VALUES "
                                  "(?1, ?2, ?3) ON CONFLICT DO NOTHING");
        if (!insert) {
            return insert.error();
        }
        if (auto st = insert->bind(1, attachmentId)
                          .bind(2, static_cast<std::int64_t>(chunk.index()))
                          .bind(3, data)
                          .run();
            !st) {
            return st.error();
        }
        if (m_db.changes() == 0) {
            return ChunkStored::Duplicate; // the transaction ends without a write
        }
        auto count =
            m_db.cached("UPDATE attachments SET chunks_held = chunks_held + 1 WHERE attachment_id = ?1");
        if (!count) {
            return count.error();
        }
        if (auto st = count->bind(1, attachmentId).run(); !st) {
            return st.error();
        }
        if (auto st = tx->commit(); !st) {
            return st.error();
        }
        return ChunkStored::Added;
    }

    Result<std::vector<CenterAttachment>> caseAttachments(const std::vector<std::uint8_t>& caseId) override {
        auto stmt =
            m_db.cached("SELECT attachment_id, case_id, unit, device_id, size, chunk_count, chunks_held "
                        "FROM attachments WHERE case_id = ?1 ORDER BY offered_seq");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, caseId);
        return sqlite::collect<CenterAttachment>(*stmt, [](const sqlite::Statement& s) {
            return CenterAttachment{s.blob(0),
                                    s.blob(1),
                                    s.text(2),
                                    s.text(3),
                                    static_cast<std::uint64_t>(s.int64(4)),
                                    static_cast<std::uint32_t>(s.int64(5)),
                                    static_cast<std::uint32_t>(s.int64(6))};
        });
    }

    Result<std::vector<std::uint8_t>> attachmentChunk(const std::vector<std::uint8_t>& attachmentId,
                                                      std::uint32_t index) override {
        auto stmt =
            m_db.cached("SELECT data FROM attachment_chunks WHERE attachment_id = ?1 AND chunk_index = ?2");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, attachmentId).bind(2, static_cast<std::int64_t>(index));
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return makeError("unknown_chunk", "The center does not hold this attachment chunk.");
        }
        return stmt->blob(0);
    }

    Result<HeldAttachment> heldAttachment(const std::vector<std::uint8_t>& attachmentId) override {
        auto stmt = m_db.cached("SELECT case_id, unit, header, sealed_key_center, sealed_key_unit, size, "
                                "chunk_count, chunks_held FROM attachments WHERE attachment_id = ?1");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, attachmentId);
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return makeError("unknown_attachment", "The center holds no attachment with this id.");
        }
        const auto text = [](const Bytes& b) { return std::string(b.begin(), b.end()); };
        HeldAttachment held;
        held.description.set_attachment_id(text(attachmentId));
        held.description.set_case_id(text(stmt->blob(0)));
        held.unit = stmt->text(1);
        held.description.set_header(text(stmt->blob(2)));
        held.description.set_sealed_key_center(text(stmt->blob(3)));
        held.description.set_sealed_key_unit(text(stmt->blob(4)));
        held.description.set_size(static_cast<std::uint64_t>(stmt->int64(5)));
        held.description.set_chunk_count(static_cast<std::uint32_t>(stmt->int64(6)));
        held.chunksHeld = static_cast<std::uint32_t>(stmt->int64(7));
        stmt->reset();
        return held;
    }

    Result<std::vector<std::vector<std::uint8_t>>>
    incompleteAttachments(const std::string& deviceId) override {
        auto stmt =
            m_db.cached("SELECT attachment_id FROM attachments WHERE device_id = ?1 AND chunks_held < "
                        "chunk_count ORDER BY offered_seq");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, deviceId);
        return sqlite::collect<std::vector<std::uint8_t>>(
            *stmt, [](const sqlite::Statement& st) { return st.blob(0); });
    }

    Result<std::vector<CenterCase>> cases() override {
        auto stmt =
            m_db.cached("SELECT case_id, unit, service, status, channel, conflicted, sealed_key_center FROM "
                        "cases ORDER BY case_id");
        if (!stmt) {
            return stmt.error();
        }
        std::vector<CenterCase> out;
        while (true) {
            auto row = stmt->step();
            if (!row) {
                return row.error();
            }
            if (!*row) {
                return out;
            }
            out.push_back(CenterCase{stmt->blob(0), stmt->text(1), stmt->text(2), stmt->text(3),
                                     stmt->text(4), stmt->int64(5) != 0, stmt->blob(6)});
        }
    }

    Result<std::vector<protocol::Operation>>
    caseOperations(const std::vector<std::uint8_t>& caseId) override {
        auto stmt = m_db.cached("SELECT message FROM operations WHERE case_id = ?1 ORDER BY server_seq");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, caseId);
        std::vector<protocol::Operation> out;
        while (true) {
            auto row = stmt->step();
            if (!row) {
                return row.error();
            }
            if (!*row) {
                return out;
            }
            const Bytes message = stmt->blob(0);
            protocol::Operation op;
            if (!op.ParseFromArray(message.data(), static_cast<int>(message.size()))) {
                return makeError("corrupt", "A stored operation does not parse.");
            }
            out.push_back(std::move(op));
        }
    }

    Result<std::vector<std::pair<std::uint32_t, std::uint64_t>>>
    fieldHeads(const std::vector<std::uint8_t>& caseId) override {
        auto stmt = m_db.cached("SELECT field_id, server_seq FROM field_heads WHERE case_id = ?1 "
                                "ORDER BY field_id, server_seq");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, caseId);
        std::vector<std::pair<std::uint32_t, std::uint64_t>> out;
        while (true) {
            auto row = stmt->step();
            if (!row) {
                return row.error();
            }
            if (!*row) {
                return out;
            }
            out.emplace_back(static_cast<std::uint32_t>(stmt->int64(0)),
                             static_cast<std::uint64_t>(stmt->int64(1)));
        }
    }

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

    Status addWipeOrder(const WipeOrderRecord& order) override {
        auto tx = Transaction::begin(m_db);
        if (!tx) {
            return tx.error();
        }
        if (auto st = revokeDevice(order.deviceId); !st) {
            return st;
        }
        auto stmt = m_db.cached("INSERT INTO wipe_orders(device_id, order_id, issued_ms, signature) VALUES "
                                "(?1, ?2, ?3, ?4)");
        if (!stmt) {
            return stmt.error();
        }
        auto st = stmt->bind(1, order.deviceId)
                      .bind(2, order.orderId)
                      .bind(3, order.issuedMs)
                      .bind(4, order.signature)
                      .run();
        if (!st) {
            return st.error().code == "constraint"
                       ? makeError("wipe_ordered",
                                   "The device " + order.deviceId + " already has a wipe order.")
                       : st.error();
        }
        return tx->commit();
    }

    Result<std::optional<WipeOrderRecord>> wipeOrder(const std::string& deviceId) override {
        auto orders = readWipeOrders(deviceId);
        if (!orders) {
            return orders.error();
        }
        if (orders->empty()) {
            return std::optional<WipeOrderRecord>();
        }
        return std::optional<WipeOrderRecord>(std::move(orders->front()));
    }

    Result<std::vector<WipeOrderRecord>> wipeOrders() override { return readWipeOrders(std::nullopt); }

    Status markWipeDelivered(const std::string& deviceId, std::int64_t nowMs) override {
        auto stmt = m_db.cached("UPDATE wipe_orders SET delivered_ms = ?2 WHERE device_id = ?1 AND "
                                "delivered_ms = 0");
        if (!stmt) {
            return stmt.error();
        }
        return stmt->bind(1, deviceId).bind(2, nowMs).run();
    }

    Status confirmWipe(const std::string& deviceId, const std::string& orderId, std::int64_t nowMs) override {
        auto stmt =
            m_db.cached("UPDATE wipe_orders SET confirmed_ms = ?3 WHERE device_id = ?1 AND order_id = "
                        "?2 AND confirmed_ms = 0");
        if (!stmt) {
            return stmt.error();
        }
        if (auto st = stmt->bind(1, deviceId).bind(2, orderId).bind(3, nowMs).run(); !st) {
            return st;
        }
        if (m_db.changes() == 0) {
            return makeError("unknown_order", "The device has no pending wipe order with that id.");
        }
        return {};
    }

    Result<std::vector<protocol::PushAck>> quarantineBatch(const DeviceRecord& device,
                                                           const std::vector<protocol::Operation>& ops,
                                                           std::int64_t nowMs) override {
        auto tx = Transaction::begin(m_db);
        if (!tx) {
            return tx.error();
        }
        auto keep = m_db.cached("INSERT INTO quarantined_operations(device_id, device_seq, case_id, "
                                "received_ms, message) VALUES (?1, ?2, ?3, ?4, ?5)");
        if (!keep) {
            return keep.error();
        }
        std::vector<protocol::PushAck> acks;
        for (const auto& op : ops) {
            auto earlier = answeredBefore(device, op);
            if (!earlier) {
                return earlier.error();
            }
            if (earlier->has_value()) {
                acks.push_back(std::move(**earlier));
                continue;
            }
            if (auto st = keep->bind(1, device.deviceId)
                              .bind(2, static_cast<std::int64_t>(op.device_seq()))
                              .bind(3, toBytes(op.case_id()))
                              .bind(4, nowMs)
                              .bind(5, toBytes(op.SerializeAsString()))
                              .run();
                !st) {
                return st.error();
            }
            protocol::PushAck ack;
            ack.set_device_seq(op.device_seq());
            ack.set_result(protocol::PushAck::QUARANTINED);
            ack.set_reason("taken into quarantine at the center: this device is to be wiped");
            if (auto st = saveAck(device.deviceId, ack); !st) {
                return st.error();
            }
            acks.push_back(std::move(ack));
        }
        if (auto st = tx->commit(); !st) {
            return st.error();
        }
        return acks;
    }

    Result<std::vector<QuarantinedOperation>> quarantinedOperations() override {
        auto stmt = m_db.cached("SELECT received_ms, message FROM quarantined_operations ORDER BY "
                                "received_ms, device_id, device_seq");
        if (!stmt) {
            return stmt.error();
        }
        std::vector<QuarantinedOperation> out;
        while (true) {
            auto row = stmt->step();
            if (!row) {
                return row.error();
            }
            if (!*row) {
                return out;
            }
            QuarantinedOperation q;
            q.receivedMs = stmt->int64(0);
            const Bytes message = stmt->blob(1);
            if (!q.op.ParseFromArray(message.data(), static_cast<int>(message.size()))) {
                return makeError("corrupt", "A quarantined operation does not parse.");
            }
            out.push_back(std::move(q));
        }
    }

private:
    Result<std::optional<AttachmentFacts>> attachmentFacts(const Bytes& attachmentId) {
        auto stmt = m_db.cached(
            "SELECT device_id, header, size, chunk_count FROM attachments WHERE attachment_id = ?1");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, attachmentId);
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return std::optional<AttachmentFacts>();
        }
        return std::optional<AttachmentFacts>(AttachmentFacts{stmt->text(0), stmt->blob(1),
                                                              static_cast<std::uint64_t>(stmt->int64(2)),
                                                              static_cast<std::uint32_t>(stmt->int64(3))});
    }

    Result<std::vector<std::uint32_t>> heldChunks(const Bytes& attachmentId) {
        auto stmt = m_db.cached("SELECT chunk_index FROM attachment_chunks WHERE attachment_id = ?1");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, attachmentId);
        return sqlite::collect<std::uint32_t>(
            *stmt, [](const sqlite::Statement& s) { return static_cast<std::uint32_t>(s.int64(0)); });
    }

    /** One device's order, or every order when `deviceId` is empty. */
    Result<std::vector<WipeOrderRecord>> readWipeOrders(const std::optional<std::string>& deviceId) {
        auto stmt =
            m_db.cached("SELECT device_id, order_id, issued_ms, signature, delivered_ms, confirmed_ms "
                        "FROM wipe_orders WHERE ?1 IS NULL OR device_id = ?1 ORDER BY issued_ms, "
                        "device_id");
        if (!stmt) {
            return stmt.error();
        }
        if (deviceId) {
            stmt->bind(1, *deviceId);
        } else {
            stmt->bindNull(1);
        }
        std::vector<WipeOrderRecord> out;
        while (true) {
            auto row = stmt->step();
            if (!row) {
                return row.error();
            }
            if (!*row) {
                return out;
            }
            out.push_back(WipeOrderRecord{stmt->text(0), stmt->text(1), stmt->int64(2), stmt->blob(3),
                                          stmt->int64(4), stmt->int64(5)});
        }
    }

    /** The answer an operation gets without being looked at again, or none when it is new. Another device's
     *  operation in this session (a restored or copied store) is refused without touching this device's acks
     *  or its last applied sequence, so its own saves are not lost; one answered before gets its original
     *  answer (exactly-once effect). */
    Result<std::optional<protocol::PushAck>> answeredBefore(const DeviceRecord& device,
                                                            const protocol::Operation& op) {
        if (op.device_id() != device.deviceId) {
            return std::optional<protocol::PushAck>(
                rejected(op.device_seq(), "the operation names another device"));
        }
        auto previous = storedAck(device.deviceId, op.device_seq());
        if (previous && previous->has_value() && (*previous)->result() == protocol::PushAck::APPLIED) {
            (*previous)->set_result(protocol::PushAck::DUPLICATE);
        }
        return previous;
    }

    Result<std::optional<protocol::PushAck>> storedAck(const std::string& deviceId, std::uint64_t deviceSeq) {
        auto stmt = m_db.cached("SELECT ack FROM push_results WHERE device_id = ?1 AND device_seq = ?2");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, deviceId).bind(2, static_cast<std::int64_t>(deviceSeq));
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return std::optional<protocol::PushAck>();
        }
        const Bytes blob = stmt->blob(0);
        protocol::PushAck ack;
        if (!ack.ParseFromArray(blob.data(), static_cast<int>(blob.size()))) {
            return makeError("corrupt", "A stored acknowledgement does not parse.");
        }
        return std::optional<protocol::PushAck>(std::move(ack));
    }

    Status saveAck(const std::string& deviceId, const protocol::PushAck& ack) {
        auto stmt = m_db.cached(
            "INSERT INTO push_results(device_id, device_seq, result, ack) VALUES (?1, ?2, ?3, ?4)");
        if (!stmt) {
            return stmt.error();
        }
        return stmt->bind(1, deviceId)
            .bind(2, static_cast<std::int64_t>(ack.device_seq()))
            .bind(3, static_cast<std::int64_t>(ack.result()))
            .bind(4, toBytes(ack.SerializeAsString()))
            .run();
    }

    /** The server_seq of the device's own earlier operation, so a chain of local edits is not a conflict. */
    Result<std::uint64_t> ownServerSeq(const std::string& deviceId, std::uint64_t deviceSeq) {
        auto ack = storedAck(deviceId, deviceSeq);
        if (!ack) {
            return ack.error();
        }
        if (!ack->has_value() || (*ack)->result() == protocol::PushAck::REJECTED) {
            return makeError("rejected",
                             "the operation builds on one of this device's changes that was not applied");
        }
        return (*ack)->server_seq();
    }

    Result<core::RegisterState> fieldState(const Bytes& caseId, std::uint32_t fieldId) {
        auto stmt =
            m_db.cached("SELECT server_seq, deleted FROM field_heads WHERE case_id = ?1 AND field_id = ?2 "
                        "ORDER BY server_seq");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, caseId).bind(2, static_cast<std::int64_t>(fieldId));
        core::RegisterState state;
        while (true) {
            auto row = stmt->step();
            if (!row) {
                return row.error();
            }
            if (!*row) {
                return state;
            }
            state.open.push_back({static_cast<std::uint64_t>(stmt->int64(0)), stmt->int64(1) != 0});
        }
    }

    /** Applies one new operation; an Error with code "rejected" means the device's op is refused. */
    Result<protocol::PushAck> applyOne(const DeviceRecord& device, const protocol::Operation& op) {
        const Bytes caseId(op.case_id().begin(), op.case_id().end());
        if (caseId.size() != 16) {
            return makeError("rejected", "the case id is not 16 bytes");
        }
        auto kind = core::operationKindFromString(op.kind());
        if (!kind) {
            return makeError("rejected", "unknown operation kind");
        }
        const auto meta = core::parseCaseMeta(op.meta());
        auto existing = m_db.cached("SELECT unit FROM cases WHERE case_id = ?1");
        if (!existing) {
            return existing.error();
        }
        existing->bind(1, caseId);
        auto row = existing->step();
        if (!row) {
            return row.error();
        }
        if (*row && existing->text(0) != device.unit) {
            return makeError("rejected", "the case belongs to another unit");
        }
        const bool isNew = !*row;
        existing->reset();
        if (isNew) {
            const auto service = meta.find("service");
            if (service == meta.end() || op.sealed_key_center().empty() || op.sealed_key_unit().empty()) {
                return makeError("rejected", "a new case needs its service and sealed record keys");
            }
            auto insert =
                m_db.cached("INSERT INTO cases(case_id, unit, service, status, channel, sealed_key_center, "
                            "sealed_key_unit) VALUES (?1, ?2, ?3, 'opened', ?4, ?5, ?6)");
            if (!insert) {
                return insert.error();
            }
            const auto channel = meta.find("channel");
            if (auto st = insert->bind(1, caseId)
                              .bind(2, device.unit)
                              .bind(3, service->second)
                              .bind(4, channel == meta.end() ? std::string() : channel->second)
                              .bind(5, toBytes(op.sealed_key_center()))
                              .bind(6, toBytes(op.sealed_key_unit()))
                              .run();
                !st) {
                return st.error();
            }
        }

        // Every statement on this per-operation path is cached: ingest is bound by SQL preparation otherwise.
        auto counter =
            m_db.cached("UPDATE counters SET value = value + 1 WHERE name = 'server_seq' RETURNING value");
        if (!counter) {
            return counter.error();
        }
        auto counted = counter->step();
        if (!counted || !*counted) {
            return counted ? makeError("damaged_center_store", "The center store lacks its sequence counter.")
                           : counted.error();
        }
        const auto seq = static_cast<std::uint64_t>(counter->int64(0));

        // Group the field references per field (a resolve names one per version it closes).
        std::map<std::uint32_t, std::vector<std::uint64_t>> bases;
        for (const auto& ref : op.fields()) {
            std::uint64_t base = ref.base_seq();
            if (ref.base_device_seq() != 0) {
                auto own = ownServerSeq(device.deviceId, ref.base_device_seq());
                if (!own) {
                    return own.error();
                }
                base = std::max(base, *own);
            }
            bases[ref.field_id()].push_back(base);
        }
        protocol::PushAck ack;
        ack.set_device_seq(op.device_seq());
        ack.set_server_seq(seq);
        ack.set_result(protocol::PushAck::APPLIED);
        bool conflicted = false;
        for (const auto& [fieldId, fieldBases] : bases) {
            const auto info = core::fieldInfo(core::FieldId{fieldId});
            const bool addOnly =
                info.known ? info.kind == core::FieldKind::AddOnly : *kind == core::OperationKind::Append;
            if (addOnly) {
                continue; // add-only values never conflict
            }
            auto state = fieldState(caseId, fieldId);
            if (!state) {
                return state.error();
            }
            const auto changeKind = *kind == core::OperationKind::Append ? core::OperationKind::Set : *kind;
            auto decision = core::mergeField(core::FieldKind::Register, *state,
                                             core::FieldChange{changeKind, fieldBases, seq});
            if (!decision) {
                return makeError("rejected", decision.error().message);
            }
            conflicted = conflicted || decision->outcome == core::MergeOutcome::Conflicted;
            for (const auto closedSeq : decision->closed) {
                ack.add_closes(closedSeq);
                auto drop = m_db.cached(
                    "DELETE FROM field_heads WHERE case_id = ?1 AND field_id = ?2 AND server_seq = ?3");
                if (!drop) {
                    return drop.error();
                }
                if (auto st = drop->bind(1, caseId)
                                  .bind(2, static_cast<std::int64_t>(fieldId))
                                  .bind(3, static_cast<std::int64_t>(closedSeq))
                                  .run();
                    !st) {
                    return st.error();
                }
            }
            auto head = m_db.cached(
                "INSERT INTO field_heads(case_id, field_id, server_seq, deleted) VALUES (?1, ?2, ?3, ?4)");
            if (!head) {
                return head.error();
            }
            if (auto st = head->bind(1, caseId)
                              .bind(2, static_cast<std::int64_t>(fieldId))
                              .bind(3, static_cast<std::int64_t>(seq))
                              .bind(4, *kind == core::OperationKind::Delete ? 1 : 0)
                              .run();
                !st) {
                return st.error();
            }
        }
        ack.set_conflicted(conflicted);

        // Clear metadata: the newest arrival wins (status is not personal and is not merged per field).
        for (const char* key : {"status", "service", "channel"}) {
            const auto it = meta.find(key);
            if (it == meta.end()) {
                continue;
            }
            auto update = m_db.cached(std::string("UPDATE cases SET ") + key + " = ?2 WHERE case_id = ?1");
            if (!update) {
                return update.error();
            }
            if (auto st = update->bind(1, caseId).bind(2, it->second).run(); !st) {
                return st.error();
            }
        }
        auto flag = m_db.cached("UPDATE cases SET conflicted = EXISTS (SELECT 1 FROM field_heads h WHERE "
                                "h.case_id = cases.case_id GROUP BY h.field_id HAVING count(*) > 1) WHERE "
                                "case_id = ?1");
        if (!flag) {
            return flag.error();
        }
        if (auto st = flag->bind(1, caseId).run(); !st) {
            return st.error();
        }

        protocol::Operation stored = op;
        stored.set_server_seq(seq);
        stored.set_unit(device.unit);
        stored.clear_closes();
        for (const auto closedSeq : ack.closes()) {
            stored.add_closes(closedSeq);
        }
        if (!isNew) {
            // The record key travels once per case; later operations need not repeat it.
            stored.clear_sealed_key_center();
            stored.clear_sealed_key_unit();
        }
        auto insert =
            m_db.cached("INSERT INTO operations(server_seq, unit, case_id, device_id, device_seq, message) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        auto current = m_db.cached("SELECT checksum FROM units WHERE name = ?1");
        auto checksum = m_db.cached("UPDATE units SET checksum = ?2 WHERE name = ?1");
        if (!insert || !checksum || !current) {
            return makeError("corrupt", "The center store's schema is incomplete.");
        }
        if (auto st = insert->bind(1, static_cast<std::int64_t>(seq))
                          .bind(2, device.unit)
                          .bind(3, caseId)
                          .bind(4, device.deviceId)
                          .bind(5, static_cast<std::int64_t>(op.device_seq()))
                          .bind(6, toBytes(stored.SerializeAsString()))
                          .run();
            !st) {
            return st.error();
        }
        const auto fingerprint = core::operationFingerprint(seq, device.deviceId, op.device_seq());
        current->bind(1, device.unit);
        auto unitRow = current->step();
        if (!unitRow || !*unitRow) {
            return unitRow ? makeError("corrupt", "The device's unit is missing.") : unitRow.error();
        }
        // SQL has no portable XOR, so the running checksum is updated here.
        const auto next = static_cast<std::uint64_t>(current->int64(0)) ^ fingerprint;
        current->reset();
        if (auto st = checksum->bind(1, device.unit).bind(2, static_cast<std::int64_t>(next)).run(); !st) {
            return st.error();
        }
        return ack;
    }

    Database m_db;
};

} // namespace

Result<std::unique_ptr<CenterStore>> openSqliteCenterStore(const std::filesystem::path& file, bool create) {
    auto db = Database::open(file, create ? sqlite::OpenMode::CreateIfMissing : sqlite::OpenMode::MustExist);
    if (!db) {
        return db.error();
    }
    for (const char* pragma :
         {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
        if (auto st = db->exec(pragma); !st) {
            return st.error();
        }
    }
    auto store = std::make_unique<SqliteCenterStore>(std::move(*db));
    if (auto st = store->migrate(); !st) {
        return st.error();
    }
    return std::unique_ptr<CenterStore>(std::move(store));
}

} // namespace fieldkit::hub
