#include <fieldkit/common/files.hpp>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/hub/center_dir.hpp>
#include <fieldkit/hub/center_store_config.hpp>
#include <fieldkit/tls/random_id.hpp>
#include <system_error>

namespace fieldkit::hub {
namespace {

constexpr int kAuthorityDays = 3650;
constexpr int kHubCertDays = 825;
constexpr int kDeviceCertDays = 365;
constexpr std::uint64_t kHubCertSerial = 2;

Result<tls::Credentials> loadCredentials(const std::filesystem::path& key,
                                         const std::filesystem::path& cert) {
    auto keyPem = common::readFile(key);
    auto certPem = common::readFile(cert);
    if (!keyPem || !certPem) {
        return makeError("center_incomplete", "The center folder lacks " + (keyPem ? cert : key).string() +
                                                  "; was it initialised?");
    }
    return tls::Credentials{*keyPem, *certPem};
}

template <std::size_t N>
Status writePublicKey(const std::filesystem::path& file, const std::array<std::uint8_t, N>& key) {
    return common::writeFileAtomic(file, std::string(key.begin(), key.end()), false);
}

Status writeSigningKey(const CenterDir& dir) {
    const auto pair = crypto::SigningKeyPair::generate();
    const auto seed = pair.seed().view();
    if (auto st =
            common::writeFileAtomic(dir.centerSigningKey(), std::string(seed.begin(), seed.end()), true);
        !st) {
        return st;
    }
    return writePublicKey(dir.centerSigningPublicKey(), pair.publicKey().bytes);
}

/** Writes a public key file when it is missing (centers made before the files existed) and checks that one
 *  present belongs to the secret key. */
template <std::size_t N>
Status ensurePublicKey(const std::filesystem::path& file, const std::array<std::uint8_t, N>& key) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
        return writePublicKey(file, key);
    }
    auto stored = common::readFile(file);
    if (!stored || *stored != std::string(key.begin(), key.end())) {
        return makeError("damaged_keys",
                         file.filename().string() + " does not match the center's secret key.");
    }
    return {};
}

template <typename Key>
Result<Key> loadPublicKey(const std::filesystem::path& file) {
    auto bytes = common::readFile(file);
    if (!bytes) {
        return makeError(
            "center_incomplete",
            "The center folder lacks " + file.string() +
                "; run an administrator command such as `fieldkit-hub unit add` once to write it.");
    }
    auto key = Key::fromBytes(crypto::asBytes(*bytes));
    if (!key) {
        return makeError("center_incomplete", file.string() + " is damaged.");
    }
    return *key;
}

Result<crypto::SigningKeyPair> loadSigningKey(const CenterDir& dir) {
    std::error_code ec;
    // Centers created before wipe orders existed get their signing key on first use.
    if (!std::filesystem::exists(dir.centerSigningKey(), ec)) {
        if (auto st = writeSigningKey(dir); !st) {
            return st.error();
        }
    }
    auto seed = common::readFile(dir.centerSigningKey());
    if (!seed) {
        return makeError("center_incomplete", "The center folder lacks its signing key.");
    }
    auto pair = crypto::SigningKeyPair::fromSeed(crypto::SecretBytes::copyOf(crypto::asBytes(*seed)));
    if (!pair) {
        return makeError("center_incomplete", "The center's signing key is damaged.");
    }
    return std::move(*pair);
}

} // namespace

Result<std::unique_ptr<CenterStore>> openCenterStore(const CenterDir& dir, bool create) {
    auto postgres = readStoreConfig(dir.storeConfig());
    if (!postgres) {
        return postgres.error();
    }
    if (*postgres) {
        return openPostgresCenterStore(**postgres);
    }
    return openSqliteCenterStore(dir.store(), create);
}

