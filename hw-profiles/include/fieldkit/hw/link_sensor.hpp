#pragma once

#include <fieldkit/core/result.hpp>
#include <string>
#include <vector>

namespace fieldkit::hw {

/** One reading of the network interfaces; whether the link is metered comes from the profile, not from here.
 */
struct LinkReading {
    bool up = false;
    std::vector<std::string> upInterfaces; // sorted, for the log: "up via wwan0"

    friend bool operator==(const LinkReading&, const LinkReading&) = default;
};

/** Seam for the network link state. */
class LinkSensor {
public:
    virtual ~LinkSensor() = default;
    /** sensor_unavailable when the source cannot be read at all. */
    [[nodiscard]] virtual Result<LinkReading> read() const = 0;
};

} // namespace fieldkit::hw
