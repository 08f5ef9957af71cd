#include <algorithm>
#include <fieldkit/crypto/attachment_stream.hpp>
#include <fieldkit/device/attachment_round.hpp>
#include <fieldkit/engine/attachment_lane.hpp>

namespace fieldkit::device {
namespace {

static_assert(engine::kChunkPlainBytes == crypto::kAttachmentChunkSize &&
                  engine::kChunkOverheadBytes == crypto::kAttachmentChunkOverhead &&
                  engine::kStreamHeaderBytes == crypto::kAttachmentHeaderSize,
              "the lane's chunk geometry must match the attachment stream's");

std::string asString(const sqlite::Bytes& bytes) {
    return std::string(bytes.begin(), bytes.end());
}

bool sameId(const sqlite::Bytes& ours, const std::string& theirs) {
    return ours.size() == theirs.size() &&
           std::equal(ours.begin(), ours.end(), theirs.begin(),
                      [](std::uint8_t a, char b) { return a == static_cast<std::uint8_t>(b); });
}

} // namespace

protocol::AttachmentOffer toWire(const store::SyncAttachment& a) {
    protocol::AttachmentOffer offer;
    offer.set_attachment_id(asString(a.attachmentId));
    offer.set_case_id(asString(a.caseId));
    offer.set_header(asString(a.header));
    offer.set_sealed_key_center(asString(a.sealedKeyCenter));
    offer.set_sealed_key_unit(asString(a.sealedKeyUnit));
    offer.set_size(a.size);
    offer.set_chunk_count(a.chunkCount);
    return offer;
}

protocol::AttachmentChunk toWire(const store::SyncChunk& c) {
    protocol::AttachmentChunk chunk;
    chunk.set_attachment_id(asString(c.attachmentId));
    chunk.set_index(c.index);
    chunk.set_offset(c.offset);
    chunk.set_data(asString(c.data));
    chunk.set_checksum(std::string(c.checksum.begin(), c.checksum.end()));
    return chunk;
}

protocol::AttachmentChunk sliceToWire(const store::SyncChunk& c, std::uint64_t from, std::uint64_t bytes) {
    if (from == 0 && bytes >= c.data.size()) {
        return toWire(c);
    }
    protocol::AttachmentChunk slice;
    slice.set_attachment_id(asString(c.attachmentId));
    slice.set_index(c.index);
    slice.set_offset(c.offset);
    const auto start = static_cast<std::size_t>(std::min<std::uint64_t>(from, c.data.size()));
    const auto length = static_cast<std::size_t>(std::min<std::uint64_t>(bytes, c.data.size() - start));
    slice.set_data(std::string(c.data.begin() + static_cast<std::ptrdiff_t>(start),
                               c.data.begin() + static_cast<std::ptrdiff_t>(start + length)));
    slice.set_checksum(std::string(c.checksum.begin(), c.checksum.end()));
    slice.set_is_slice(true);
    slice.set_slice_offset(start);
    return slice;
}

std::optional<std::uint64_t> heldAfterSlice(const store::SyncChunk& sent, const protocol::ChunkAck& ack) {
    if (!ack.incomplete() || !sameId(sent.attachmentId, ack.attachment_id()) || ack.index() != sent.index ||
        ack.held_bytes() >= sent.data.size()) {
        return std::nullopt;
    }
    return ack.held_bytes();
}

store::SyncAttachment fromWire(const protocol::AttachmentOffer& d) {
    const auto bytes = [](const std::string& s) { return sqlite::Bytes(s.begin(), s.end()); };
    return store::SyncAttachment{
        bytes(d.attachment_id()),   bytes(d.case_id()), bytes(d.header()), bytes(d.sealed_key_center()),
        bytes(d.sealed_key_unit()), d.size(),           d.chunk_count()};
}

store::SyncChunk fromWire(const protocol::AttachmentChunk& c) {
    store::SyncChunk chunk;
    chunk.attachmentId.assign(c.attachment_id().begin(), c.attachment_id().end());
    chunk.index = c.index();
    chunk.offset = c.offset();
    chunk.data.assign(c.data().begin(), c.data().end());
    // A checksum of the wrong length stays all zeros, which no chunk hashes to: the store refuses it.
    if (c.checksum().size() == chunk.checksum.size()) {
        std::copy(c.checksum().begin(), c.checksum().end(), chunk.checksum.begin());
    }
    return chunk;
}

Result<std::vector<std::uint32_t>> applyAttachmentStatus(store::SyncQueue& queue,
                                                         const store::SyncAttachment& offered,
                                                         const protocol::AttachmentStatus& status) {
    if (!sameId(offered.attachmentId, status.attachment_id())) {
        return makeError("protocol_violation", "The center answered about another attachment than offered.");
    }
    if (!status.refused().empty()) {
        // Marked so it is not offered again and its operation no longer holds back the outbox.
        const std::string reason = "The center refused the attachment: " + status.refused();
        if (auto st = queue.refuseAttachment(offered.attachmentId, reason); !st) {
            return st.error();
        }
        return makeError("attachment_refused", reason);
    }
    std::vector<std::uint32_t> missing(status.missing().begin(), status.missing().end());
    std::vector<store::ChunkRef> held;
    for (const auto index : engine::absentChunks(offered.chunkCount, missing)) {
        held.push_back({offered.attachmentId, index});
    }
    if (auto st = queue.acknowledgeChunks(held); !st) {
        return st.error();
    }
    return missing;
}

Status applyChunkAck(store::SyncQueue& queue, const store::SyncChunk& sent, const protocol::ChunkAck& ack) {
    if (!sameId(sent.attachmentId, ack.attachment_id()) || ack.index() != sent.index) {
        return makeError("protocol_violation", "The center acknowledged another chunk than the one sent.");
    }
    if (!ack.refused().empty()) {
        const std::string reason = "The center refused a part of the attachment: " + ack.refused();
        if (auto st = queue.refuseAttachment(sent.attachmentId, reason); !st) {
            return st.error();
        }
        return makeError("chunk_refused", reason);
    }
    return queue.acknowledgeChunks({{sent.attachmentId, sent.index}});
}

} // namespace fieldkit::device
