#include <fieldkit/common/device_sync_config.hpp>
#include <fieldkit/common/files.hpp>
#include <system_error>

namespace fieldkit::common {
namespace {

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) {
        s.pop_back();
    }
    return s;
}

} // namespace

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
        if (auto st = writeFileAtomic(dir / name, *value + "\n", false); !st) {
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
