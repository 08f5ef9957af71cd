#include <array>
#include <cstddef>
#include <doctest/doctest.h>
#include <fieldkit/core/channel.hpp>
#include <string_view>

using fieldkit::core::Channel;
using fieldkit::core::ContactType;

TEST_CASE("Channel: codes round-trip") {
    const std::array<std::string_view, 6> codes{"bike", "to-go", "kiosk", "phone", "counter", "web"};
    for (std::size_t i = 0; i < fieldkit::core::kAllChannels.size(); ++i) {
        const Channel channel = fieldkit::core::kAllChannels[i];
        CHECK(fieldkit::core::toString(channel) == codes[i]);
        auto parsed = fieldkit::core::channelFromString(codes[i]);
        REQUIRE(parsed.ok());
        CHECK(*parsed == channel);
    }
}

TEST_CASE("Channel: unknown codes are errors") {
    for (std::string_view bad : {"", "Bike", "to_go", "togo", "sms", "web "}) {
        CAPTURE(bad);
        auto parsed = fieldkit::core::channelFromString(bad);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().code == "unknown_channel");
    }
}

TEST_CASE("ContactType: codes round-trip and unknown codes are errors") {
    const std::array<std::string_view, 3> codes{"information", "transaction", "help-to-self-service"};
    for (std::size_t i = 0; i < fieldkit::core::kAllContactTypes.size(); ++i) {
        const ContactType type = fieldkit::core::kAllContactTypes[i];
        CHECK(fieldkit::core::toString(type) == codes[i]);
        auto parsed = fieldkit::core::contactTypeFromString(codes[i]);
        REQUIRE(parsed.ok());
        CHECK(*parsed == type);
    }
    for (std::string_view bad : {"", "Information", "help_to_self_service", "self-service"}) {
        CAPTURE(bad);
        auto parsed = fieldkit::core::contactTypeFromString(bad);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().code == "unknown_contact_type");
    }
}
