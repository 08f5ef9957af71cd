#pragma once

#include <array>
#include <fieldkit/hw/profile.hpp>
#include <optional>
#include <span>
#include <string_view>
#include <utility>

namespace fieldkit::hw::detail {

// One table per enum: the parser, the writer and toText() must agree on every spelling.
template <typename E>
using NameTable = std::span<const std::pair<E, std::string_view>>;

inline constexpr std::array<std::pair<Orientation, std::string_view>, 2> kOrientationNames{{
    {Orientation::Landscape, "landscape"},
    {Orientation::Portrait, "portrait"},
}};
inline constexpr std::array<std::pair<ExpectedLink, std::string_view>, 3> kExpectedLinkNames{{
    {ExpectedLink::Ethernet, "ethernet"},
    {ExpectedLink::Wifi, "wifi"},
    {ExpectedLink::Lte, "lte"},
}};
inline constexpr std::array<std::pair<Channel, std::string_view>, 3> kChannelNames{{
    {Channel::Bike, "bike"},
    {Channel::ToGo, "to-go"},
    {Channel::Kiosk, "kiosk"},
}};
inline constexpr std::array<std::pair<Theme, std::string_view>, 2> kThemeNames{{
    {Theme::Normal, "normal"},
    {Theme::HighContrast, "high-contrast"},
}};
inline constexpr std::array<std::pair<AttachmentRule, std::string_view>, 3> kAttachmentRuleNames{{
    {AttachmentRule::Always, "always"},
    {AttachmentRule::ChargingOrUnmetered, "charging-or-unmetered"},
    {AttachmentRule::ChargingAndUnmetered, "charging-and-unmetered"},
}};
inline constexpr std::array<std::pair<BatteryMode, std::string_view>, 3> kBatteryModeNames{{
    {BatteryMode::Normal, "normal"},
    {BatteryMode::OpsOnly, "ops-only"},
    {BatteryMode::Pause, "pause"},
}};

template <typename E>
[[nodiscard]] constexpr std::string_view nameOf(NameTable<E> table, E value) {
    for (const auto& [e, name] : table) {
        if (e == value) {
            return name;
        }
    }
    return "?";
}

template <typename E>
[[nodiscard]] constexpr std::optional<E> valueOf(NameTable<E> table, std::string_view name) {
    for (const auto& [e, n] : table) {
        if (n == name) {
            return e;
        }
    }
    return std::nullopt;
}

} // namespace fieldkit::hw::detail
