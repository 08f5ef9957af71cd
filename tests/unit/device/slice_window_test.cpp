// The slice window of the download lane: the slices asked for follow on from each other exactly as the hub
// will serve them, cover the chunk once, never exceed the pace's window, and answers teach the pace.
#include <doctest/doctest.h>
#include <fieldkit/device/slice_window.hpp>

using namespace fieldkit;
using device::SliceWindow;
using std::chrono::milliseconds;

namespace {

/** Asks for everything the window allows now; returns the slices asked for. */
std::vector<engine::ChunkSlice> fill(SliceWindow& window, SliceWindow::Clock::time_point now) {
    std::vector<engine::ChunkSlice> asked;
    for (auto slice = window.next(); slice; slice = window.next()) {
        window.sent(*slice, 60, now);
        asked.push_back(*slice);
    }
    return asked;
}

engine::LinkPace cutLinkPace() {
    engine::LinkPace pace;
    for (int i = 0; i < 6; ++i) {
        pace.cut(); // a link cut every few seconds: sizes at their minimum
    }
    return pace;
}

} // namespace

TEST_CASE("the slices asked for cover the rest of the chunk once, in order, as the hub serves them") {
    auto pace = cutLinkPace();
    const std::uint64_t chunkBytes = engine::kChunkCipherBytes;
    const std::uint64_t held = 5000;
    SliceWindow window(pace, chunkBytes, held);
    auto now = SliceWindow::Clock::now();
    std::uint64_t expected = held;
    std::size_t requests = 0;
    while (true) {
        const auto asked = fill(window, now);
        CHECK(window.inFlight() <= pace.maxInFlight());
        for (const auto& slice : asked) {
            CHECK(slice.offset == expected); // no gap, no overlap
            // The hub, asked for exactly this, serves exactly this: the next offset is right without waiting.
            const auto served = engine::downloadSlice(chunkBytes, slice.offset, slice.bytes);
            REQUIRE(served.has_value());
            CHECK(served->offset == slice.offset);
            CHECK(served->bytes == slice.bytes);
            expected += slice.bytes;
            ++requests;
        }
        if (window.empty()) {
            break;
        }
        CHECK(window.awaited()->offset + window.awaited()->bytes <= chunkBytes);
        now += milliseconds(150);
        window.answered(2100, now);
    }
    CHECK(expected == chunkBytes);
    CHECK(requests > 10); // a cut link is asked in small slices
    CHECK_FALSE(window.next().has_value());
}

TEST_CASE("no more than the pace's window is in flight, and each answer makes room for one more") {
    engine::LinkPace pace; // nothing measured yet: start-sized slices
    SliceWindow window(pace, engine::kChunkCipherBytes, 0);
    const auto now = SliceWindow::Clock::now();
    const auto asked = fill(window, now);
    REQUIRE(asked.size() == pace.maxInFlight());
    CHECK(asked.front().bytes == pace.pushBytes());
    CHECK(window.outstandingBytes() == asked.size() * (60 + pace.pushBytes()));
    CHECK_FALSE(window.next().has_value()); // full
    window.answered(pace.pushBytes() + 100, now + milliseconds(200));
    CHECK(window.inFlight() == asked.size() - 1);
    CHECK(window.next().has_value());
}

TEST_CASE("fast answers grow the slices asked for next, as they grow pushes") {
    auto pace = cutLinkPace();
    const auto small = pace.pushBytes();
    SliceWindow window(pace, engine::kChunkCipherBytes, 0);
    auto now = SliceWindow::Clock::now();
    (void)fill(window, now);
    for (int i = 0; i < 6 && !window.empty(); ++i) {
        now += milliseconds(5); // a fast link answers at once
        window.answered(small + 100, now);
        (void)fill(window, now);
    }
    CHECK(pace.pushBytes() > small);
    REQUIRE(window.next().has_value() == (window.inFlight() < pace.maxInFlight()));
}

TEST_CASE("a chunk held whole asks for nothing, and a short rest goes in one slice") {
    engine::LinkPace pace;
    SliceWindow done(pace, 3000, 3000);
    CHECK_FALSE(done.next().has_value());
    CHECK_FALSE(done.awaited().has_value());

    auto cut = cutLinkPace();
    SliceWindow tail(cut, 20000, 20000 - cut.pushBytes() - 500); // a little more than one slice is left
    const auto slice = tail.next();
    REQUIRE(slice.has_value());
    CHECK(slice->bytes == cut.pushBytes() + 500);
    tail.sent(*slice, 60, SliceWindow::Clock::now());
    CHECK_FALSE(tail.next().has_value());
}
