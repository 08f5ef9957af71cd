#pragma once

#include <fieldkit/core/result.hpp>
#include <fieldkit/crypto/box_key_pair.hpp>
#include <fieldkit/crypto/key_slot.hpp>
#include <fieldkit/sqlite/database.hpp>
#include <fieldkit/store/clock.hpp>
#include <fieldkit/store/store_types.hpp>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fieldkit::store {

class Session;

/** Failed PIN entries after which a staff slot is disabled until re-provisioned. */
inline constexpr int kMaxPinAttempts = 10;

/** What `DeviceStore::create` needs: the first staff member, their PIN and the unit the device serves. */
struct StoreInit {
    std::string staffName;
    std::string pin;
    crypto::KdfParams kdf;   // calibrated by the caller (the hardware profile's time budget)
    std::string unit;        // e.g. bike-07; enrolment may replace it
    bool standalone = false; // make local center and unit keys (no enrolment)
};

/** What enrolment hands a device: the center's public key and its unit's key pair, the secret half sealed to
 *  the device's box key (so the daemon can store it without being able to read it). */
struct EnrolmentKeys {
    std::vector<std::uint8_t> centerPublicKey;
    std::string unit;
    std::vector<std::uint8_t> unitPublicKey;
    std::vector<std::uint8_t> unitSecretSealed;
};

/** The device's encrypted store file. Opening it needs no key: the daemon works with ciphertext only;
 *  `unlock` with a staff PIN yields a Session that can read and write personal data. */
class DeviceStore {
public:
    /** Creates a new store at `path`; refuses if the file exists. */
    [[nodiscard]] static Result<std::unique_ptr<DeviceStore>>
    create(const std::filesystem::path& path, const StoreInit& init, const Clock& clock = systemClock());
    /** Opens an existing store; refuses (and leaves alone) a missing, foreign, newer or damaged file. */
    [[nodiscard]] static Result<std::unique_ptr<DeviceStore>> open(const std::filesystem::path& path,
                                                                   const Clock& clock = systemClock());

    /** The store file inside a device data folder. */
    [[nodiscard]] static std::filesystem::path fileIn(const std::filesystem::path& dataDir);

    [[nodiscard]] Result<std::vector<StaffSlotInfo>> staff();
    /** Wrong PIN: code "wrong_pin" with the attempts left; after kMaxPinAttempts "slot_disabled". */
    [[nodiscard]] Result<std::unique_ptr<Session>> unlock(const std::string& staffName,
                                                          const std::string& pin);

    [[nodiscard]] const std::string& deviceId() const { return m_deviceId; }
    /** The device's X25519 public key, which enrolment seals the unit key to (no PIN needed). */
    [[nodiscard]] Result<std::vector<std::uint8_t>> boxPublicKey();
    /** Stores the keys from enrolment; needs no PIN, so the daemon can do it. */
    [[nodiscard]] Status installEnrolment(const EnrolmentKeys& keys);
    [[nodiscard]] std::string unit();
    [[nodiscard]] sqlite::Database& database() { return m_db; }
    [[nodiscard]] const Clock& clock() const { return m_clock; }

    DeviceStore(sqlite::Database db, std::string deviceId, const Clock& clock);

private:
    [[nodiscard]] Result<std::optional<crypto::BoxKeyPair>> loadUnitKey(const crypto::DataKey& dek);

    sqlite::Database m_db;
    std::string m_deviceId;
    const Clock& m_clock;
};

} // namespace fieldkit::store
