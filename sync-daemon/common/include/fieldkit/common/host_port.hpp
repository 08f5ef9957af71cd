#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <string>
#include <string_view>

namespace fieldkit::common {

/** A "HOST:PORT" pair as given on a command line; IPv6 hosts in brackets. Port 0 asks the OS for a free one.
 */
struct HostPort {
    std::string host;
    std::uint16_t port = 0;

    [[nodiscard]] std::string toString() const;
};

[[nodiscard]] Result<HostPort> parseHostPort(std::string_view text);

} // namespace fieldkit::common
