#pragma once

#include <fieldkit/hw/battery_sensor.hpp>
#include <filesystem>

namespace fieldkit::hw {

/**
 * Reads Linux `power_supply` class devices under `root` (normally /sys/class/power_supply; tests pass a fake
 * tree). Batteries are entries with `type` "Battery" (skipping `scope` "Device", e.g. a mouse, and `present`
 * 0); the level is the mean `capacity` of those. Charging means a battery `status` of "Charging" or "Full",
 * or any other supply (Mains, USB) with `online` 1. No battery at all reads as present=false, charging=true.
 */
class SysfsBatterySensor final : public BatterySensor {
public:
    explicit SysfsBatterySensor(std::filesystem::path root = "/sys/class/power_supply");
    [[nodiscard]] Result<BatteryState> read() const override;

private:
    std::filesystem::path m_root;
};

} // namespace fieldkit::hw
