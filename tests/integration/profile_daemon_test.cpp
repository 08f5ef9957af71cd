// The daemon follows the hardware profile's plan, read from fake battery and link sensors (a sysfs tree the
// test writes): on a metered bike at critical battery it holds saves back; on charging it sends them.
#include "fixtures.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <sstream>
#include <thread>

using namespace fieldkit::testing;

namespace {

void write(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << text << '\n';
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto pos = text.find(from);
    REQUIRE_MESSAGE(pos != std::string::npos, from);
    return text.replace(pos, from.size(), to);
}

} // namespace

TEST_CASE("at critical battery on a metered link the daemon holds saves back, charging releases them") {
    CenterFixture center;
    TempDir device;
    center.provision(device.path().string());
    RunningHub hub(center.center());
    REQUIRE(runProcess({kSyncd, "sync-once", "--data", device.path().string(), "--hub", hub.address()})
                .exitCode == 0);

    // The bike profile (metered LTE, ops-only at critical battery), with a 1 s debounce so the test is quick.
    TempDir profiles;
    std::string bike =
        readAll(std::filesystem::path(FIELDKIT_SOURCE_DIR) / "hw-profiles/profiles/bike-tablet.json");
    bike = replaced(bike, "\"name\": \"bike-tablet\"", "\"name\": \"test-bike\"");
    bike = replaced(bike, "\"debounce_seconds\": 10", "\"debounce_seconds\": 1");
    write(profiles / "test-bike.json", bike);

    TempDir sysfs;
    write(sysfs / "power_supply/BAT0/type", "Battery");
    write(sysfs / "power_supply/BAT0/capacity", "5");
    write(sysfs / "power_supply/BAT0/status", "Discharging");
    write(sysfs / "net/wwan0/operstate", "up");
    write(sysfs / "net/wwan0/carrier", "1");

    ChildProcess daemon({kSyncd, "run", "--data", device.path().string(), "--hub", hub.address(), "--profile",
                         "test-bike", "--sysfs-root", sysfs.path().string()},
                        {"FIELDKIT_PROFILES_DIR=" + profiles.path().string()});
    const auto statusFile = device / "sync" / "status.json";
    // At start the periodic pull is due whatever the battery; after it, new saves are held back.
    REQUIRE(
        eventually([&] { return readAll(statusFile).find("\"state\":\"ok\"") != std::string::npos; }, 10));
    auto create = runProcess({kCtl, "--data", device.path().string(), "case", "generate", "--count", "2"},
                             std::chrono::seconds(60), {"FIELDKIT_PIN=2468"});
    REQUIRE(create.exitCode == 0);
    REQUIRE(eventually([&] { return readAll(statusFile).find("Battery critical at 5") != std::string::npos; },
                       10));
    CHECK(
        eventually([&] { return readAll(statusFile).find("2 operations waiting") != std::string::npos; }, 5));
    CHECK(readAll(statusFile).find("operations only, batched every 1800 s") != std::string::npos);
    std::this_thread::sleep_for(std::chrono::seconds(3));
    auto stats = runProcess({kHub, "stats", "--dir", center.center(), "--json"});
    CHECK(stats.out.find("\"cases\":0") != std::string::npos); // held back: nothing reached the center
    CHECK(readAll(statusFile).find("\"pending_ops\":2") != std::string::npos);

    write(sysfs / "power_supply/BAT0/status", "Charging");
    CHECK(eventually(
        [&] {
            return runProcess({kHub, "stats", "--dir", center.center(), "--json"}).out.find("\"cases\":2") !=
                   std::string::npos;
        },
        15));
    CHECK(eventually([&] { return readAll(statusFile).find("\"pending_ops\":0") != std::string::npos; }, 5));

    // The link goes down: the daemon says offline and does not try.
    write(sysfs / "net/wwan0/operstate", "down");
    write(sysfs / "net/wwan0/carrier", "0");
    CHECK(eventually([&] { return readAll(statusFile).find("\"state\":\"offline\"") != std::string::npos; },
                     5));
    CHECK(daemon.terminate() == 0);
    // One JSON log line (quotes in the message escaped), with the profile as a field.
    const auto log = daemon.err();
    const auto chosen =
        log.find(R"("event":"profile_selected","msg":"Profile \"test-bike\" was chosen with --profile)");
    REQUIRE_MESSAGE(chosen != std::string::npos, log);
    CHECK(log.substr(chosen, log.find('\n', chosen) - chosen).find(R"("profile":"test-bike")") !=
          std::string::npos);
}

TEST_CASE("a malformed profile stops the daemon before it starts, naming file and field") {
    TempDir profiles;
    write(profiles / "broken.json", "{\"name\": \"broken\"}");
    TempDir device;
    CenterFixture center;
    center.provision(device.path().string());
    auto run = runProcess({kSyncd, "run", "--data", device.path().string(), "--hub", "127.0.0.1:9"},
                          std::chrono::seconds(30), {"FIELDKIT_PROFILES_DIR=" + profiles.path().string()});
    CHECK(run.exitCode == 1);
    CHECK(run.err.find("broken.json") != std::string::npos);
    CHECK(run.err.find("missing") != std::string::npos);
}
