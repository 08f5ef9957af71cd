// The daemon's connection to the hub: many sync rounds on one open connection, each one round trip and small;
// the hub's idle timeout; and a device too old for the center, told to upgrade while it keeps its outbox.
#include "fixtures.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <sstream>
#include <thread>

using namespace fieldkit::testing;

namespace {

const std::vector<std::string> kPin = {"FIELDKIT_PIN=2468"};

std::string readText(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/** The number after `key` in a flat JSON object, or -1. */
long long jsonNumber(const std::string& json, const std::string& key) {
    const auto at = json.find("\"" + key + "\":");
    return at == std::string::npos ? -1 : std::atoll(json.c_str() + at + key.size() + 3);
}

void createCase(const std::filesystem::path& device) {
    const auto file = device / "new-case.json";
    std::ofstream(file) << R"({"service":"passport","channel":"bike","citizen":{"cpr":"0707614285","name":)"
                        << R"("Karen Blixen","address":"Nørregade 1"},"notes":["first visit"]})";
    auto r = runProcess({kCtl, "--data", device.string(), "case", "create", "--json", file.string()},
                        std::chrono::seconds(60), kPin);
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
}

/** Waits until the daemon's status file shows no pending operation and a success after `since`. */
bool waitUntilSent(const std::filesystem::path& device, long long since) {
    for (int i = 0; i < 300; ++i) {
        const auto status = readText(device / "sync" / "status.json");
        if (jsonNumber(status, "pending_ops") == 0 && jsonNumber(status, "last_success_ms") > since) {
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
}

long long nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

TEST_CASE("one open connection carries many sync rounds, each one round trip and under 1 KB on the wire") {
    CenterFixture center;
    TempDir device;
    center.provision(device.path().string());
    RunningHub hub(center.center());

    auto sync = runProcess(
        {kSyncd, "sync-once", "--data", device.path().string(), "--hub", hub.address(), "--rounds", "4"});
    REQUIRE_MESSAGE(sync.exitCode == 0, sync.err);
    std::istringstream lines(sync.out);
    int rounds = 0;
    for (std::string line; std::getline(lines, line);) {
        INFO(line);
        REQUIRE(line.rfind("synced: device ", 0) == 0);
        CHECK(line.find(", 1 round trips,") != std::string::npos);
        const auto wire = line.find(", wire ");
        REQUIRE(wire != std::string::npos);
        std::istringstream numbers(line.substr(wire + 7));
        long long up = -1;
        long long down = -1;
        std::string unit;
        std::string direction;
        numbers >> up >> unit >> direction >> down;
        CHECK(up > 0);
        CHECK(down > 0);
        CHECK(up + down <= 1024); // TLS records, WebSocket frames and protobuf, both directions
        ++rounds;
    }
    CHECK(rounds == 4);
    const auto metrics = hub.metrics();
    CHECK(metricValue(metrics, "fieldkit_hub_sessions_total") == 1);
    CHECK(metricValue(metrics, "fieldkit_hub_rounds_total") == 4);
}

TEST_CASE("the daemon keeps its connection open between rounds, the hub's pings keep it alive while idle") {
    CenterFixture center;
    TempDir device;
    center.provision(device.path().string());
    // Two seconds of silence would close the connection, so only the keep-alive pings can hold it open.
    RunningHub hub(center.center(), {"--idle-seconds", "2"});
    ChildProcess daemon({kSyncd, "run", "--data", device.path().string(), "--hub", hub.address()});
    REQUIRE(waitUntilSent(device.path(), 0));

    for (int i = 0; i < 2; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2500)); // longer than the idle timeout
        const auto since = nowMs();
        createCase(device.path());
        std::ofstream(device / "sync" / "sync-now") << "";
        REQUIRE(waitUntilSent(device.path(), since));
    }
    const auto metrics = hub.metrics();
    CHECK(metricValue(metrics, "fieldkit_hub_sessions_total") == 1);
    CHECK(metricValue(metrics, "fieldkit_hub_rounds_total") >= 3);
    CHECK(metricValue(metrics, "fieldkit_hub_ops_applied_total") == 2);
    CHECK(metricValue(metrics, "fieldkit_hub_connected_devices") == 1);
    CHECK(daemon.terminate() == 0);
}

TEST_CASE("the hub closes a connection that stays silent past its idle timeout") {
    CenterFixture center;
    TempDir device;
    center.provision(device.path().string());
    RunningHub hub(center.center(), {"--idle-seconds", "1"});
    // A WebSocket client that never answers the hub's ping: openssl s_client after the upgrade request.
    const auto request = device / "upgrade.txt";
    std::ofstream(request) << "GET /sync/v1 HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                              "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                              "Sec-WebSocket-Version: 13\r\n\r\n";
    const auto cert = (device / "sync" / "device.crt").string();
    const auto key = (device / "sync" / "device.key").string();
    auto silent = runProcess({"/bin/sh", "-c",
                              "/usr/bin/openssl s_client -quiet -connect " + hub.address() + " -cert " +
                                  cert + " -key " + key + " < " + request.string()},
                             std::chrono::seconds(30));
    CHECK(silent.out.find("101 Switching Protocols") != std::string::npos);
    CHECK(silent.exitCode != 128 + 9); // it ended because the hub closed, not because the harness killed it
    CHECK(metricValue(hub.metrics(), "fieldkit_hub_connected_devices") == 0);
    hub.process.terminate();
    CHECK(hub.process.err().find("silent for longer than the idle timeout") != std::string::npos);
}

TEST_CASE("a device older than the center accepts is told to upgrade and keeps its outbox") {
    CenterFixture center;
    TempDir device;
    center.provision(device.path().string());
    {
        RunningHub strict(center.center(), {"--oldest-schema", "2"});
        // The first contact files away the enrolment keys even when refused, so the device can save cases.
        (void)runProcess({kSyncd, "sync-once", "--data", device.path().string(), "--hub", strict.address()});
        createCase(device.path());
        auto refused =
            runProcess({kSyncd, "sync-once", "--data", device.path().string(), "--hub", strict.address()});
        CHECK(refused.exitCode == 1);
        CHECK(refused.err.find("update fieldkit") != std::string::npos);
        const auto status = runProcess({kSyncd, "status", "--data", device.path().string(), "--json"});
        CHECK(status.out.find("\"state\":\"upgrade_required\"") != std::string::npos);
        CHECK(jsonNumber(status.out, "pending_ops") == 1);
        CHECK(metricValue(strict.metrics(), "fieldkit_hub_ops_applied_total") == 0);
    }
    // Once the center accepts the device again, the kept operation goes out.
    RunningHub relaxed(center.center());
    auto sync =
        runProcess({kSyncd, "sync-once", "--data", device.path().string(), "--hub", relaxed.address()});
    CHECK_MESSAGE(sync.exitCode == 0, sync.err);
    CHECK(sync.out.find("1 sent (0 refused)") != std::string::npos);
    const auto status = runProcess({kSyncd, "status", "--data", device.path().string(), "--json"});
    CHECK(jsonNumber(status.out, "pending_ops") == 0);
}

TEST_CASE("a long transfer shows items and bytes done and left in the status while it runs") {
    CenterFixture center;
    TempDir device;
    center.provision(device.path().string());
    RunningHub hub(center.center());
    // Enrolment keys first, then enough cases that the transfer takes a while over a 3G link.
    REQUIRE(runProcess({kSyncd, "sync-once", "--data", device.path().string(), "--hub", hub.address()})
                .exitCode == 0);
    auto generated = runProcess(
        {kCtl, "--data", device.path().string(), "case", "generate", "--count", "400", "--seed", "3"},
        std::chrono::seconds(120), kPin);
    REQUIRE_MESSAGE(generated.exitCode == 0, generated.err);
    ChildProcess proxy({FIELDKIT_NETFAULT_BIN, "--listen", "127.0.0.1:0", "--target", hub.address(),
                        "--profile", "3g", "--seed", "1"});
    const auto proxyLine = proxy.waitForLine("listening on ", std::chrono::seconds(20));
    REQUIRE(proxyLine.has_value());
    // The to-go profile sends 100 operations per flight, so the 400 go out in four flights of one round.
    ChildProcess daemon(
        {kSyncd, "run", "--data", device.path().string(), "--hub",
         "127.0.0.1:" + std::to_string(portOf(*proxyLine)), "--profile", "togo-tablet"},
        {std::string("FIELDKIT_PROFILES_DIR=") + FIELDKIT_SOURCE_DIR + "/hw-profiles/profiles"});

    // Samples of the status file taken while the round runs.
    std::vector<std::pair<long long, long long>> upSamples; // items done, items left
    std::string status;
    for (int i = 0; i < 1200; ++i) {
        status = readText(device / "sync" / "status.json");
        const auto progress = status.find("\"progress\":{\"active\":true");
        if (progress != std::string::npos) {
            const auto up = status.substr(status.find("\"up\":", progress));
            upSamples.emplace_back(jsonNumber(up, "items_done"), jsonNumber(up, "items_left"));
            CHECK(jsonNumber(up, "bytes_done") > 0);
        } else if (jsonNumber(status, "pending_ops") == 0 && !upSamples.empty()) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    INFO(status);
    REQUIRE(upSamples.size() >= 2);
    CHECK(upSamples.front().second > 0);                     // operations were still to go while it ran
    CHECK(upSamples.back().first > upSamples.front().first); // and acknowledged items grew between samples
    CHECK(upSamples.back().first + upSamples.back().second == 400);
    CHECK(jsonNumber(status, "pending_ops") == 0);
    CHECK(status.find("\"progress\":{\"active\":false") != std::string::npos);
    const auto up = status.substr(status.find("\"up\":"));
    CHECK(jsonNumber(up, "items_done") == 400);
    CHECK(jsonNumber(up, "items_left") == 0);
    CHECK(daemon.terminate() == 0);
}
