#pragma once

#include <fieldkit/hw/link_sensor.hpp>
#include <filesystem>

namespace fieldkit::hw {

/**
 * Reads `/sys/class/net/<if>/operstate` and `carrier` under `root` (tests pass a fake tree). An interface is
 * up when operstate is "up", or "unknown" with carrier 1 (some LTE modems and tun devices never report "up").
 * `lo` and virtual devices (entries resolving under devices/virtual/, e.g. docker0, veth) are ignored: they
 * say nothing about reaching the center.
 */
class SysfsLinkSensor final : public LinkSensor {
public:
    explicit SysfsLinkSensor(std::filesystem::path root = "/sys/class/net");
    [[nodiscard]] Result<LinkReading> read() const override;

private:
    std::filesystem::path m_root;
};

} // namespace fieldkit::hw
