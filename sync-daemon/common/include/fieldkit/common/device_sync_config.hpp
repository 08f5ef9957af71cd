#pragma once

#include <fieldkit/core/result.hpp>
#include <filesystem>
#include <string>

namespace fieldkit::common {

/** What a device needs to reach its hub: identity, TLS client credentials and the pinned hub key.
 *  Stored in <data>/sync/, written at enrolment, read by fieldkit-syncd. */
struct DeviceSyncConfig {
    std::string deviceId;
    std::string unit;
    std::string keyPem;
    std::string certPem;
    std::string hubKeyPin;
    std::string hubAddress; // default HOST:PORT; --hub overrides it (for example to go through a proxy)
    // Keys for sealing cases (hex): the center's and the unit's public keys, and the unit's secret key sealed
    // to this device's box key, which only the unlocked app can open.
    std::string centerPublicKey;
    std::string unitPublicKey;
    std::string unitSecretSealed;
    // The center's Ed25519 public key (hex): wipe orders must carry its signature. Empty for devices
    // provisioned before wipe orders existed; they obey no wipe order until enrolled again.
    std::string centerSigningKey;
};

[[nodiscard]] std::filesystem::path syncDir(const std::filesystem::path& dataDir);

[[nodiscard]] Status saveDeviceSyncConfig(const std::filesystem::path& dataDir,
                                          const DeviceSyncConfig& config);

/** Deletes the sync identity and everything else in <data>/sync/ (TLS key and certificate, pin, sealed unit
 *  key, status), each file overwritten with zeros first. A wipe, local or ordered by the center, calls it:
 *  with the identity left behind anyone could still connect as the device. Code "wipe_incomplete" names a
 *  file that could not be deleted. */
[[nodiscard]] Status deleteSyncIdentity(const std::filesystem::path& dataDir);

/** Fails with "not_enrolled" when the device has no sync identity yet. */
[[nodiscard]] Result<DeviceSyncConfig> loadDeviceSyncConfig(const std::filesystem::path& dataDir);

} // namespace fieldkit::common
