// The walking skeleton end to end: real hub and daemon processes, mutual TLS 1.3 on loopback.
#include "fixtures.hpp"

#include <cstddef>
#include <cstring>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/socket.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>

using namespace fieldkit::testing;

TEST_CASE("the daemon and the hub exchange a hello over mutual TLS") {
    CenterFixture center;
    TempDir device;
    const std::string deviceId = center.provision(device.path().string());
    CHECK(deviceId.size() == 32);

    RunningHub hub(center.center());
    auto sync = runProcess({kSyncd, "sync-once", "--data", device.path().string(), "--hub", hub.address()});
    CHECK_MESSAGE(sync.exitCode == 0, sync.err);
    CHECK(sync.out.find("synced: device " + deviceId) != std::string::npos);

    hub.process.terminate();
    // One JSON object a line: the event, then the device and the protocol as fields.
    const auto log = hub.process.err();
    const auto hello = log.find(R"("event":"device_hello")");
    REQUIRE_MESSAGE(hello != std::string::npos, log);
    const auto line = log.substr(hello, log.find('\n', hello) - hello);
    CHECK(line.find(R"("device":")" + deviceId + "\"") != std::string::npos);
    CHECK(line.find(R"("protocol":"1")") != std::string::npos);
}

TEST_CASE("a device enrolled with another center is refused") {
    CenterFixture ours;
    CenterFixture theirs;
    TempDir device;
    theirs.provision(device.path().string());
    RunningHub hub(ours.center());

    auto sync = runProcess({kSyncd, "sync-once", "--data", device.path().string(), "--hub", hub.address()});
    CHECK(sync.exitCode != 0);
    // The device pinned the other center's key, so it must not trust this hub either.
    CHECK(sync.err.find("pinned key") != std::string::npos);
}

TEST_CASE("the daemon keeps a status file the app can read") {
    CenterFixture center;
    TempDir device;
    center.provision(device.path().string());
    RunningHub hub(center.center());

    ChildProcess daemon({kSyncd, "run", "--data", device.path().string(), "--hub", hub.address()});
    const auto statusFile = device.path() / "sync" / "status.json";
    std::string status;
    for (int i = 0; i < 100 && status.find("\"state\":\"ok\"") == std::string::npos; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        std::ifstream in(statusFile);
        std::ostringstream s;
        s << in.rdbuf();
        status = s.str();
    }
    CHECK(status.find("\"state\":\"ok\"") != std::string::npos);
    CHECK(daemon.terminate() == 0);
}

TEST_CASE("the daemon reports offline and backs off when the hub is down") {
    CenterFixture center;
    TempDir device;
    center.provision(device.path().string());
    // Nothing listens on this port: bind it and close it again to find a free one.
    auto sync = runProcess({kSyncd, "sync-once", "--data", device.path().string(), "--hub", "127.0.0.1:1"});
    CHECK(sync.exitCode == 1);
    CHECK(sync.err.find("No contact with the center") != std::string::npos);
}

TEST_CASE("an unenrolled device says so") {
    TempDir device;
    auto sync = runProcess({kSyncd, "sync-once", "--data", device.path().string(), "--hub", "127.0.0.1:9"});
    CHECK(sync.exitCode == 1);
    CHECK(sync.err.find("not enrolled") != std::string::npos);
}

TEST_CASE("hub init refuses to overwrite an existing center") {
    CenterFixture center;
    auto again = runProcess({kHub, "init", "--dir", center.center()});
    CHECK(again.exitCode == 1);
    CHECK(again.err.find("already exists") != std::string::npos);
}

TEST_CASE("every program prints its version") {
    for (const auto& program : {kHub, kSyncd, kCtl}) {
        auto r = runProcess({program, "--version"});
        CHECK_MESSAGE(r.exitCode == 0, program);
        CHECK(r.out.find("0.1.0") != std::string::npos);
    }
}

TEST_CASE("the ops listener serves /healthz and Prometheus /metrics that count syncs") {
    CenterFixture center;
    TempDir device;
    center.provision(device.path().string());
    RunningHub hub(center.center());
    REQUIRE(runProcess({kSyncd, "sync-once", "--data", device.path().string(), "--hub", hub.address()})
                .exitCode == 0);

    const auto health = httpGet(hub.opsPort, "/healthz");
    CHECK(health.find("200 OK") != std::string::npos);
    CHECK(health.find("ok") != std::string::npos);
    const auto metrics = hub.metrics();
    CHECK(metrics.find("# TYPE fieldkit_hub_sessions_total counter") != std::string::npos);
    CHECK(metrics.find("fieldkit_hub_sessions_total 1") != std::string::npos);
    CHECK(metrics.find("fieldkit_hub_sync_duration_seconds_count 1") != std::string::npos);
    CHECK(httpGet(hub.opsPort, "/nothing").find("404") != std::string::npos);
}

TEST_CASE("the hub tells the service manager it is ready once it listens, and that it stops") {
    CenterFixture center;
    // A datagram socket where systemd would listen (Type=notify), abstract so nothing is left on disk.
    const std::string name = "@fieldkit-notify-test-" + std::to_string(::getpid());
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    REQUIRE(fd >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path + 1, name.data() + 1, name.size() - 1);
    REQUIRE(::bind(fd, reinterpret_cast<const sockaddr*>(&address),
                   static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + name.size())) == 0);
    const auto receive = [fd] {
        timeval wait{20, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof(wait));
        char buffer[64];
        const auto n = ::recv(fd, buffer, sizeof(buffer), 0);
        return n < 0 ? std::string() : std::string(buffer, static_cast<std::size_t>(n));
    };
    {
        ChildProcess hub({kHub, "serve", "--dir", center.center(), "--listen", "127.0.0.1:0", "--ops-listen",
                          "127.0.0.1:0"},
                         {"NOTIFY_SOCKET=" + name});
        REQUIRE(hub.waitForLine("listening on ", std::chrono::seconds(20)).has_value());
        CHECK(receive() == "READY=1");
        hub.terminate();
        CHECK(receive() == "STOPPING=1");
    }
    ::close(fd);
}
