#pragma once

#include <chrono>
#include <fieldkit/core/result.hpp>
#include <filesystem>
#include <optional>
#include <string>

namespace fieldkit::ctl {

/** Runs `DAEMON retire --data DIR [--hub HOST:PORT]` (fieldkit-syncd), which tells the center that the device
 * is being wiped so it revokes the device. The daemon holds the network code; fieldkit-ctl stays a tool over
 * the store. Killed after `limit`. Codes: not_retired (with what the daemon said), no_daemon. */
[[nodiscard]] Status retireThroughSyncd(const std::filesystem::path& daemon,
                                        const std::filesystem::path& dataDir,
                                        const std::optional<std::string>& hub, std::chrono::seconds limit);

/** Where fieldkit-syncd is: $FIELDKIT_SYNCD when set (tests, unusual installs), else beside `selfExe`. */
[[nodiscard]] std::filesystem::path syncdBeside(const std::filesystem::path& selfExe, const char* override);

} // namespace fieldkit::ctl
