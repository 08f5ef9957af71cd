#include <doctest/doctest.h>
#include <fieldkit/netfault/link_profile.hpp>

using namespace fieldkit::netfault;
using namespace std::chrono_literals;

TEST_CASE("named profiles carry the issue's link figures, per direction") {
    struct Row {
        const char* name;
        std::uint64_t kbit;
        Milliseconds rtt;
        bool drops;
    };
    const Row rows[] = {
        {"lte", 20'000, 50ms, false},  {"3g", 1'000, 150ms, false}, {"2g", 80, 600ms, false},
        {"flaky", 20'000, 50ms, true}, {"cut", 128, 120ms, true},   {"none", 0, 0ms, false},
    };
    for (const auto& row : rows) {
        CAPTURE(row.name);
        auto p = profileByName(row.name);
        REQUIRE(p.ok());
        CHECK(p->name == row.name);
        CHECK(p->bandwidthKbit == row.kbit);
        CHECK(p->rtt() == row.rtt);
        CHECK(p->latency == row.rtt / 2);
        CHECK(p->dropEvery.has_value() == row.drops);
        CHECK(p->resetProbability == 0.0);
        CHECK(p->dropAfterBytes == 0);
    }
    CHECK(profileByName("flaky")->dropEvery == DropInterval{10s, 30s});
    CHECK(profileByName("cut")->dropEvery == DropInterval{1s, 4s});
    // The slow profiles store and forward 4 KiB chunks, each paying the latency (see link_shaper_test).
    CHECK(profileByName("2g")->perChunkLatency);
    CHECK(profileByName("cut")->perChunkLatency);
    CHECK(profileByName("2g")->segmentBytes == 4096);
    CHECK_FALSE(profileByName("lte")->perChunkLatency);
    CHECK(profileNames().size() == 6);
    for (const auto& name : profileNames()) {
        CHECK(profileByName(name).ok());
    }
}

TEST_CASE("an unknown profile name is a clear error") {
    for (const char* name : {"", "LTE", "5g", "wifi"}) {
        auto p = profileByName(name);
        REQUIRE_FALSE(p.ok());
        CHECK(p.error().code == "unknown_profile");
        CHECK(p.error().message.find("lte, 3g, 2g, flaky, cut or none") != std::string::npos);
    }
}

TEST_CASE("overrides replace exactly the values given") {
    LinkOverrides o;
    o.latency = 100ms;
    o.resetProbability = 0.5;
    auto p = applyOverrides(profileByName("3g").value(), o);
    REQUIRE(p.ok());
    CHECK(p->latency == 100ms);
    CHECK(p->resetProbability == 0.5);
    CHECK(p->bandwidthKbit == 1'000); // kept from 3g
    CHECK(p->name == "3g+custom");

    auto same = applyOverrides(profileByName("2g").value(), LinkOverrides{});
    REQUIRE(same.ok());
    CHECK(*same == profileByName("2g").value());

    LinkOverrides off;
    off.dropEvery = std::optional<DropInterval>();
    auto calm = applyOverrides(profileByName("flaky").value(), off);
    REQUIRE(calm.ok());
    CHECK_FALSE(calm->dropEvery.has_value());
    CHECK(calm->bandwidthKbit == 20'000);
}

TEST_CASE("inconsistent overrides are refused with a reason") {
    struct Row {
        LinkOverrides overrides;
        const char* mentions;
    };
    LinkOverrides stallOnly;
    stallOnly.stall = 100ms;
    LinkOverrides periodOnly;
    periodOnly.stallEvery = 100ms;
    LinkOverrides stallTooLong;
    stallTooLong.stall = 500ms;
    stallTooLong.stallEvery = 500ms;
    LinkOverrides badProbability;
    badProbability.resetProbability = 1.5;
    LinkOverrides badDrops;
    badDrops.dropEvery = DropInterval{30s, 10s};
    const Row rows[] = {
        {stallOnly, "--stall-every-ms"},         {periodOnly, "--stall-ms"},    {stallTooLong, "shorter"},
        {badProbability, "--reset-probability"}, {badDrops, "--drop-every-ms"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.mentions);
        auto p = applyOverrides(LinkProfile{}, row.overrides);
        REQUIRE_FALSE(p.ok());
        CHECK(p.error().code == "bad_option");
        CHECK(p.error().message.find(row.mentions) != std::string::npos);
    }
}

TEST_CASE("a profile describes itself in one log line") {
    CHECK(describe(profileByName("2g").value()) ==
          "2g: 300 ms one-way, 80 kbit/s, store-and-forward chunks of 4096 bytes (each "
          "direction)");
    CHECK(describe(profileByName("flaky").value()).find("link drop every 10000-30000 ms") !=
          std::string::npos);
}
