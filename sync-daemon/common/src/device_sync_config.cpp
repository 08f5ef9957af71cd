#include <fcntl.h>
#include <fieldkit/common/device_sync_config.hpp>
#include <fieldkit/common/files.hpp>
#include <system_error>
#include <unistd.h>
#include <vector>

namespace fieldkit::common {
namespace {

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) {
        s.pop_back();
    }
    return s;
}

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

Status deleteSyncIdentity(const std::filesystem::path& dataDir) {
    const auto dir = syncDir(dataDir);
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        return {};
    }
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (entry.is_regular_file(ec) && !entry.is_symlink(ec)) {
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
    if (ec) {
        return makeError("wipe_incomplete", "The store is wiped, but the sync folder could not be read (" +
                                                ec.message() + "); delete the data folder by hand.");
    }
    return {};
}

std::filesystem::path syncDir(const std::filesystem::path& dataDir) {
    return dataDir / "sync";
}

Status saveDeviceSyncConfig(const std::filesystem::path& dataDir, const DeviceSyncConfig& config) {
    const auto dir = syncDir(dataDir);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        return makeError("write_failed", "Cannot create " + dir.string() + ".");
    }
    std::filesystem::permissions(dir, std::filesystem::perms::owner_all, ec);
    const std::pair<const char*, const std::string*> files[] = {
        {"device.id", &config.deviceId},
        {"unit", &config.unit},
        {"device.crt", &config.certPem},
        {"hub.pin", &config.hubKeyPin},
        {"hub.address", &config.hubAddress},
        {"center.pub", &config.centerPublicKey},
        {"unit.pub", &config.unitPublicKey},
        {"unit.sealed", &config.unitSecretSealed},
        {"center.sign.pub", &config.centerSigningKey},
    };
    if (auto st = writeFileAtomic(dir / "device.key", config.keyPem, true); !st) {
        return st;
    }
    for (const auto& [name, value] : files) {
        // Identity, pin and addresses: nobody else on the machine needs them (0600 like the key).
        if (auto st = writeFileAtomic(dir / name, *value + "\n", true); !st) {
            return st;
        }
    }
    return {};
}

Result<DeviceSyncConfig> loadDeviceSyncConfig(const std::filesystem::path& dataDir) {
    const auto dir = syncDir(dataDir);
    if (!std::filesystem::exists(dir / "device.crt")) {
        return makeError("not_enrolled", "This device is not enrolled with a center yet (no " +
                                             (dir / "device.crt").string() + ").");
    }
    DeviceSyncConfig config;
    const std::pair<const char*, std::string*> files[] = {
        {"device.id", &config.deviceId},
        {"unit", &config.unit},
        {"device.key", &config.keyPem},
        {"device.crt", &config.certPem},
        {"hub.pin", &config.hubKeyPin},
        {"hub.address", &config.hubAddress},
        {"center.pub", &config.centerPublicKey},
        {"unit.pub", &config.unitPublicKey},
        {"unit.sealed", &config.unitSecretSealed},
    };
    if (auto signing = readFile(dir / "center.sign.pub"); signing) {
        config.centerSigningKey = trimmed(*signing);
    }
    for (const auto& [name, value] : files) {
        auto content = readFile(dir / name);
        if (!content) {
            return makeError("incomplete_enrolment",
                             "The enrolment files are incomplete: " + std::string(name) +
                                 " is missing; enrol the device again.");
        }
        *value = std::string(name) == "device.key" || std::string(name) == "device.crt" ? *content
                                                                                        : trimmed(*content);
    }
    return config;
}

} // namespace fieldkit::common
