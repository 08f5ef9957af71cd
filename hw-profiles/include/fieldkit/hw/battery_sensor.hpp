#pragma once

#include <fieldkit/core/result.hpp>

namespace fieldkit::hw {

/** One reading of the power supply. */
struct BatteryState {
    bool present = false; // false on mains-only machines: levelPercent is then meaningless
    int levelPercent = 100;
    bool charging = true; // on external power (charging, full or mains), so heavy work costs no battery

    friend bool operator==(const BatteryState&, const BatteryState&) = default;
};

/** Seam for the battery, so the daemon and its tests never depend on the machine they run on. */
class BatterySensor {
public:
    virtual ~BatterySensor() = default;
    /** sensor_unavailable when the source cannot be read at all. */
    [[nodiscard]] virtual Result<BatteryState> read() const = 0;
};

} // namespace fieldkit::hw
