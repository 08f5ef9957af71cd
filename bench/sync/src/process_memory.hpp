#pragma once

#include <cstdint>
#include <optional>
#include <sys/types.h>

namespace fieldkit::bench {

/** Resident memory of a running process in KiB (VmRSS of /proc/PID/status), or nothing when it is gone. */
[[nodiscard]] std::optional<std::int64_t> residentKiB(pid_t pid);

} // namespace fieldkit::bench