Status initCenter(const CenterDir& dir, const std::optional<PostgresStoreOptions>& postgres) {
    std::error_code ec;
    if (std::filesystem::exists(dir.store(), ec) || std::filesystem::exists(dir.authorityKey(), ec) ||
        std::filesystem::exists(dir.storeConfig(), ec)) {
        return makeError("already_initialised",
                         "A center already exists in " + dir.root.string() + "; not touched.");
    }
    std::filesystem::create_directories(dir.root, ec);
    if (ec) {
        return makeError("write_failed", "Cannot create " + dir.root.string() + ".");
    }
    std::filesystem::permissions(dir.root, std::filesystem::perms::owner_all, ec);

    auto authority = tls::createAuthority("fieldkit center CA", kAuthorityDays);
    if (!authority) {
        return authority.error();
    }
    auto hubKey = tls::generatePrivateKey();
    if (!hubKey) {
        return hubKey.error();
    }
    auto csr = tls::createSigningRequest(*hubKey, "fieldkit-hub");
    if (!csr) {
        return csr.error();
    }
    auto hubCert = tls::issueCertificate(*authority, *csr, "fieldkit-hub", tls::CertRole::Server,
                                         kHubCertDays, kHubCertSerial);
    if (!hubCert) {
        return hubCert.error();
    }
    if (postgres) {
        if (auto st = writeStoreConfig(dir.storeConfig(), *postgres); !st) {
            return st;
        }
    }
    auto store = openCenterStore(dir, true);
    if (store && postgres) {
        // Another center's data under this center's new CA and keys would be unreadable and unreachable.
        auto units = (*store)->units().units();
        if (!units || !units->empty()) {
            store =
                units ? makeError("already_initialised",
                                  "The PostgreSQL database already holds a center; init needs an empty one.")
                      : units.error();
        }
    }
    if (!store) {
        // Nothing of a failed init is left behind to refuse a retry.
        if (postgres) {
            std::filesystem::remove(dir.storeConfig(), ec);
        }
        return store.error();
    }
    if (auto st = writeSigningKey(dir); !st) {
        return st;
    }
    const auto centerKey = crypto::BoxKeyPair::generate();
    const std::string centerSecret(centerKey.secret().view().begin(), centerKey.secret().view().end());
    if (auto st = common::writeFileAtomic(dir.centerKey(), centerSecret, true); !st) {
        return st;
    }
    if (auto st = writePublicKey(dir.centerPublicKey(), centerKey.publicKey().bytes); !st) {
        return st;
    }
    for (const auto& [path, content, secret] :
         {std::tuple{dir.authorityKey(), authority->keyPem, true},
          std::tuple{dir.authorityCert(), authority->certPem, false}, std::tuple{dir.hubKey(), *hubKey, true},
          std::tuple{dir.hubCert(), *hubCert, false}}) {
        if (auto st = common::writeFileAtomic(path, content, secret); !st) {
            return st;
        }
    }
    return {};
}

Result<HubCenter> openHubCenter(const CenterDir& dir) {
    auto authority = loadCredentials(dir.authorityKey(), dir.authorityCert());
    if (!authority) {
        return authority.error();
    }
    auto hub = loadCredentials(dir.hubKey(), dir.hubCert());
    if (!hub) {
        return hub.error();
    }
    auto centerPk = loadPublicKey<crypto::BoxPublicKey>(dir.centerPublicKey());
    if (!centerPk) {
        return centerPk.error();
    }
    auto signingPk = loadPublicKey<crypto::SigningPublicKey>(dir.centerSigningPublicKey());
    if (!signingPk) {
        return signingPk.error();
    }
    auto store = openCenterStore(dir);
    if (!store) {
        return store.error();
    }
    return HubCenter{std::move(*authority), std::move(*hub), std::move(*store), *centerPk, *signingPk};
}

Result<Center> openCenter(const CenterDir& dir) {
    auto secret = common::readFile(dir.centerKey());
    if (!secret) {
        return makeError("center_incomplete", "The center folder lacks its center key.");
    }
    auto centerKey = crypto::BoxKeyPair::fromSecret(crypto::SecretBytes::copyOf(crypto::asBytes(*secret)));
    if (!centerKey) {
        return makeError("center_incomplete", "The center key is damaged.");
    }
    auto signingKey = loadSigningKey(dir);
    if (!signingKey) {
        return signingKey.error();
    }
    if (auto st = ensurePublicKey(dir.centerPublicKey(), centerKey->publicKey().bytes); !st) {
        return st.error();
    }
    if (auto st = ensurePublicKey(dir.centerSigningPublicKey(), signingKey->publicKey().bytes); !st) {
        return st.error();
    }
    auto base = openHubCenter(dir);
    if (!base) {
        return base.error();
    }
    return Center{std::move(*base), std::move(*centerKey), std::move(*signingKey)};
}

Result<crypto::BoxKeyPair> openUnitKey(Center& center, const std::string& unit) {
    auto unitRecord = center.store->units().unit(unit);
    if (!unitRecord) {
        return unitRecord.error();
    }
    auto unitPair = crypto::openSealedBoxKeyPair(center.centerKey, unitRecord->sealedSecret);
    if (!unitPair) {
        return makeError("damaged_keys", "The unit's key does not open with the center key.");
    }
    return std::move(*unitPair);
}

