#pragma once

#include <array>
#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <string_view>

namespace fieldkit::core {

/**
 * Where a contact happened; the municipality counts contacts per channel to move simple tasks online.
 *
 * Numeric values may be persisted: never renumber, only append.
 */
enum class Channel : std::uint8_t {
    Bike = 0,
    ToGo = 1,
    Kiosk = 2,
    Phone = 3,
    Counter = 4,
    Web = 5,
};

inline constexpr std::array<Channel, 6> kAllChannels{
    Channel::Bike, Channel::ToGo, Channel::Kiosk, Channel::Phone, Channel::Counter, Channel::Web,
};

/** What kind of contact it was; help-to-self-service is counted separately on purpose (DOMAIN.md). */
enum class ContactType : std::uint8_t {
    Information = 0,
    Transaction = 1,
    HelpToSelfService = 2,
};

inline constexpr std::array<ContactType, 3> kAllContactTypes{
    ContactType::Information,
    ContactType::Transaction,
    ContactType::HelpToSelfService,
};

/** Stable codes: "bike", "to-go", "kiosk", "phone", "counter", "web". */
[[nodiscard]] std::string_view toString(Channel channel);
/** Error `unknown_channel` for anything but the exact codes. */
[[nodiscard]] Result<Channel> channelFromString(std::string_view code);

/** Stable codes: "information", "transaction", "help-to-self-service". */
[[nodiscard]] std::string_view toString(ContactType type);
/** Error `unknown_contact_type` for anything but the exact codes. */
[[nodiscard]] Result<ContactType> contactTypeFromString(std::string_view code);

} // namespace fieldkit::core
