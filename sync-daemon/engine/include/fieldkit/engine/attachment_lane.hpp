#pragma once

#include <cstddef>
#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <fieldkit/protocol/codec.hpp>
#include <optional>
#include <vector>

namespace fieldkit::engine {

// Geometry of an attachment stream as it travels. The engine does no cryptography, so these mirror the crypto
// library's constants; the hub and the daemon, which link both, assert that they agree.

/** Plaintext bytes in every chunk but the last. */
inline constexpr std::uint64_t kChunkPlainBytes = 256u * 1024u;
/** Bytes a chunk grows by when encrypted (secretstream tag and MAC). */
inline constexpr std::uint64_t kChunkOverheadBytes = 17;
/** Bytes of a full encrypted chunk. */
inline constexpr std::uint64_t kChunkCipherBytes = kChunkPlainBytes + kChunkOverheadBytes;
/** Bytes of the stream header an offer carries. */
inline constexpr std::size_t kStreamHeaderBytes = 25;
/** Largest attachment the lane takes (1 GiB): a forged offer cannot make the hub track millions of chunks. */
inline constexpr std::uint32_t kMaxChunksPerAttachment = 4096;

// A chunk frame (chunk plus a few dozen bytes of envelope) must fit well inside the frame limit.
static_assert(kChunkCipherBytes + 1024 < protocol::kMaxFrameBytes);

/** How many chunks an attachment of `size` plaintext bytes has (an empty file still has one). */
[[nodiscard]] std::uint32_t chunkCountFor(std::uint64_t size);
/** Where chunk `index` starts in the encrypted stream after the header. */
[[nodiscard]] std::uint64_t chunkOffset(std::uint32_t index);
/** Encrypted bytes of chunk `index` of an attachment of `size` plaintext bytes. */
[[nodiscard]] std::uint64_t chunkCipherBytes(std::uint64_t size, std::uint32_t index);

/** Whether an offer describes a possible attachment (ids, header, size and chunk count agree); code
 *  "bad_offer" with the reason otherwise. */
[[nodiscard]] Status checkOffer(const protocol::AttachmentOffer& offer);
/** Whether a chunk fits the attachment it names: index in range, offset and length as the geometry demands.
 *  The checksum is the caller's to check (it needs a hash function). Code "bad_chunk" otherwise. */
[[nodiscard]] Status checkChunkPlace(std::uint64_t size, std::uint32_t chunkCount, std::uint32_t index,
                                     std::uint64_t offset, std::size_t dataBytes);

/** Indexes in [0, count) that are not in `present` (any order, duplicates allowed), ascending. */
[[nodiscard]] std::vector<std::uint32_t> absentChunks(std::uint32_t count,
                                                      const std::vector<std::uint32_t>& present);

/** A part of one chunk: `bytes` from `offset`. */
struct ChunkSlice {
    std::uint64_t offset = 0;
    std::uint64_t bytes = 0;
};

/** Smallest slice the hub serves: asking for a few bytes at a time would make it read a whole chunk from its
 *  store for each of them. */
inline constexpr std::uint64_t kMinSliceBytes = 1024;

/** What the hub sends of a chunk of `chunkBytes` when asked for `requested` bytes (0 = all of the rest) from
 *  `offset`: at least kMinSliceBytes, the whole rest when less than kMinSliceBytes would be left, never past
 *  the end. Empty when `offset` lies at or past the end. */
[[nodiscard]] std::optional<ChunkSlice> downloadSlice(std::uint64_t chunkBytes, std::uint64_t offset,
                                                      std::uint64_t requested);

/** How many bytes of a chunk go in the next slice when `rest` are left and the link's pushes are
 *  `pushBytes`: a rest that is little more than one push goes along whole (a full chunk is only a few bytes
 *  over the largest push), so no slice is ever a handful of bytes. */
[[nodiscard]] std::uint64_t nextSliceBytes(std::uint64_t rest, std::uint64_t pushBytes,
                                           std::uint64_t minPushBytes);

/** Encrypted bytes of the listed chunks of an attachment of `size` plaintext bytes. */
[[nodiscard]] std::uint64_t cipherBytesOf(std::uint64_t size, const std::vector<std::uint32_t>& indexes);

} // namespace fieldkit::engine
