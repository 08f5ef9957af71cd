#pragma once

#include <fieldkit/core/result.hpp>
#include <string>
#include <string_view>

namespace fieldkit::common {

/**
 * Tells the service manager a state change ("READY=1" once a service accepts work, "STOPPING=1", ...): the
 * sd_notify protocol, one datagram to the unix socket named by `socketPath` (systemd's NOTIFY_SOCKET; a
 * leading '@' names an abstract socket). An empty path means no service manager is listening: nothing is
 * sent and that is not an error. Written here rather than linking libsystemd for one datagram.
 */
[[nodiscard]] Status notifyServiceManager(std::string_view socketPath, std::string_view state);

/** notifyServiceManager with the NOTIFY_SOCKET of this process's environment. */
[[nodiscard]] Status notifyServiceManager(std::string_view state);

} // namespace fieldkit::common
