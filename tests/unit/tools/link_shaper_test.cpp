#include <doctest/doctest.h>
#include <fieldkit/netfault/link_shaper.hpp>
#include <numeric>

using namespace fieldkit::netfault;
using namespace std::chrono_literals;

namespace {

const TimePoint t0{};

LinkProfile named(const char* name) {
    return profileByName(name).value();
}

/** When the last of `bytes` bytes handed over at once reaches the far end. */
Nanoseconds lastArrival(const LinkProfile& profile, std::size_t bytes) {
    LinkShaper shaper(profile, 1, t0);
    const auto chunks = shaper.plan(t0, bytes);
    REQUIRE_FALSE(chunks.empty());
    return chunks.back().deliverAt - t0;
}

std::size_t total(const std::vector<Chunk>& chunks) {
    return std::accumulate(chunks.begin(), chunks.end(), std::size_t{0},
                           [](std::size_t sum, const Chunk& c) { return sum + c.size; });
}

} // namespace

TEST_CASE("delivery time of N bytes is serialisation at the bandwidth plus one-way latency") {
    struct Row {
        const char* profile;
        std::size_t bytes;
        Nanoseconds expected;
    };
    const Row rows[] = {
        {"2g", 10'000, 1000ms + 900ms},    // 80 kbit/s: 10 KB take 1 s, and each of 3 chunks 300 ms
        {"2g", 1'000, 100ms + 300ms},      //
        {"3g", 10'000, 80ms + 75ms},       // 1 Mbit/s
        {"3g", 125'000, 1000ms + 75ms},    //
        {"lte", 100'000, 40ms + 25ms},     // 20 Mbit/s
        {"lte", 2'500'000, 1000ms + 25ms}, //
        {"flaky", 100'000, 40ms + 25ms},   // lte underneath
        {"none", 1'000'000, 0ms},          // a plain proxy
    };
    for (const auto& row : rows) {
        CAPTURE(row.profile);
        CAPTURE(row.bytes);
        CHECK(lastArrival(named(row.profile), row.bytes) == row.expected);
    }
}

TEST_CASE("store and forward: each chunk waits for the one before to arrive, so a slow link is slower") {
    auto p = named("2g");
    LinkShaper shaper(p, 1, t0);
    const auto chunks = shaper.plan(t0, 100 * 4096);
    REQUIRE(chunks.size() == 100);
    const Nanoseconds perChunk = LinkShaper::serialization(4096, 80) + 300ms;
    for (std::size_t i = 0; i < chunks.size(); ++i) {
        CAPTURE(i);
        CHECK(chunks[i].size == 4096);
        CHECK(chunks[i].deliverAt - t0 == static_cast<Nanoseconds::rep>(i + 1) * perChunk);
    }
    // About 5.8 KB/s instead of the nominal 10 KB/s.
    const double rate = 100.0 * 4096 / std::chrono::duration<double>(chunks.back().deliverAt - t0).count();
    CHECK(rate > 5'700);
    CHECK(rate < 5'900);
    // A plain link with the same figures pipelines the chunks: only the last pays the latency.
    p.perChunkLatency = false;
    CHECK(lastArrival(p, 100 * 4096) == LinkShaper::serialization(100 * 4096, 80) + 300ms);
}

TEST_CASE("serialisation: a byte cannot leave before the bytes before it were sent") {
    LinkProfile p;
    p.bandwidthKbit = 80; // 10 bytes per ms
    LinkShaper shaper(p, 1, t0);
    const auto first = shaper.plan(t0, 1000);
    const auto second = shaper.plan(t0 + 10ms, 1000); // arrives while the first is still on the wire
    REQUIRE(first.size() == 1);
    REQUIRE(second.size() == 1);
    CHECK(first[0].deliverAt == t0 + 100ms);
    CHECK(second[0].deliverAt == t0 + 200ms);
    // After the link went idle, new data is not held back by the past.
    const auto later = shaper.plan(t0 + 10s, 10);
    CHECK(later.at(0).deliverAt == t0 + 10s + 1ms);
}

TEST_CASE("segments are cut to packets, or to the tiny size asked for, and cover every byte in order") {
    for (const std::size_t segment : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{1000}}) {
        CAPTURE(segment);
        LinkProfile p;
        p.segmentBytes = segment;
        LinkShaper shaper(p, 1, t0);
        const auto chunks = shaper.plan(t0, 5000);
        const std::size_t limit = segment == 0 ? kPacketBytes : segment;
        CHECK(chunks.size() == (5000 + limit - 1) / limit);
        std::size_t offset = 0;
        for (const auto& c : chunks) {
            CHECK(c.offset == offset);
            CHECK(c.size <= limit);
            CHECK(c.action == ChunkAction::deliver);
            offset += c.size;
        }
        CHECK(offset == 5000);
    }
}

TEST_CASE("jitter delays segments but never reorders them") {
    LinkProfile p;
    p.latency = 20ms;
    p.jitter = 50ms;
    p.segmentBytes = 10;
    LinkShaper shaper(p, 99, t0);
    TimePoint previous = t0;
    bool someJitter = false;
    for (int call = 0; call < 50; ++call) {
        const TimePoint now = t0 + std::chrono::milliseconds(call);
        for (const auto& c : shaper.plan(now, 100)) {
            CHECK(c.deliverAt >= previous);
            CHECK(c.deliverAt >= now + 20ms);
            someJitter = someJitter || c.deliverAt > now + 20ms;
            previous = c.deliverAt;
        }
    }
    CHECK(previous <= t0 + 49ms + 20ms + 50ms);
    CHECK(someJitter);
}

TEST_CASE("drop after N bytes delivers exactly N bytes and then closes") {
    struct Row {
        std::uint64_t limit;
        std::vector<std::size_t> reads;
        std::size_t expectedDelivered;
    };
    const Row rows[] = {
        {1000, {600, 600, 600}, 1000},
        {1000, {1000, 5}, 1000},
        {1, {10}, 1},
        {5000, {100, 100}, 200}, // not reached: nothing closes
    };
    for (const auto& row : rows) {
        CAPTURE(row.limit);
        LinkProfile p;
        p.dropAfterBytes = row.limit;
        LinkShaper shaper(p, 1, t0);
        std::vector<Chunk> all;
        for (const auto n : row.reads) {
            const auto chunks = shaper.plan(t0, n);
            all.insert(all.end(), chunks.begin(), chunks.end());
        }
        CHECK(total(all) == row.expectedDelivered);
        CHECK(shaper.bytesPlanned() == row.expectedDelivered);
        const bool reached = row.expectedDelivered == row.limit;
        CHECK(shaper.finished() == reached);
        CHECK((all.back().action == ChunkAction::close) == reached);
        CHECK(shaper.plan(t0, 10).empty() == reached);
    }
}

TEST_CASE("a reset ends the plan with an empty chunk") {
    LinkProfile p;
    p.resetProbability = 1.0;
    LinkShaper shaper(p, 1, t0);
    const auto chunks = shaper.plan(t0, 3000);
    REQUIRE(chunks.size() == 1);
    CHECK(chunks[0].action == ChunkAction::reset);
    CHECK(chunks[0].size == 0);
    CHECK(shaper.finished());
    CHECK(shaper.plan(t0, 10).empty());
}

TEST_CASE("random resets hit about their probability per segment") {
    LinkProfile p;
    p.resetProbability = 0.01;
    int resets = 0;
    for (std::uint64_t seed = 0; seed < 200; ++seed) {
        LinkShaper shaper(p, seed, t0);
        const auto chunks = shaper.plan(t0, 10 * kPacketBytes); // 10 segments
        resets += (!chunks.empty() && chunks.back().action == ChunkAction::reset) ? 1 : 0;
    }
    // 1 - 0.99^10 ~ 9.6 % of 200 runs ~ 19
    CHECK(resets > 5);
    CHECK(resets < 40);
}

TEST_CASE("the same seed gives the same fault plan, another seed another") {
    LinkProfile p = profileByName("3g").value();
    p.jitter = 30ms;
    p.resetProbability = 0.002;
    p.segmentBytes = 200;
    const auto run = [&](std::uint64_t seed) {
        LinkShaper shaper(p, seed, t0);
        std::vector<Chunk> all;
        for (int i = 0; i < 100 && !shaper.finished(); ++i) {
            const auto chunks = shaper.plan(t0 + std::chrono::milliseconds(10 * i), 1500);
            all.insert(all.end(), chunks.begin(), chunks.end());
        }
        return all;
    };
    CHECK(run(12345) == run(12345));
    CHECK(run(12345) != run(54321));
}

TEST_CASE("stalls hold the link back during each stall window") {
    LinkProfile p;
    p.latency = 10ms;
    p.stall = 200ms;
    p.stallEvery = 1000ms;
    LinkShaper shaper(p, 1, t0);
    struct Row {
        Nanoseconds sentAt;
        Nanoseconds expectedArrival;
        std::uint64_t stallsSoFar;
    };
    const Row rows[] = {
        {0ms, 10ms, 0},      // before the first period ends
        {999ms, 1009ms, 0},  //
        {1000ms, 1210ms, 1}, // stall 1000..1200
        {1100ms, 1210ms, 1}, // same stall, counted once
        {1300ms, 1310ms, 1}, //
        {2050ms, 2210ms, 2}, // stall 2000..2200
    };
    for (const auto& row : rows) {
        CAPTURE(row.sentAt.count());
        const auto chunks = shaper.plan(t0 + row.sentAt, 1);
        REQUIRE(chunks.size() == 1);
        CHECK(chunks[0].deliverAt - t0 == row.expectedArrival);
        CHECK(shaper.stallsHit() == row.stallsSoFar);
    }
}

TEST_CASE("the link only starts at its start time (the handshake)") {
    LinkProfile p;
    p.latency = 50ms;
    LinkShaper shaper(p, 1, t0 + 100ms);
    CHECK(shaper.plan(t0, 10).at(0).deliverAt == t0 + 150ms);
}

TEST_CASE("an end of stream arrives after the data sent before it") {
    LinkProfile p;
    p.latency = 30ms;
    p.bandwidthKbit = 80;
    LinkShaper shaper(p, 1, t0);
    const auto chunks = shaper.plan(t0, 1000); // on the wire until 100 ms
    CHECK(shaper.planEnd(t0 + 1ms) == chunks.back().deliverAt);
    CHECK(shaper.planEnd(t0 + 500ms) == t0 + 530ms);
}

TEST_CASE("the in-flight limit covers the bandwidth-delay product") {
    CHECK(queueLimit(profileByName("none").value()) == 4 * 1024 * 1024);
    CHECK(queueLimit(profileByName("2g").value()) == 64 * 1024 + 3000);   // 10 kB/s x 0.3 s
    CHECK(queueLimit(profileByName("lte").value()) == 64 * 1024 + 62500); // 2.5 MB/s x 25 ms
}

TEST_CASE("whole-link drops come every 10 to 30 s on flaky, replayably, and never otherwise") {
    DropSchedule never(profileByName("lte").value().dropEvery, 1);
    CHECK_FALSE(never.next().has_value());

    const auto every = profileByName("flaky").value().dropEvery;
    DropSchedule a(every, 5);
    DropSchedule b(every, 5);
    for (int i = 0; i < 100; ++i) {
        const auto delay = a.next();
        REQUIRE(delay.has_value());
        CHECK(*delay >= 10s);
        CHECK(*delay <= 30s);
        CHECK(delay == b.next());
    }
}

TEST_CASE("serialisation time is exact for whole kbit rates") {
    CHECK(LinkShaper::serialization(10'000, 80) == 1s);
    CHECK(LinkShaper::serialization(1, 8) == 1ms);
    CHECK(LinkShaper::serialization(123'456, 0) == 0ns);
    CHECK(LinkShaper::serialization(65'536, 1) == Nanoseconds(524'288'000'000));
}
