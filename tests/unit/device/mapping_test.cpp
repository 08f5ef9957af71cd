#include <doctest/doctest.h>
#include <fieldkit/device/operation_mapping.hpp>
#include <fieldkit/device/sync_status.hpp>

using namespace fieldkit;

TEST_CASE("an outbox operation survives the wire, and the record key travels only with the case's creation") {
    store::SyncOperation op;
    op.caseId = sqlite::Bytes(16, 7);
    op.deviceId = "dev";
    op.deviceSeq = 9;
    op.kind = "set";
    op.fields = {{2, 5, 0}, {3, 0, 8}};
    op.meta = "service=passport;status=opened";
    op.ciphertext = {1, 2, 3};
    op.sealedKeyCenter = {4};
    op.sealedKeyUnit = {5};
    const auto wire = device::toWire(op);
    CHECK(wire.sealed_key_center() == "\x04");
    const auto back = device::fromWire(wire);
    CHECK(back.caseId == op.caseId);
    CHECK(back.fields == op.fields);
    CHECK(back.ciphertext == op.ciphertext);

    op.meta = "status=done";
    CHECK(device::toWire(op).sealed_key_center().empty());
}

TEST_CASE("the status file round-trips and a damaged one is an error") {
    device::SyncStatus s;
    s.state = "offline";
    s.pendingOps = 4;
    s.lastError = "No contact with the center.";
    auto back = device::syncStatusFromJson(device::toJson(s));
    REQUIRE(back.ok());
    CHECK(back->state == "offline");
    CHECK(back->pendingOps == 4);
    CHECK(device::syncStatusFromJson("{").error().code == "bad_status");
}

TEST_CASE("a damaged status file's link values are read as nothing learnt, never converted out of range") {
    for (const char* pushBytes : {"1e300", "-5", "1.7976931348623157e308"}) {
        CAPTURE(pushBytes);
        auto back = device::syncStatusFromJson(std::string(R"({"state":"ok","link":{"push_bytes":)") +
                                               pushBytes + R"(,"bytes_per_second":1e308,"cut_factor":-1}})");
        REQUIRE(back.ok());
        CHECK(back->linkPushBytes == 0);
    }
}

TEST_CASE("the status file carries the connection and the transfer progress") {
    device::SyncStatus s;
    s.connected = true;
    s.transferring = true;
    s.up = {120, 880, 70'000, 510'000};
    s.down = {3, 40, 2'000, 26'000};
    auto back = device::syncStatusFromJson(device::toJson(s));
    REQUIRE(back.ok());
    CHECK(back->connected);
    CHECK(back->transferring);
    CHECK(back->up == s.up);
    CHECK(back->down == s.down);
}
