#include <fcntl.h>
#include <fieldkit/common/device_sync_config.hpp>
#include <fieldkit/device/device_wipe.hpp>
#include <fieldkit/device/sync_status.hpp>
#include <fieldkit/store/wipe.hpp>
#include <unistd.h>
#include <vector>

namespace fieldkit::device {
namespace {

/** Zeros a small file in place (keys, certificates), so its bytes do not linger in free blocks. */
void overwriteWithZeros(const std::filesystem::path& file) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec || size == 0) {
        return;
    }
    const int fd = ::open(file.c_str(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        return;
    }
    const std::vector<char> zeros(static_cast<std::size_t>(size), 0);
    (void)::pwrite(fd, zeros.data(), zeros.size(), 0);
    (void)::fsync(fd);
    ::close(fd);
}

} // namespace

Status wipeDevice(const std::filesystem::path& dataDir, std::int64_t nowMs) {
    if (auto st = store::wipeStore(dataDir); !st) {
        return st;
    }
    const auto syncDir = common::syncDir(dataDir);
    std::error_code ec;
    if (std::filesystem::is_directory(syncDir, ec)) {
        for (const auto& entry : std::filesystem::directory_iterator(syncDir, ec)) {
            if (entry.is_regular_file(ec)) {
                overwriteWithZeros(entry.path());
            }
            std::filesystem::remove_all(entry.path(), ec);
            if (ec) {
                return makeError("wipe_incomplete", "The store is wiped, but " +
                                                        entry.path().filename().string() +
                                                        " in the sync folder could not be deleted (" +
                                                        ec.message() + "); delete the data folder by hand.");
            }
        }
    }
    SyncStatus status;
    status.state = "wiped";
    status.lastAttemptMs = nowMs;
    status.lastError =
        "The center ordered this device wiped; its cases and keys are gone. Enrol it again to use it.";
    return saveSyncStatus(dataDir, status);
}

} // namespace fieldkit::device
