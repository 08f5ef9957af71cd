#include <doctest/doctest.h>
#include <fieldkit/engine/attachment_lane.hpp>

using namespace fieldkit;
using namespace fieldkit::engine;

TEST_CASE("chunk geometry: full chunks, a shorter last one, and an empty file as one chunk") {
    CHECK(chunkCountFor(0) == 1);
    CHECK(chunkCountFor(1) == 1);
    CHECK(chunkCountFor(kChunkPlainBytes) == 1);
    CHECK(chunkCountFor(kChunkPlainBytes + 1) == 2);
    CHECK(chunkOffset(3) == 3 * kChunkCipherBytes);
    CHECK(chunkCipherBytes(kChunkPlainBytes + 10, 0) == kChunkCipherBytes);
    CHECK(chunkCipherBytes(kChunkPlainBytes + 10, 1) == 10 + kChunkOverheadBytes);
    CHECK(chunkCipherBytes(0, 0) == kChunkOverheadBytes);
    CHECK(cipherBytesOf(kChunkPlainBytes + 10, {0, 1}) == kChunkCipherBytes + 10 + kChunkOverheadBytes);
}

TEST_CASE("a chunk must sit where its index says and be as long as its place demands") {
    const std::uint64_t size = 2 * kChunkPlainBytes + 5;
    CHECK(checkChunkPlace(size, 3, 2, chunkOffset(2), 5 + kChunkOverheadBytes).ok());
    CHECK(checkChunkPlace(size, 3, 3, chunkOffset(3), 5 + kChunkOverheadBytes).error().code == "bad_chunk");
    CHECK(checkChunkPlace(size, 3, 1, chunkOffset(2), kChunkCipherBytes).error().code == "bad_chunk");
    CHECK(checkChunkPlace(size, 3, 1, chunkOffset(1), kChunkCipherBytes - 1).error().code == "bad_chunk");
}

TEST_CASE("absent chunks are the complement of the present ones, ascending, ignoring out-of-range indexes") {
    CHECK(absentChunks(5, {3, 0, 3, 9}) == std::vector<std::uint32_t>{1, 2, 4});
    CHECK(absentChunks(2, {0, 1}).empty());
    CHECK(absentChunks(3, {}) == std::vector<std::uint32_t>{0, 1, 2});
}
