#include <doctest/doctest.h>
#include <fieldkit/protocol/codec.hpp>

using namespace fieldkit::protocol;

TEST_CASE("a frame round-trips and unknown fields survive") {
    Envelope envelope;
    auto* hello = envelope.mutable_hello();
    hello->set_protocol_version(kProtocolVersion);
    hello->set_device_id("0123456789abcdef0123456789abcdef");
    hello->set_pull_cursor(42);
    std::string frame = encodeFrame(envelope);
    // A newer peer adds field 99 (varint 7): this version must keep it, not reject the frame.
    frame += std::string("\x98\x06\x07", 3);
    auto decoded = decodeFrame(frame);
    REQUIRE(decoded.ok());
    CHECK(decoded->hello().pull_cursor() == 42);
    CHECK(encodeFrame(*decoded).size() == frame.size());
}

TEST_CASE("oversized, malformed and empty frames are refused with their reason") {
    CHECK(decodeFrame(std::string(100, 'x'), 10).error().code == "frame_too_large");
    CHECK(decodeFrame(std::string("\xff\xff\xff\xff\xff", 5)).error().code == "malformed_frame");
    CHECK(decodeFrame(std::string()).error().code == "empty_frame");
}

TEST_CASE("text that is not UTF-8 in an inbound operation's clear fields is refused at the frame") {
    // staff, meta, kind, device id and unit are clear text the center keeps and exports: refused where they
    // enter, so nothing the center writes later can be invalid.
    for (int field = 0; field < 5; ++field) {
        CAPTURE(field);
        Envelope envelope;
        auto* op = envelope.mutable_push()->add_ops();
        op->set_device_id("dev");
        op->set_kind("set");
        op->set_staff("anna");
        op->set_meta("status=done");
        op->set_unit("bike-07");
        const std::string bad = "x\xff\xfey";
        switch (field) {
        case 0:
            op->set_staff(bad);
            break;
        case 1:
            op->set_meta(bad);
            break;
        case 2:
            op->set_kind(bad);
            break;
        case 3:
            op->set_device_id(bad);
            break;
        default:
            op->set_unit(bad);
            break;
        }
        auto decoded = decodeFrame(encodeFrame(envelope));
        REQUIRE_FALSE(decoded.ok());
        CHECK(decoded.error().code == "malformed_frame");
    }
}
