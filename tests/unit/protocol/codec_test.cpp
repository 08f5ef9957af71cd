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

TEST_CASE("inspecting a push counts its operations and the largest one without parsing it") {
    Envelope envelope;
    auto* push = envelope.mutable_push();
    push->set_page_bytes(4096);
    for (int i = 0; i < 5; ++i) {
        auto* op = push->add_ops();
        op->set_device_seq(static_cast<std::uint64_t>(i + 1));
        op->set_ciphertext(std::string(static_cast<std::size_t>(100 * (i + 1)), 'c'));
    }
    const std::string frame = encodeFrame(envelope);
    auto shape = inspectFrame(frame);
    REQUIRE(shape.ok());
    CHECK(shape->body == 3);
    CHECK(shape->pushOps == 5);
    CHECK(shape->largestOp == static_cast<std::size_t>(push->ops(4).ByteSizeLong()));

    // A push field that occurs twice is merged by the parser, so both occurrences count.
    auto twice = inspectFrame(frame + frame);
    REQUIRE(twice.ok());
    CHECK(twice->pushOps == 10);
}

TEST_CASE("a frame of a million empty operations is counted, not allocated") {
    // The hostile push from the field test: two bytes per empty operation (tag, zero length).
    std::string ops;
    for (int i = 0; i < 1'000'000; ++i) {
        ops += std::string("\x0a\x00", 2);
    }
    std::string frame = "\x1a";
    std::size_t length = ops.size();
    while (length >= 0x80) {
        frame += static_cast<char>((length & 0x7f) | 0x80);
        length >>= 7;
    }
    frame += static_cast<char>(length);
    frame += ops;
    auto shape = inspectFrame(frame);
    REQUIRE(shape.ok());
    CHECK(shape->pushOps == 1'000'000);
    CHECK(shape->pushOps > kMaxPushOps);
}

TEST_CASE("inspecting truncated or invalid wire data refuses it") {
    CHECK(inspectFrame(std::string("\x1a\x05\x0a", 3)).error().code == "malformed_frame"); // length past end
    CHECK(inspectFrame(std::string("\x1b", 1)).error().code == "malformed_frame");         // group never ends
    CHECK(inspectFrame(std::string("\x1b\x24", 2)).error().code == "malformed_frame"); // ends another group
    CHECK(inspectFrame(std::string("\x1c", 1)).error().code == "malformed_frame");     // end without start
    CHECK(inspectFrame(std::string("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", 11)).error().code ==
          "malformed_frame");
    CHECK(inspectFrame(std::string("\x00\x00", 2)).error().code == "malformed_frame"); // field 0
}

TEST_CASE(
    "an unknown group the parser skips is skipped by the walk too, push operations inside it not counted") {
    // Found by fuzz_codec: proto3 never writes groups, but the parser skips an unknown one, so a walk that
    // refused it would refuse a frame the parser takes. Field 7 is not an Envelope field; inside the group
    // a field 3 (Envelope.push) is the group's, not the envelope's.
    const std::string frame("\x12\x00\x3b\x18\x01\x1a\x02\x0a\x00\x3c", 10);
    auto decoded = decodeFrame(frame);
    REQUIRE(decoded.ok());
    auto shape = inspectFrame(frame);
    REQUIRE(shape.ok());
    CHECK(shape->pushOps == 0);
    std::string deep;
    for (int i = 0; i < 200; ++i) {
        deep += "\x3b";
    }
    CHECK(inspectFrame(deep).error().code == "malformed_frame");
}

TEST_CASE("text that is not UTF-8 in an inbound operation's clear fields is refused at the frame") {
    // staff, meta, kind, device id and unit are clear text the center keeps and exports: refused where
    // they enter, so nothing the center writes later can be invalid.
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
