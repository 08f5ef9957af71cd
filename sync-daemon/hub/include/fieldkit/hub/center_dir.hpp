#pragma once

#include <fieldkit/common/device_sync_config.hpp>
#include <fieldkit/core/result.hpp>
#include <fieldkit/crypto/box_key_pair.hpp>
#include <fieldkit/crypto/signing_key_pair.hpp>
#include <fieldkit/hub/center_store.hpp>
#include <fieldkit/tls/pki.hpp>
#include <filesystem>
#include <memory>
#include <optional>

namespace fieldkit::hub {

/** The files of one center: its CA, the hub's TLS identity and the center store. */
struct CenterDir {
    std::filesystem::path root;

    [[nodiscard]] std::filesystem::path authorityCert() const { return root / "ca.crt"; }
    [[nodiscard]] std::filesystem::path authorityKey() const { return root / "ca.key"; }
    [[nodiscard]] std::filesystem::path hubCert() const { return root / "hub.crt"; }
    [[nodiscard]] std::filesystem::path hubKey() const { return root / "hub.key"; }
    /** The SQLite center store, used when there is no storeConfig(). */
    [[nodiscard]] std::filesystem::path store() const { return root / "center.db"; }
    /** Names a PostgreSQL center store instead (center_store_config.hpp). */
    [[nodiscard]] std::filesystem::path storeConfig() const { return root / "store.conf"; }
    /** Present while `store copy` runs: `serve` refuses to start. */
    [[nodiscard]] std::filesystem::path copyMarker() const { return root / "store-copy.running"; }
    /** The center's X25519 secret: opens every case's record key. 0600; an HSM would hold it in production.
     */
    [[nodiscard]] std::filesystem::path centerKey() const { return root / "center.key"; }
    /** The center's Ed25519 seed: signs wipe orders, which devices check against the key pinned at enrolment.
     */
    [[nodiscard]] std::filesystem::path centerSigningKey() const { return root / "center.sign"; }
    /** The public halves, which is all the device-facing hub reads of the center's keys. */
    [[nodiscard]] std::filesystem::path centerPublicKey() const { return root / "center.pub"; }
    [[nodiscard]] std::filesystem::path centerSigningPublicKey() const { return root / "center.sign.pub"; }
};

/** What the device-facing hub holds: its CA, its TLS identity, the store and the center's public keys; no
 *  secret that opens case data or signs wipe orders (those are made by administrators, see Center). */
struct HubCenter {
    tls::Credentials authority;
    tls::Credentials hub;
    std::unique_ptr<CenterStore> store;
    crypto::BoxPublicKey centerPublicKey;
    crypto::SigningPublicKey signingPublicKey;
};

/** A center opened by an administrator on the center machine (fieldkit-hub's admin commands, the console):
 *  also the center's secret keys, to seal unit keys, open them for enrolment codes and sign wipe orders. */
struct Center : HubCenter {
    crypto::BoxKeyPair centerKey;
    crypto::SigningKeyPair signingKey;
};

/** What a device receives when it is enrolled, however it was enrolled. */
struct DeviceEnrolment {
    std::string certPem;
    std::string hubKeyPin;
    std::vector<std::uint8_t> centerPublicKey;
    std::vector<std::uint8_t> centerSigningKey;
    std::string unit;
    std::vector<std::uint8_t> unitPublicKey;
    std::vector<std::uint8_t>
        unitSecretSealed; // sealed to the device's box key (provisioned on this machine)
    std::vector<std::uint8_t> unitSecretUnderCode; // or wrapped under the enrolment code's key (network)
};

/** Creates a unit with its own box key pair (the secret kept sealed to the center key). */
[[nodiscard]] Status addUnit(Center& center, const std::string& name);

/** Creates a new center in an empty (or missing) folder; refuses to touch an existing one. With `postgres`,
 *  the center's store is that PostgreSQL database (its schema created now) instead of the SQLite file. */
[[nodiscard]] Status initCenter(const CenterDir& dir,
                                const std::optional<PostgresStoreOptions>& postgres = std::nullopt);

/** Opens the center's store, whichever database the folder names; each call is a connection (or pool) of its
 *  own, as the TLS revocation check wants. */
[[nodiscard]] Result<std::unique_ptr<CenterStore>> openCenterStore(const CenterDir& dir, bool create = false);

/** Opens the center with its secret keys (writing the public halves beside them when a center made before
 *  they existed lacks them). */
[[nodiscard]] Result<Center> openCenter(const CenterDir& dir);

/** Opens the center as `fieldkit-hub serve` needs it: never reads center.key or center.sign. */
[[nodiscard]] Result<HubCenter> openHubCenter(const CenterDir& dir);

/** The unit's box key pair, opened with the center key (only a process holding that key can). */
[[nodiscard]] Result<crypto::BoxKeyPair> openUnitKey(Center& center, const std::string& unit);

/** Checks a device id: 32 lowercase hexadecimal characters (as fieldkit-ctl init makes them). */
[[nodiscard]] bool wellFormedDeviceId(const std::string& deviceId);

/** Signs the device's certificate request (the certificate names `deviceId` whatever the request says) and
 *  gathers the public keys it needs; the unit's secret is the caller's to add (sealed to the device, or
 *  wrapped under an enrolment code). Registers nothing, so the caller decides in which transaction that
 *  happens. */
[[nodiscard]] Result<DeviceEnrolment> issueEnrolment(HubCenter& center, const std::string& unit,
                                                     const std::string& deviceId, const std::string& csrPem);

/** Issues a device identity for `unit` directly (keeping the store's `deviceId` when given) (for a device on
 * this machine, such as `./run app`); network enrolment with a one-time code produces the same result. */
[[nodiscard]] Result<common::DeviceSyncConfig> provisionDevice(Center& center, const std::string& unit,
                                                               const std::string& hubAddress,
                                                               const std::string& deviceId,
                                                               const std::vector<std::uint8_t>& deviceBoxKey);

} // namespace fieldkit::hub
