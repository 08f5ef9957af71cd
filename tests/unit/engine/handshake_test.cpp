#include <doctest/doctest.h>
#include <fieldkit/engine/handshake.hpp>

using namespace fieldkit::engine;
using namespace fieldkit::protocol;

TEST_CASE("a current device is welcomed with the hub's head and its last applied sequence") {
    const auto hello = makeHello({"dev", 7, 3, "0.1.0"});
    CHECK(hello.protocol_version() == kProtocolVersion);
    const auto welcome = answerHello(hello, 120, 3, 1000);
    CHECK(welcome.status() == Welcome::OK);
    CHECK(welcome.server_head() == 120);
    CHECK(evaluateWelcome(welcome) == HandshakeOutcome::Proceed);
}

TEST_CASE("a device too old is told to upgrade, one without an id is refused") {
    auto hello = makeHello({"dev", 0, 0, ""});
    hello.set_protocol_version(0);
    const auto old = answerHello(hello, 1, 0, 0);
    CHECK(old.status() == Welcome::UPGRADE_REQUIRED);
    CHECK(old.reason().find("outbox is kept") != std::string::npos);
    CHECK(evaluateWelcome(old) == HandshakeOutcome::UpgradeRequired);
    const auto anonymous = answerHello(makeHello({"", 0, 0, ""}), 1, 0, 0);
    CHECK(evaluateWelcome(anonymous) == HandshakeOutcome::Refused);
    CHECK(evaluateWelcome(Welcome{}) == HandshakeOutcome::ProtocolViolation);
}

TEST_CASE("a center that raised its schema floor tells older devices to upgrade, current ones proceed") {
    const HelloPolicy floor2{kOldestSupportedProtocol, 2};
    auto hello = makeHello({"dev", 5, 4, "0.1.0"});
    hello.set_schema_version(1);
    const auto old = answerHello(hello, 9, 4, 0, floor2);
    CHECK(old.status() == Welcome::UPGRADE_REQUIRED);
    CHECK(old.reason().find("Schema version 1") != std::string::npos);
    CHECK(old.server_head() == 0); // nothing about the unit is told to a device that cannot proceed
    hello.set_schema_version(2);
    CHECK(answerHello(hello, 9, 4, 0, floor2).status() == Welcome::OK);
}
