// The hub's doors, tried with a real TLS client (openssl s_client) against a real hub.
#include "fixtures.hpp"

#include <doctest/doctest.h>
#include <fstream>

using namespace fieldkit::testing;

namespace {

const std::string kOpenssl = "/usr/bin/openssl";

/** Runs s_client against the hub with `extra` options, feeding it `input`; returns what it printed. */
Finished sClient(const RunningHub& hub, std::vector<std::string> extra, const std::filesystem::path& input) {
    std::vector<std::string> argv = {"/bin/sh", "-c", ""};
    std::string command = kOpenssl + " s_client -connect " + hub.address() + " -servername localhost";
    for (const auto& e : extra) {
        command += " " + e;
    }
    command += " < " + input.string();
    argv[2] = command;
    return runProcess(argv, std::chrono::seconds(30));
}

/** A WebSocket upgrade followed by one masked binary frame whose payload is not a sync message. */
std::string upgradeThenGarbage() {
    std::string out =
        "GET /sync/v1 HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    const std::string payload = "\xff\xff\xff\xff garbage that is no protobuf \x07";
    const unsigned char mask[4] = {0x11, 0x22, 0x33, 0x44};
    out += static_cast<char>(0x82);
    out += static_cast<char>(0x80 | payload.size());
    for (unsigned char m : mask) {
        out += static_cast<char>(m);
    }
    for (std::size_t i = 0; i < payload.size(); ++i) {
        out += static_cast<char>(static_cast<unsigned char>(payload[i]) ^ mask[i % 4]);
    }
    return out;
}

} // namespace

/** A center, one enrolled device and a running hub. */
struct SecurityFixture {
    CenterFixture center;
    TempDir device;
    std::string deviceId = center.provision(device.path().string());
    RunningHub hub{center.center()};
    std::filesystem::path cert = device / "sync" / "device.crt";
    std::filesystem::path key = device / "sync" / "device.key";
    std::filesystem::path empty = device / "empty.txt";

    SecurityFixture() { std::ofstream(empty) << ""; }
};

TEST_CASE("TLS 1.2 is refused even with a valid device certificate") {
    SecurityFixture f;
    auto r = sClient(f.hub, {"-tls1_2", "-cert", f.cert.string(), "-key", f.key.string()}, f.empty);
    CHECK(r.out.find("Cipher is (NONE)") != std::string::npos); // no session was established
    CHECK((r.out + r.err).find("alert protocol version") != std::string::npos);
    f.hub.process.terminate();
    CHECK(f.hub.process.err().find("refused a connection at the TLS handshake: unsupported protocol") !=
          std::string::npos);
}

TEST_CASE("a client without a certificate is refused every endpoint but enrolment") {
    SecurityFixture f;
    const auto upgrade = f.device / "upgrade.bin";
    auto request = upgradeThenGarbage();
    request.resize(request.find("\r\n\r\n") + 4); // the upgrade request alone
    std::ofstream(upgrade, std::ios::binary) << request;
    auto r = sClient(f.hub, {"-tls1_3", "-quiet"}, upgrade);
    CHECK(r.out.find("101 Switching Protocols") == std::string::npos);
    f.hub.process.terminate();
    CHECK(f.hub.process.err().find("refused a sync connection without a client certificate") !=
          std::string::npos);
}

TEST_CASE("a malformed frame closes only that connection, the hub keeps serving") {
    SecurityFixture f;
    const auto frame = f.device / "frame.bin";
    std::ofstream(frame, std::ios::binary) << upgradeThenGarbage();
    auto r = sClient(f.hub, {"-tls1_3", "-quiet", "-cert", f.cert.string(), "-key", f.key.string()}, frame);
    CHECK(r.out.find("101 Switching Protocols") != std::string::npos);
    auto ok = runProcess({kSyncd, "sync-once", "--data", f.device.path().string(), "--hub", f.hub.address()});
    CHECK_MESSAGE(ok.exitCode == 0, ok.err);
    f.hub.process.terminate();
    // One JSON log line: the event, the reason in the message, the device as a field.
    const auto log = f.hub.process.err();
    const auto closed = log.find(
        R"("event":"connection_refused","msg":"connection closed: The frame is not a valid sync message.")");
    REQUIRE_MESSAGE(closed != std::string::npos, log);
    CHECK(log.substr(closed, log.find('\n', closed) - closed).find(R"("device":")" + f.deviceId + "\"") !=
          std::string::npos);
}
