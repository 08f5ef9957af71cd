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

TEST_CASE("the hub serves a chunk in slices as asked, never a few bytes, never past the end") {
    const std::uint64_t chunk = engine::kChunkCipherBytes;
    const auto whole = engine::downloadSlice(chunk, 0, 0);
    REQUIRE(whole);
    CHECK(whole->offset == 0);
    CHECK(whole->bytes == chunk);
    const auto first = engine::downloadSlice(chunk, 0, 20'000);
    REQUIRE(first);
    CHECK(first->bytes == 20'000);
    CHECK(engine::downloadSlice(chunk, 100, 1)->bytes == engine::kMinSliceBytes); // a tiny ask gets the floor
    CHECK(engine::downloadSlice(chunk, 100, 0)->bytes == chunk - 100);            // the rest
    // A rest barely more than the slice goes along whole.
    CHECK(engine::downloadSlice(chunk, chunk - 20'500, 20'000)->bytes == 20'500);
    CHECK(engine::downloadSlice(chunk, chunk - 30'000, 20'000)->bytes == 20'000);
    CHECK_FALSE(engine::downloadSlice(chunk, chunk, 20'000));
    CHECK_FALSE(engine::downloadSlice(chunk, chunk + 5, 0));
}

TEST_CASE("the device sends a chunk in push-sized slices, and a rest little more than a push whole") {
    CHECK(engine::nextSliceBytes(262'161, 20'000, 4'096) == 20'000);
    CHECK(engine::nextSliceBytes(24'000, 20'000, 4'096) == 24'000);
    CHECK(engine::nextSliceBytes(24'097, 20'000, 4'096) == 20'000);
    CHECK(engine::nextSliceBytes(262'161, 262'144, 4'096) == 262'161);
}
