#include <cstddef>
#include <cstdint>
#include <doctest/doctest.h>
#include <fieldkit/core/hlc.hpp>
#include <iterator>

using fieldkit::core::Hlc;

TEST_CASE("Hlc: local events follow the wall clock, or count when it stalls or goes back") {
    struct Row {
        Hlc previous;
        std::uint64_t wall;
        Hlc expected;
    };
    const Row rows[] = {
        {Hlc(), 1000, Hlc(1000, 0)},             // first event
        {Hlc(1000, 0), 1005, Hlc(1005, 0)},      // wall clock moved on: counter resets
        {Hlc(1000, 0), 1000, Hlc(1000, 1)},      // same millisecond
        {Hlc(1000, 7), 900, Hlc(1000, 8)},       // wall clock went back (NTP step): never go back
        {Hlc(1000, 0xFFFF), 1000, Hlc(1001, 0)}, // counter exhausted: borrow the next millisecond
        {Hlc(Hlc::kMaxPhysicalMs, 0xFFFF), 5, Hlc(Hlc::kMaxPhysicalMs, 0xFFFF)}, // saturates, never wraps
    };
    for (const Row& row : rows) {
        CAPTURE(row.previous.encode());
        CAPTURE(row.wall);
        CHECK(Hlc::now(row.previous, row.wall) == row.expected);
    }
}

TEST_CASE("Hlc: receiving moves past both clocks") {
    struct Row {
        Hlc local;
        Hlc remote;
        std::uint64_t wall;
        Hlc expected;
    };
    const Row rows[] = {
        {Hlc(1000, 3), Hlc(900, 9), 2000, Hlc(2000, 0)},   // wall clock ahead of both
        {Hlc(1000, 3), Hlc(900, 9), 950, Hlc(1000, 4)},    // local ahead
        {Hlc(1000, 3), Hlc(1200, 9), 950, Hlc(1200, 10)},  // remote ahead: adopt it
        {Hlc(1000, 3), Hlc(1000, 9), 1000, Hlc(1000, 10)}, // same ms: max counter + 1
        {Hlc(1000, 9), Hlc(1000, 3), 1000, Hlc(1000, 10)},
        {Hlc(1000, 0xFFFF), Hlc(1000, 2), 10, Hlc(1001, 0)},
    };
    for (const Row& row : rows) {
        const Hlc got = Hlc::receive(row.local, row.remote, row.wall);
        CHECK(got == row.expected);
        CHECK(got > row.local);
        CHECK(got > row.remote);
    }
}

TEST_CASE("Hlc: a sequence of events is strictly increasing whatever the wall clock does") {
    const std::uint64_t walls[] = {100, 100, 100, 99, 50, 101, 101, 300, 200, 200};
    Hlc clock;
    for (std::uint64_t wall : walls) {
        const Hlc next = Hlc::now(clock, wall);
        CHECK(next > clock);
        clock = next;
    }
}

TEST_CASE("Hlc: total order is milliseconds first, then counter") {
    CHECK(Hlc(1, 0xFFFF) < Hlc(2, 0));
    CHECK(Hlc(2, 1) < Hlc(2, 2));
    CHECK(Hlc(2, 2) == Hlc(2, 2));
}

TEST_CASE("Hlc: 64-bit encoding round-trips and keeps the order") {
    const Hlc values[] = {Hlc(), Hlc(0, 1), Hlc(1, 0), Hlc(1700000000000, 42),
                          Hlc(Hlc::kMaxPhysicalMs, 0xFFFF)};
    for (const Hlc& value : values) {
        CHECK(Hlc::decode(value.encode()) == value);
    }
    for (std::size_t i = 1; i < std::size(values); ++i) {
        CHECK(values[i - 1].encode() < values[i].encode());
    }
    CHECK(Hlc(1, 2).encode() == ((std::uint64_t{1} << 16) | 2));
    CHECK(Hlc::decode(~std::uint64_t{0}) == Hlc(Hlc::kMaxPhysicalMs, 0xFFFF));
    // Out-of-range milliseconds clamp instead of spilling into other bits.
    CHECK(Hlc(Hlc::kMaxPhysicalMs + 5, 0).physicalMs() == Hlc::kMaxPhysicalMs);
}
