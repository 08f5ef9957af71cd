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

Result<std::vector<std::uint32_t>> applyAttachmentStatus(store::SyncQueue& queue,
                                                         const store::SyncAttachment& offered,
                                                         const protocol::AttachmentStatus& status) {
    if (!sameId(offered.attachmentId, status.attachment_id())) {
        return makeError("protocol_violation", "The center answered about another attachment than offered.");
    }
    if (!status.refused().empty()) {
        return makeError("attachment_refused", "The center refused an attachment: " + status.refused());
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
        return makeError("chunk_refused", "The center refused an attachment chunk: " + ack.refused());
    }
    return queue.acknowledgeChunks({{sent.attachmentId, sent.index}});
}

} // namespace fieldkit::device
