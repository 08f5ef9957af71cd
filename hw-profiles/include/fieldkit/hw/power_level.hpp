#pragma once

#include <fieldkit/hw/battery_sensor.hpp>
#include <fieldkit/hw/profile.hpp>

namespace fieldkit::hw {

/** The battery as the policies see it; External covers charging, full and machines without a battery. */
enum class PowerLevel { External, Normal, Low, Critical };

/** Applies the profile's thresholds (level <= critical_percent is Critical, <= low_percent is Low). */
[[nodiscard]] PowerLevel classifyPower(const PowerSpec& power, const BatteryState& battery);

[[nodiscard]] std::string_view toText(PowerLevel level);

} // namespace fieldkit::hw
