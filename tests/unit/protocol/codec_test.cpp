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
