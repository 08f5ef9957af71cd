#pragma once

#include <chrono>
#include <fieldkit/common/device_sync_config.hpp>
#include <fieldkit/common/host_port.hpp>
#include <fieldkit/core/result.hpp>
#include <filesystem>
#include <string>

namespace fieldkit::device {

/** Enrols the device store in `dataDir` with the hub at `hub` using a one-time code: sends the device's box
 *  key and a certificate request over TLS 1.3 with a MAC under the code, checks the hub's MAC the same way
 *  (a hub that does not know the code is refused), then stores the certificate, the pinned hub key, the
 *  center's keys and the sealed unit key. Codes: bad_code, already_enrolled, offline, refused, hub_unproven.
 */
[[nodiscard]] Result<common::DeviceSyncConfig>
enrolWithCode(const std::filesystem::path& dataDir, const common::HostPort& hub, const std::string& typedCode,
              std::chrono::seconds timeout = std::chrono::seconds(30));

} // namespace fieldkit::device
