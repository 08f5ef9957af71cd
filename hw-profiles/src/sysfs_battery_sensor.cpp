#include "sysfs_file.hpp"

#include <algorithm>
#include <charconv>
#include <fieldkit/hw/sysfs_battery_sensor.hpp>
#include <system_error>
#include <vector>

namespace fieldkit::hw {

SysfsBatterySensor::SysfsBatterySensor(std::filesystem::path root)
    : m_root(std::move(root)) {}

Result<BatteryState> SysfsBatterySensor::read() const {
    std::error_code ec;
    std::vector<std::filesystem::path> supplies;
    for (std::filesystem::directory_iterator it(m_root, ec), end; !ec && it != end; it.increment(ec)) {
        supplies.push_back(it->path());
    }
    if (ec) {
        return makeError("sensor_unavailable", "The power supplies in " + m_root.string() +
                                                   " cannot be read: " + ec.message() + ".");
    }
    std::sort(supplies.begin(), supplies.end());

    int batteries = 0;
    int levelSum = 0;
    bool external = false;
    for (const auto& supply : supplies) {
        const auto type = detail::readAttribute(supply / "type").value_or("");
        if (type != "Battery") {
            external = external || detail::readAttribute(supply / "online") == "1";
            continue;
        }
        if (detail::readAttribute(supply / "scope") == "Device" ||
            detail::readAttribute(supply / "present") == "0") {
            continue; // a wireless mouse's battery, or an empty hot-swap bay
        }
        const auto capacity = detail::readAttribute(supply / "capacity");
        int level = -1;
        if (capacity) {
            const auto* end = capacity->data() + capacity->size();
            if (std::from_chars(capacity->data(), end, level).ptr != end) {
                level = -1;
            }
        }
        if (level < 0) {
            return makeError("sensor_unavailable",
                             "The battery " + supply.filename().string() + " reports no usable capacity.");
        }
        const auto status = detail::readAttribute(supply / "status").value_or("");
        external = external || status == "Charging" || status == "Full";
        levelSum += std::min(level, 100);
        ++batteries;
    }
    if (batteries == 0) {
        return BatteryState{false, 100, true};
    }
    return BatteryState{true, levelSum / batteries, external};
}

} // namespace fieldkit::hw
