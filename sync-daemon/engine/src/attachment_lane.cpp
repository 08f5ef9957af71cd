#include <algorithm>
#include <fieldkit/engine/attachment_lane.hpp>
#include <string>

namespace fieldkit::engine {
namespace {

Error badChunk(const std::string& why) {
    return makeError("bad_chunk", "The attachment chunk was refused: " + why + ".");
}

Error badOffer(const std::string& why) {
    return makeError("bad_offer", "The attachment was refused: " + why + ".");
}

} // namespace

std::uint32_t chunkCountFor(std::uint64_t size) {
    return size == 0 ? 1u : static_cast<std::uint32_t>((size + kChunkPlainBytes - 1) / kChunkPlainBytes);
}

std::uint64_t chunkOffset(std::uint32_t index) {
    return static_cast<std::uint64_t>(index) * kChunkCipherBytes;
}

std::optional<ChunkSlice> downloadSlice(std::uint64_t chunkBytes, std::uint64_t offset,
                                        std::uint64_t requested) {
    if (offset >= chunkBytes) {
        return std::nullopt;
    }
    const std::uint64_t rest = chunkBytes - offset;
    const std::uint64_t wanted = requested == 0 ? rest : std::max(requested, kMinSliceBytes);
    // A rest of less than one more slice goes along, so a chunk never ends in a slice of a few bytes.
    return ChunkSlice{offset, rest <= wanted + kMinSliceBytes ? rest : wanted};
}

std::uint64_t nextSliceBytes(std::uint64_t rest, std::uint64_t pushBytes, std::uint64_t minPushBytes) {
    return rest <= pushBytes + minPushBytes ? rest : pushBytes;
}

std::uint64_t chunkCipherBytes(std::uint64_t size, std::uint32_t index) {
    const std::uint64_t start = static_cast<std::uint64_t>(index) * kChunkPlainBytes;
    const std::uint64_t plain = start >= size ? 0 : std::min(kChunkPlainBytes, size - start);
    return plain + kChunkOverheadBytes;
}

Status checkOffer(const protocol::AttachmentOffer& offer) {
    if (offer.attachment_id().size() != 16 || offer.case_id().size() != 16) {
        return badOffer("its attachment or case id is not 16 bytes");
    }
    if (offer.header().size() != kStreamHeaderBytes) {
        return badOffer("its stream header has the wrong length");
    }
    if (offer.sealed_key_center().empty() || offer.sealed_key_unit().empty()) {
        return badOffer("its sealed keys are missing");
    }
    if (offer.size() > static_cast<std::uint64_t>(kMaxChunksPerAttachment) * kChunkPlainBytes) {
        return badOffer("it is larger than the lane takes");
    }
    if (offer.chunk_count() != chunkCountFor(offer.size())) {
        return badOffer("its chunk count does not match its size");
    }
    return {};
}

Status checkChunkPlace(std::uint64_t size, std::uint32_t chunkCount, std::uint32_t index,
                       std::uint64_t offset, std::size_t dataBytes) {
    if (index >= chunkCount) {
        return badChunk("its index lies past the end of the attachment");
    }
    if (offset != chunkOffset(index)) {
        return badChunk("its offset does not match its index");
    }
    if (dataBytes != chunkCipherBytes(size, index)) {
        return badChunk("its length does not match its place in the attachment");
    }
    return {};
}

std::vector<std::uint32_t> absentChunks(std::uint32_t count, const std::vector<std::uint32_t>& present) {
    std::vector<bool> have(count, false);
    for (const auto index : present) {
        if (index < count) {
            have[index] = true;
        }
    }
    std::vector<std::uint32_t> out;
    for (std::uint32_t i = 0; i < count; ++i) {
        if (!have[i]) {
            out.push_back(i);
        }
    }
    return out;
}

std::uint64_t cipherBytesOf(std::uint64_t size, const std::vector<std::uint32_t>& indexes) {
    std::uint64_t total = 0;
    for (const auto index : indexes) {
        total += chunkCipherBytes(size, index);
    }
    return total;
}

} // namespace fieldkit::engine
