#include "sysfs_file.hpp"

#include <algorithm>
#include <fieldkit/hw/sysfs_link_sensor.hpp>
#include <system_error>

namespace fieldkit::hw {

namespace {

bool isVirtual(const std::filesystem::path& entry) {
    std::error_code ec;
    const auto real = std::filesystem::canonical(entry, ec).generic_string();
    return !ec && real.find("/devices/virtual/") != std::string::npos;
}

} // namespace

SysfsLinkSensor::SysfsLinkSensor(std::filesystem::path root)
    : m_root(std::move(root)) {}

Result<LinkReading> SysfsLinkSensor::read() const {
    std::error_code ec;
    LinkReading reading;
    for (std::filesystem::directory_iterator it(m_root, ec), end; !ec && it != end; it.increment(ec)) {
        const auto& entry = it->path();
        const auto name = entry.filename().string();
        if (name == "lo" || isVirtual(entry)) {
            continue;
        }
        const auto operstate = detail::readAttribute(entry / "operstate").value_or("");
        const bool carrier = detail::readAttribute(entry / "carrier") == "1";
        if (operstate == "up" || (operstate == "unknown" && carrier)) {
            reading.upInterfaces.push_back(name);
        }
    }
    if (ec) {
        return makeError("sensor_unavailable", "The network interfaces in " + m_root.string() +
                                                   " cannot be read: " + ec.message() + ".");
    }
    std::sort(reading.upInterfaces.begin(), reading.upInterfaces.end());
    reading.up = !reading.upInterfaces.empty();
    return reading;
}

} // namespace fieldkit::hw
