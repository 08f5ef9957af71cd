#include <doctest/doctest.h>
#include <fieldkit/engine/chunk_slices.hpp>
#include <string>

using fieldkit::engine::ChunkSlices;

namespace {

const std::string kChunk = [] {
    std::string bytes;
    for (int i = 0; i < 1000; ++i) {
        bytes += static_cast<char>('a' + i % 26);
    }
    return bytes;
}();

ChunkSlices::Added addSlice(ChunkSlices& slices, const std::string& device, std::size_t offset, std::size_t n,
                            std::uint32_t index = 0) {
    return slices.add(device, "att", index, kChunk.size(), offset,
                      std::string_view(kChunk).substr(offset, n));
}

} // namespace

TEST_CASE("slices in order make the chunk, and each says how much is held") {
    ChunkSlices slices;
    auto first = addSlice(slices, "d1", 0, 300);
    CHECK_FALSE(first.chunk);
    CHECK(first.heldBytes == 300);
    CHECK(slices.inProgress("d1")->heldBytes == 300);
    CHECK(addSlice(slices, "d1", 300, 300).heldBytes == 600);
    auto last = addSlice(slices, "d1", 600, 400);
    REQUIRE(last.chunk);
    CHECK(*last.chunk == kChunk);
    CHECK_FALSE(slices.inProgress("d1"));
    CHECK(slices.heldBytes() == 0);
}

TEST_CASE("after a cut the device goes on from what the hub holds, a slice out of place changes nothing") {
    ChunkSlices slices;
    (void)addSlice(slices, "d1", 0, 250);
    // The device resent a slice it had sent before the cut, and one past the held bytes: both are answered
    // with where to go on.
    CHECK(addSlice(slices, "d1", 0 + 100, 100).heldBytes == 250);
    CHECK(addSlice(slices, "d1", 500, 100).heldBytes == 250);
    CHECK(slices.inProgress("d1")->heldBytes == 250);
    auto rest = addSlice(slices, "d1", 250, 750);
    REQUIRE(rest.chunk);
    CHECK(*rest.chunk == kChunk);
}

TEST_CASE("a slice of a chunk the hub holds nothing of, past its start, is answered with 0") {
    ChunkSlices slices;
    auto stray = addSlice(slices, "d1", 400, 100);
    CHECK_FALSE(stray.chunk);
    CHECK(stray.heldBytes == 0);
    CHECK_FALSE(slices.inProgress("d1"));
}

TEST_CASE("a whole chunk in one slice passes straight through, and starting over drops what was held") {
    ChunkSlices slices;
    (void)addSlice(slices, "d1", 0, 400);
    auto again = addSlice(slices, "d1", 0, 200);
    CHECK(again.heldBytes == 200);
    auto whole = addSlice(slices, "d1", 0, kChunk.size());
    REQUIRE(whole.chunk);
    CHECK(*whole.chunk == kChunk);
    CHECK_FALSE(slices.inProgress("d1"));
}

TEST_CASE("one chunk in progress per device, and at most so many devices: memory stays bounded") {
    ChunkSlices slices(2);
    (void)addSlice(slices, "d1", 0, 500, 0);
    (void)addSlice(slices, "d1", 0, 100, 1); // the device moved on to chunk 1: chunk 0's bytes go
    CHECK(slices.inProgress("d1")->index == 1);
    CHECK(slices.heldBytes() == 100);
    (void)addSlice(slices, "d2", 0, 100);
    (void)addSlice(slices, "d1", 100, 100, 1); // d1 is the most recently active now
    (void)addSlice(slices, "d3", 0, 100);      // a third device drops the least recently active, d2
    CHECK(slices.devices() == 2);
    CHECK_FALSE(slices.inProgress("d2"));
    CHECK(slices.inProgress("d1")->heldBytes == 200);
    CHECK(slices.inProgress("d3")->heldBytes == 100);
}
