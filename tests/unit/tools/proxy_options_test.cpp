#include <doctest/doctest.h>
#include <fieldkit/netfault/proxy_options.hpp>
#include <sstream>
#include <string>
#include <vector>

using namespace fieldkit;
using namespace fieldkit::netfault;
using namespace std::chrono_literals;

namespace {

Result<ProxyOptions> parse(std::vector<std::string> words) {
    words.insert(words.begin(), "fieldkit-netfault");
    std::vector<const char*> argv;
    for (const auto& w : words) {
        argv.push_back(w.c_str());
    }
    ProxyCommandLine commandLine;
    std::ostringstream out;
    std::ostringstream err;
    auto parsed = commandLine.parse(static_cast<int>(argv.size()), argv.data(), out, err);
    if (std::holds_alternative<int>(parsed)) {
        return makeError("usage", err.str());
    }
    return proxyOptions(std::get<ProxyArguments>(parsed));
}

std::vector<std::string> withAddresses(std::vector<std::string> extra) {
    std::vector<std::string> words{"--listen", "127.0.0.1:0", "--target", "127.0.0.1:8443"};
    words.insert(words.end(), extra.begin(), extra.end());
    return words;
}

} // namespace

TEST_CASE("the minimal command line is a plain proxy") {
    auto o = parse(withAddresses({}));
    REQUIRE_MESSAGE(o.ok(), o.error().message);
    CHECK(o->listen.host == "127.0.0.1");
    CHECK(o->listen.port == 0);
    CHECK(o->target.port == 8443);
    CHECK(o->link == profileByName("none").value());
    CHECK_FALSE(o->seed.has_value());
}

TEST_CASE("explicit options override the profile") {
    auto o = parse(withAddresses({"--profile",
                                  "2g",
                                  "--latency-ms",
                                  "10",
                                  "--jitter-ms",
                                  "5",
                                  "--seed",
                                  "18446744073709551615",
                                  "--drop-after-bytes",
                                  "1000",
                                  "--reset-probability",
                                  "0.25",
                                  "--stall-ms",
                                  "100",
                                  "--stall-every-ms",
                                  "1000",
                                  "--segment-bytes",
                                  "3",
                                  "--drop-every-ms",
                                  "200-400",
                                  "--idle-timeout-ms",
                                  "5000"}));
    REQUIRE_MESSAGE(o.ok(), o.error().message);
    CHECK(o->link.bandwidthKbit == 80); // from 2g
    CHECK(o->link.latency == 10ms);
    CHECK(o->link.jitter == 5ms);
    CHECK(o->link.dropAfterBytes == 1000);
    CHECK(o->link.resetProbability == 0.25);
    CHECK(o->link.stall == 100ms);
    CHECK(o->link.stallEvery == 1000ms);
    CHECK(o->link.segmentBytes == 3);
    CHECK(o->link.dropEvery == DropInterval{200ms, 400ms});
    CHECK(o->seed == 18446744073709551615ULL);
    CHECK(o->idleTimeout == 5000ms);
}

TEST_CASE("flaky's drops can be switched off or fixed") {
    auto off = parse(withAddresses({"--profile", "flaky", "--drop-every-ms", "0"}));
    REQUIRE(off.ok());
    CHECK_FALSE(off->link.dropEvery.has_value());
    auto fixed = parse(withAddresses({"--profile", "flaky", "--drop-every-ms", "1500"}));
    REQUIRE(fixed.ok());
    CHECK(fixed->link.dropEvery == DropInterval{1500ms, 1500ms});
}

TEST_CASE("bad options give errors that name the option") {
    struct Row {
        std::vector<std::string> words;
        const char* mentions;
    };
    const Row rows[] = {
        {{"--target", "127.0.0.1:1"}, "--listen"},
        {{"--listen", "127.0.0.1:0"}, "--target"},
        {{"--listen", "nowhere", "--target", "127.0.0.1:1"}, "--listen"},
        {{"--listen", "127.0.0.1:0", "--target", "127.0.0.1:0"}, "--target"},
        {{"--listen", "127.0.0.1:0", "--target", "127.0.0.1:99999"}, "--target"},
        {withAddresses({"--profile", "4g"}), "Unknown link profile"},
        {withAddresses({"--latency-ms", "-5"}), "--latency-ms"},
        {withAddresses({"--latency-ms", "ten"}), "--latency-ms"},
        {withAddresses({"--jitter-ms", "5ms"}), "--jitter-ms"},
        {withAddresses({"--bandwidth-kbit", ""}), "--bandwidth-kbit"},
        {withAddresses({"--drop-after-bytes", "1e3"}), "--drop-after-bytes"},
        {withAddresses({"--reset-probability", "2"}), "--reset-probability"},
        {withAddresses({"--reset-probability", "nan"}), "--reset-probability"},
        {withAddresses({"--stall-ms", "100"}), "--stall-every-ms"},
        {withAddresses({"--segment-bytes", "0"}), "--segment-bytes"},
        {withAddresses({"--drop-every-ms", "30000-10000"}), "--drop-every-ms"},
        {withAddresses({"--drop-every-ms", "10-x"}), "--drop-every-ms"},
        {withAddresses({"--seed", "-1"}), "--seed"},
        {withAddresses({"--idle-timeout-ms", "0"}), "--idle-timeout-ms"},
        {withAddresses({"--latency", "5"}), "unknown option --latency; one word more than the command takes"},
        {withAddresses({"extra"}), "one word more than the command takes"},
        {withAddresses({"--seed"}), "--seed: 1 required"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.mentions);
        auto o = parse(row.words);
        REQUIRE_FALSE(o.ok());
        CHECK_MESSAGE(o.error().message.find(row.mentions) != std::string::npos, o.error().message);
    }
}

TEST_CASE("the usage text lists every option") {
    ProxyCommandLine commandLine;
    std::ostringstream out;
    std::ostringstream err;
    const char* argv[] = {"fieldkit-netfault", "--help"};
    CHECK(std::get<int>(commandLine.parse(2, argv, out, err)) == 0);
    const auto usage = out.str();
    for (const char* option : {"--listen", "--target", "--profile", "--latency-ms", "--jitter-ms",
                               "--bandwidth-kbit", "--drop-after-bytes", "--reset-probability", "--stall-ms",
                               "--stall-every-ms", "--segment-bytes", "--drop-every-ms", "--seed"}) {
        CHECK_MESSAGE(usage.find(option) != std::string::npos, option);
    }
}
