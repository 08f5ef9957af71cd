#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <filesystem>

namespace fieldkit::device {

/** Carries out a wipe order the device accepted: the store goes first (keys destroyed, then the files; see
 *  store::wipeStore), then everything in <data>/sync/ (the TLS client key and certificate, the pinned keys),
 *  each file overwritten with zeros before it is deleted. Left behind is only <data>/sync/status.json with
 *  state "wiped", so the app can tell staff what happened. Close every connection to the store first. */
[[nodiscard]] Status wipeDevice(const std::filesystem::path& dataDir, std::int64_t nowMs);

} // namespace fieldkit::device