Status addUnit(Center& center, const std::string& name) {
    if (name.empty() ||
        name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos) {
        return makeError("bad_unit_name",
                         "A unit name uses lowercase letters, digits and dashes, e.g. bike-07.");
    }
    const auto pair = crypto::BoxKeyPair::generate();
    const auto& pk = pair.publicKey().bytes;
    return center.store->units().addUnit(
        UnitRecord{name, std::vector<std::uint8_t>(pk.begin(), pk.end()),
                   crypto::sealBoxKeyPair(pair, center.centerKey.publicKey())});
}

namespace {

common::DeviceSyncConfig toSyncConfig(const std::string& deviceId, const std::string& keyPem,
                                      const std::string& hubAddress, const DeviceEnrolment& enrolment) {
    return common::DeviceSyncConfig{deviceId,
                                    enrolment.unit,
                                    keyPem,
                                    enrolment.certPem,
                                    enrolment.hubKeyPin,
                                    hubAddress,
                                    crypto::toHex(enrolment.centerPublicKey),
                                    crypto::toHex(enrolment.unitPublicKey),
                                    crypto::toHex(enrolment.unitSecretSealed),
                                    crypto::toHex(enrolment.centerSigningKey)};
}

} // namespace

bool wellFormedDeviceId(const std::string& deviceId) {
    return deviceId.size() == 32 && deviceId.find_first_not_of("0123456789abcdef") == std::string::npos;
}

Result<DeviceEnrolment> issueEnrolment(HubCenter& center, const std::string& unit,
                                       const std::string& deviceId, const std::string& csrPem) {
    if (!wellFormedDeviceId(deviceId)) {
        return makeError("bad_device_id", "A device id is 32 lowercase hexadecimal characters.");
    }
    auto unitRecord = center.store->units().unit(unit);
    if (!unitRecord) {
        return unitRecord.error();
    }
    auto serial = center.store->units().nextCertificateSerial();
    if (!serial) {
        return serial.error();
    }
    auto cert = tls::issueCertificate(center.authority, csrPem, deviceId, tls::CertRole::Client,
                                      kDeviceCertDays, *serial);
    auto pin = tls::publicKeyPin(center.hub.certPem);
    if (!cert || !pin) {
        return !cert ? cert.error() : pin.error();
    }
    const auto& centerPk = center.centerPublicKey.bytes;
    const auto& signingPk = center.signingPublicKey.bytes;
    return DeviceEnrolment{*cert,
                           *pin,
                           std::vector<std::uint8_t>(centerPk.begin(), centerPk.end()),
                           std::vector<std::uint8_t>(signingPk.begin(), signingPk.end()),
                           unit,
                           unitRecord->publicKey,
                           {},
                           {}};
}

Result<common::DeviceSyncConfig> provisionDevice(Center& center, const std::string& unit,
                                                 const std::string& hubAddress, const std::string& deviceId,
                                                 const std::vector<std::uint8_t>& deviceBoxKey) {
    auto random = tls::randomHex(16);
    auto key = tls::generatePrivateKey();
    if (!random || !key) {
        return makeError("no_randomness", "Could not create a device identity.");
    }
    if (!deviceId.empty() && !wellFormedDeviceId(deviceId)) {
        return makeError("bad_device_id", "A device id is 32 lowercase hexadecimal characters.");
    }
    const std::string id = deviceId.empty() ? *random : deviceId;
    auto csr = tls::createSigningRequest(*key, id);
    if (!csr) {
        return csr.error();
    }
    auto devicePk = crypto::BoxPublicKey::fromBytes(deviceBoxKey);
    if (!devicePk) {
        return makeError("bad_device_key", "The device's box public key must be 32 bytes.");
    }
    auto enrolment = issueEnrolment(center, unit, id, *csr);
    if (!enrolment) {
        return enrolment.error();
    }
    auto unitPair = openUnitKey(center, unit);
    if (!unitPair) {
        return unitPair.error();
    }
    enrolment->unitSecretSealed = crypto::sealBoxKeyPair(*unitPair, *devicePk);
    if (auto st = center.store->devices().registerDevice(id, unit); !st) {
        return st.error();
    }
    return toSyncConfig(id, *key, hubAddress, *enrolment);
}

} // namespace fieldkit::hub
