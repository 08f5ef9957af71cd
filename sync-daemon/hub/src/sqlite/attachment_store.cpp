#include "sqlite/sqlite_center_parts.hpp"

#include <algorithm>
#include <fieldkit/crypto/attachment_stream.hpp>
#include <fieldkit/crypto/content_hash.hpp>
#include <fieldkit/engine/attachment_lane.hpp>
#include <fieldkit/sqlite/collect.hpp>

namespace fieldkit::hub::sqlite_center {
namespace {

static_assert(engine::kChunkPlainBytes == crypto::kAttachmentChunkSize &&
                  engine::kChunkOverheadBytes == crypto::kAttachmentChunkOverhead &&
                  engine::kStreamHeaderBytes == crypto::kAttachmentHeaderSize,
              "the lane's chunk geometry must match the attachment stream's");

/** The fixed facts of an attachment as the center recorded them at its first offer. */
struct AttachmentFacts {
    std::string deviceId;
    Bytes header;
    std::uint64_t size = 0;
    std::uint32_t chunkCount = 0;
};

/** Attachments and their chunks in the SQLite center. */
class SqliteAttachmentStore final : public AttachmentStore {
public:
    explicit SqliteAttachmentStore(Database& db)
        : m_db(db) {}

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

    Database& m_db;
};

} // namespace

std::unique_ptr<AttachmentStore> makeAttachmentStore(Database& db) {
    return std::make_unique<SqliteAttachmentStore>(db);
}

} // namespace fieldkit::hub::sqlite_center
