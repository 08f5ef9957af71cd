#include "postgresql/pg_center_parts.hpp"

#include <algorithm>
#include <fieldkit/crypto/content_hash.hpp>
#include <fieldkit/engine/attachment_lane.hpp>

namespace fieldkit::hub::pg_center {
namespace {

/** The fixed facts of an attachment as the center recorded them at its first offer. */
struct AttachmentFacts {
    std::string deviceId;
    Bytes header;
    std::uint64_t size = 0;
    std::uint32_t chunkCount = 0;
};

/** Attachments and their chunks in the PostgreSQL center. */
class PgAttachmentStore final : public AttachmentStore {
public:
    explicit PgAttachmentStore(Pool& pool)
        : m_pool(pool) {}

    Result<std::vector<std::uint32_t>> offerAttachment(const DeviceRecord& device,
                                                       const protocol::AttachmentOffer& offer) override {
        if (auto st = engine::checkOffer(offer); !st) {
            return st.error();
        }
        using Indexes = std::vector<std::uint32_t>;
        return pg::inTransaction<Indexes>(m_pool, [&](Connection& c) -> Result<Indexes> {
            // ON CONFLICT DO NOTHING: when two hubs take the same first offer at once, one inserts and the
            // other waits for it and then compares, as for an offer made again.
            auto inserted = c.query(
                "INSERT INTO attachments(attachment_id, case_id, unit, device_id, header, sealed_key_center, "
                "sealed_key_unit, size, chunk_count, offered_seq) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
                "$9, "
                "nextval('attachment_seq')) ON CONFLICT DO NOTHING",
                {pg::bytes(offer.attachment_id()), pg::bytes(offer.case_id()), pg::text(device.unit),
                 pg::text(device.deviceId), pg::bytes(offer.header()), pg::bytes(offer.sealed_key_center()),
                 pg::bytes(offer.sealed_key_unit()), pg::integer(static_cast<std::int64_t>(offer.size())),
                 pg::integer(static_cast<std::int64_t>(offer.chunk_count()))});
            if (!inserted) {
                return inserted.error();
            }
            if (inserted->affected() == 0) {
                // The same attachment offered again (a resumed transfer). An id that names something else is
                // refused: a device must not add chunks to another device's attachment.
                auto facts = attachmentFacts(c, toBytes(offer.attachment_id()));
                if (!facts) {
                    return facts.error();
                }
                const auto& known = **facts;
                if (known.deviceId != device.deviceId || known.header != toBytes(offer.header()) ||
                    known.size != offer.size() || known.chunkCount != offer.chunk_count()) {
                    return makeError("bad_offer",
                                     "The attachment was refused: its id belongs to a different attachment.");
                }
            }
            auto held = c.query("SELECT chunk_index FROM attachment_chunks WHERE attachment_id = $1",
                                {pg::bytes(offer.attachment_id())});
            if (!held) {
                return held.error();
            }
            std::vector<std::uint32_t> indexes;
            for (int i = 0; i < held->size(); ++i) {
                indexes.push_back(static_cast<std::uint32_t>(held->int64(i, 0)));
            }
            return engine::absentChunks(offer.chunk_count(), indexes);
        });
    }

    Result<ChunkStored> storeChunk(const DeviceRecord& device,
                                   const protocol::AttachmentChunk& chunk) override {
        const std::vector<std::uint8_t> data(chunk.data().begin(), chunk.data().end());
        const auto checksum = crypto::contentHash(data);
        if (chunk.checksum().size() != checksum.size() ||
            !std::equal(checksum.begin(), checksum.end(), toBytes(chunk.checksum()).begin())) {
            return makeError(
                "bad_chunk",
                "The attachment chunk was refused: its checksum does not match (damaged in transit).");
        }
        return pg::inTransaction<ChunkStored>(m_pool, [&](Connection& c) -> Result<ChunkStored> {
            const Bytes attachmentId = toBytes(chunk.attachment_id());
            auto facts = attachmentFacts(c, attachmentId);
            if (!facts) {
                return facts.error();
            }
            if (!facts->has_value() || (*facts)->deviceId != device.deviceId) {
                return makeError("bad_chunk",
                                 "The attachment chunk was refused: this device has not offered its "
                                 "attachment.");
            }
            if (auto st = engine::checkChunkPlace((*facts)->size, (*facts)->chunkCount, chunk.index(),
                                                  chunk.offset(), data.size());
                !st) {
                return st.error();
            }
            // The count moves only when this transaction added the row, so two hubs storing the same chunk at
            // once count it once (the second insert waits for the first and then does nothing).
            auto stored =
                c.query("WITH added AS (INSERT INTO attachment_chunks(attachment_id, chunk_index, data) "
                        "VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1) UPDATE attachments SET "
                        "chunks_held = chunks_held + 1 WHERE attachment_id = $1 AND EXISTS (SELECT 1 FROM "
                        "added)",
                        {pg::bytes(attachmentId), pg::integer(chunk.index()), pg::bytes(data)});
            if (!stored) {
                return stored.error();
            }
            return stored->affected() == 0 ? ChunkStored::Duplicate : ChunkStored::Added;
        });
    }

