#include <fieldkit/hw/power_level.hpp>

namespace fieldkit::hw {

PowerLevel classifyPower(const PowerSpec& power, const BatteryState& battery) {
    // A profile without a battery (kiosk on mains + UPS) ignores whatever a UPS or a dev laptop reports.
    if (!power.battery || !battery.present || battery.charging) {
        return PowerLevel::External;
    }
    if (battery.levelPercent <= power.criticalPercent) {
        return PowerLevel::Critical;
    }
    if (battery.levelPercent <= power.lowPercent) {
        return PowerLevel::Low;
    }
    return PowerLevel::Normal;
}

std::string_view toText(PowerLevel level) {
    switch (level) {
    case PowerLevel::External:
        return "external";
    case PowerLevel::Normal:
        return "normal";
    case PowerLevel::Low:
        return "low";
    case PowerLevel::Critical:
        return "critical";
    }
    return "?";
}

} // namespace fieldkit::hw
