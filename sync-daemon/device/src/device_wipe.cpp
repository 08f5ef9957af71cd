#include <fieldkit/common/device_sync_config.hpp>
#include <fieldkit/device/device_wipe.hpp>
#include <fieldkit/device/sync_status.hpp>
#include <fieldkit/store/wipe.hpp>

namespace fieldkit::device {

Status wipeDevice(const std::filesystem::path& dataDir, std::int64_t nowMs) {
    if (auto st = store::wipeStore(dataDir); !st) {
        return st;
    }
    if (auto st = common::deleteSyncIdentity(dataDir); !st) {
        return st;
    }
    SyncStatus status;
    status.state = "wiped";
    status.lastAttemptMs = nowMs;
    status.lastError =
        "The center ordered this device wiped; its cases and keys are gone. Enrol it again to use it.";
    return saveSyncStatus(dataDir, status);
}

} // namespace fieldkit::device