    Result<std::vector<CenterAttachment>> caseAttachments(const std::vector<std::uint8_t>& caseId) override {
        using List = std::vector<CenterAttachment>;
        return pg::inTransaction<List>(m_pool, [&](Connection& c) -> Result<List> {
            auto rows =
                c.query("SELECT attachment_id, case_id, unit, device_id, size, chunk_count, chunks_held FROM "
                        "attachments WHERE case_id = $1 ORDER BY offered_seq",
                        {pg::bytes(caseId)});
            if (!rows) {
                return rows.error();
            }
            List out;
            for (int i = 0; i < rows->size(); ++i) {
                out.push_back(CenterAttachment{rows->blob(i, 0), rows->blob(i, 1), rows->text(i, 2),
                                               rows->text(i, 3),
                                               static_cast<std::uint64_t>(rows->int64(i, 4)),
                                               static_cast<std::uint32_t>(rows->int64(i, 5)),
                                               static_cast<std::uint32_t>(rows->int64(i, 6))});
            }
            return out;
        });
    }

    Result<std::vector<std::uint8_t>> attachmentChunk(const std::vector<std::uint8_t>& attachmentId,
                                                      std::uint32_t index) override {
        return pg::inTransaction<Bytes>(m_pool, [&](Connection& c) -> Result<Bytes> {
            auto rows =
                c.query("SELECT data FROM attachment_chunks WHERE attachment_id = $1 AND chunk_index = $2",
                        {pg::bytes(attachmentId), pg::integer(index)});
            if (!rows) {
                return rows.error();
            }
            if (rows->empty()) {
                return makeError("unknown_chunk", "The center does not hold this attachment chunk.");
            }
            return rows->blob(0, 0);
        });
    }

    Result<HeldAttachment> heldAttachment(const std::vector<std::uint8_t>& attachmentId) override {
        return pg::inTransaction<HeldAttachment>(m_pool, [&](Connection& c) -> Result<HeldAttachment> {
            auto rows = c.query(
                "SELECT case_id, unit, header, sealed_key_center, sealed_key_unit, size, chunk_count, "
                "chunks_held FROM attachments WHERE attachment_id = $1",
                {pg::bytes(attachmentId)});
            if (!rows) {
                return rows.error();
            }
            if (rows->empty()) {
                return makeError("unknown_attachment", "The center holds no attachment with this id.");
            }
            HeldAttachment held;
            held.description.set_attachment_id(toText(attachmentId));
            held.description.set_case_id(rows->text(0, 0));
            held.unit = rows->text(0, 1);
            held.description.set_header(rows->text(0, 2));
            held.description.set_sealed_key_center(rows->text(0, 3));
            held.description.set_sealed_key_unit(rows->text(0, 4));
            held.description.set_size(static_cast<std::uint64_t>(rows->int64(0, 5)));
            held.description.set_chunk_count(static_cast<std::uint32_t>(rows->int64(0, 6)));
            held.chunksHeld = static_cast<std::uint32_t>(rows->int64(0, 7));
            return held;
        });
    }

    Result<std::vector<std::vector<std::uint8_t>>>
    incompleteAttachments(const std::string& deviceId) override {
        using Ids = std::vector<Bytes>;
        return pg::inTransaction<Ids>(m_pool, [&](Connection& c) -> Result<Ids> {
            auto rows =
                c.query("SELECT attachment_id FROM attachments WHERE device_id = $1 AND chunks_held < "
                        "chunk_count ORDER BY offered_seq",
                        {pg::text(deviceId)});
            if (!rows) {
                return rows.error();
            }
            Ids out;
            for (int i = 0; i < rows->size(); ++i) {
                out.push_back(rows->blob(i, 0));
            }
            return out;
        });
    }

private:
    static Result<std::optional<AttachmentFacts>> attachmentFacts(Connection& c, const Bytes& attachmentId) {
        auto rows =
            c.query("SELECT device_id, header, size, chunk_count FROM attachments WHERE attachment_id = $1",
                    {pg::bytes(attachmentId)});
        if (!rows) {
            return rows.error();
        }
        if (rows->empty()) {
            return std::optional<AttachmentFacts>();
        }
        return std::optional<AttachmentFacts>(AttachmentFacts{rows->text(0, 0), rows->blob(0, 1),
                                                              static_cast<std::uint64_t>(rows->int64(0, 2)),
                                                              static_cast<std::uint32_t>(rows->int64(0, 3))});
    }

    Pool& m_pool;
};

} // namespace

std::unique_ptr<AttachmentStore> makeAttachmentStore(Pool& pool) {
    return std::make_unique<PgAttachmentStore>(pool);
}

} // namespace fieldkit::hub::pg_center
