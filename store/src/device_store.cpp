#include "audit_writer.hpp"
#include "schema.hpp"

#include <fieldkit/crypto/box_key_pair.hpp>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/crypto/device_identity.hpp>
#include <fieldkit/crypto/random_source.hpp>
#include <fieldkit/store/device_store.hpp>
#include <fieldkit/store/session.hpp>
#include <system_error>

namespace fieldkit::store {
namespace {

using sqlite::Database;
using sqlite::Transaction;

Status setMeta(Database& db, const std::string& key, const std::string& value) {
    auto stmt = db.cached("INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)");
    if (!stmt) {
        return stmt.error();
    }
    return stmt->bind(1, key).bind(2, value).run();
}

Result<std::string> getMeta(Database& db, const std::string& key) {
    auto stmt = db.cached("SELECT value FROM meta WHERE key = ?1");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, key);
    auto row = stmt->step();
    if (!row) {
        return row.error();
    }
    if (!*row) {
        return makeError("missing_meta", "The store lacks its " + key + ".");
    }
    return stmt->text(0);
}

Status insertSlot(Database& db, const std::string& name, const crypto::WrappedKey& wrapped,
                  std::int64_t nowMs) {
    auto stmt = db.cached("INSERT INTO key_slots(staff_name, wrapped_dek, created_ms) VALUES (?1, ?2, ?3)");
    if (!stmt) {
        return stmt.error();
    }
    auto st = stmt->bind(1, name).bind(2, crypto::ByteView(wrapped.bytes)).bind(3, nowMs).run();
    if (!st && st.error().code == "constraint") {
        return makeError("staff_exists", "A staff member named " + name + " already has a key slot.");
    }
    return st;
}

Status writeInitialKeys(Database& db, const StoreInit& init, const crypto::DataKey& dek, std::int64_t nowMs) {
    auto wrapped = crypto::wrapKey(dek, init.pin, init.kdf);
    if (!wrapped) {
        return wrapped.error();
    }
    if (auto st = insertSlot(db, init.staffName, *wrapped, nowMs); !st) {
        return st;
    }
    const auto identity = crypto::DeviceIdentity::generate();
    auto stmt = db.cached("INSERT INTO device_identity(id, serialised) VALUES (1, ?1)");
    if (!stmt) {
        return stmt.error();
    }
    if (auto st = stmt->bind(1, crypto::ByteView(identity.serialise(dek))).run(); !st) {
        return st;
    }
    if (!init.standalone) {
        return {};
    }
    // A standalone device is its own center: a local center key (its secret is not kept: nobody on this
    // device may read with it) and a local unit key the device holds under its DEK.
    const auto center = crypto::BoxKeyPair::generate();
    const auto unit = crypto::BoxKeyPair::generate();
    auto centerStmt = db.cached("INSERT INTO center_key(id, public_key) VALUES (1, ?1)");
    auto unitStmt = db.cached("INSERT INTO unit_keys(unit, public_key, wrapped_secret) VALUES (?1, ?2, ?3)");
    if (!centerStmt || !unitStmt) {
        return !centerStmt ? centerStmt.error() : unitStmt.error();
    }
    if (auto st = centerStmt->bind(1, crypto::ByteView(center.publicKey().bytes)).run(); !st) {
        return st;
    }
    return unitStmt->bind(1, init.unit)
        .bind(2, crypto::ByteView(unit.publicKey().bytes))
        .bind(3, crypto::ByteView(crypto::wrapBoxKeyPair(dek, crypto::WrappedKeyKind::unitBoxSecret, unit)))
        .run();
}

Result<std::string> newDeviceId() {
    std::array<std::uint8_t, 16> raw{};
    crypto::systemRandom().fill(raw);
    return crypto::toHex(raw);
}

} // namespace

DeviceStore::DeviceStore(Database db, std::string deviceId, const Clock& clock)
    : m_db(std::move(db))
    , m_deviceId(std::move(deviceId))
    , m_clock(clock) {}

std::filesystem::path DeviceStore::fileIn(const std::filesystem::path& dataDir) {
    return dataDir / "store.db";
}

Result<std::unique_ptr<DeviceStore>> DeviceStore::create(const std::filesystem::path& path,
                                                         const StoreInit& init, const Clock& clock) {
    if (init.staffName.empty() || init.pin.empty()) {
        return makeError("missing_staff", "A store needs a first staff member with a PIN.");
    }
    if (init.unit.empty()) {
        return makeError("missing_unit", "A store needs the unit it serves, for example bike-07.");
    }
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) {
        return makeError("store_exists",
                         "A store already exists at " + path.string() + "; it was left untouched.");
    }
    auto db = Database::open(path, sqlite::OpenMode::CreateIfMissing);
    if (!db) {
        return db.error();
    }
    const auto fail = [&path](Error error) -> Result<std::unique_ptr<DeviceStore>> {
        // Only ever our own half-made file: we refused above to create over an existing one.
        std::error_code ignored;
        for (const char* suffix : {"", "-wal", "-shm"}) {
            std::filesystem::remove(path.string() + suffix, ignored);
        }
        return error;
    };
    if (auto st = detail::choosePageSize(*db); !st) {
        return fail(st.error());
    }
    if (auto st = detail::applyPragmas(*db); !st) {
        return fail(st.error());
    }
    if (auto st = detail::migrate(*db); !st) {
        return fail(st.error());
    }
    auto deviceId = newDeviceId();
    const auto dek = crypto::DataKey::generate();
    {
        auto tx = Transaction::begin(*db);
        if (!tx) {
            return fail(tx.error());
        }
        const std::int64_t now = clock.nowMs();
        for (const auto& [key, value] :
             {std::pair{std::string("format"), std::string(detail::kStoreFormat)},
              std::pair{std::string("device_id"), *deviceId}, std::pair{std::string("unit"), init.unit},
              std::pair{std::string("created_ms"), std::to_string(now)}}) {
            if (auto st = setMeta(*db, key, value); !st) {
                return fail(st.error());
            }
        }
        if (auto st = writeInitialKeys(*db, init, dek, now); !st) {
            return fail(st.error());
        }
        if (auto st = detail::AuditWriter(dek).append(*db, now, init.staffName, "store_created", "",
                                                      "provisioning");
            !st) {
            return fail(st.error());
        }
        if (auto st = tx->commit(); !st) {
            return fail(st.error());
        }
    }
    return std::make_unique<DeviceStore>(std::move(*db), *deviceId, clock);
}

Result<std::unique_ptr<DeviceStore>> DeviceStore::open(const std::filesystem::path& path,
                                                       const Clock& clock) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        return makeError("no_store", "There is no store at " + path.string() + "; create one with `init`.");
    }
    auto db = Database::open(path, sqlite::OpenMode::MustExist);
    if (!db) {
        return db.error();
    }
    // Check before any pragma: setting WAL mode would already write to a file that is not ours.
    if (auto st = detail::checkFormat(*db); !st) {
        return st.error();
    }
    if (auto st = detail::applyPragmas(*db); !st) {
        return st.error();
    }
    if (auto st = detail::migrate(*db); !st) {
        return st.error();
    }
    auto deviceId = getMeta(*db, "device_id");
    if (!deviceId) {
        return deviceId.error();
    }
    return std::make_unique<DeviceStore>(std::move(*db), *deviceId, clock);
}

Result<std::optional<crypto::BoxKeyPair>> DeviceStore::loadUnitKey(const crypto::DataKey& dek) {
    auto stmt = m_db.cached("SELECT wrapped_secret, sealed_secret FROM unit_keys WHERE unit = ?1");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, unit());
    auto row = stmt->step();
    if (!row) {
        return row.error();
    }
    if (!*row) {
        return std::optional<crypto::BoxKeyPair>();
    }
    const Error damaged =
        makeError("damaged_keys", "The unit key on this device does not open; re-enrol the device.");
    if (!stmt->isNull(0)) {
        auto pair = crypto::unwrapBoxKeyPair(dek, crypto::WrappedKeyKind::unitBoxSecret, stmt->blob(0));
        if (!pair) {
            return damaged;
        }
        return std::optional<crypto::BoxKeyPair>(std::move(*pair));
    }
    // First unlock after enrolment: the unit key was sealed to this device's box key by the center.
    const auto sealed = stmt->blob(1);
    stmt->reset();
    auto identityStmt = m_db.cached("SELECT serialised FROM device_identity WHERE id = 1");
    if (!identityStmt) {
        return identityStmt.error();
    }
    auto identityRow = identityStmt->step();
    if (!identityRow || !*identityRow) {
        return damaged;
    }
    auto identity = crypto::DeviceIdentity::deserialise(dek, identityStmt->blob(0));
    if (!identity) {
        return damaged;
    }
    auto pair = crypto::openSealedBoxKeyPair(identity->box(), sealed);
    if (!pair) {
        return damaged;
    }
    auto keep = m_db.cached("UPDATE unit_keys SET wrapped_secret = ?2, sealed_secret = NULL WHERE unit = ?1");
    if (!keep) {
        return keep.error();
    }
    if (auto st = keep->bind(1, unit())
                      .bind(2, crypto::ByteView(
                                   crypto::wrapBoxKeyPair(dek, crypto::WrappedKeyKind::unitBoxSecret, *pair)))
                      .run();
        !st) {
        return st.error();
    }
    return std::optional<crypto::BoxKeyPair>(std::move(*pair));
}

Result<std::vector<std::uint8_t>> DeviceStore::boxPublicKey() {
    auto stmt = m_db.cached("SELECT serialised FROM device_identity WHERE id = 1");
    if (!stmt) {
        return stmt.error();
    }
    auto row = stmt->step();
    if (!row || !*row) {
        return row ? makeError("damaged_keys", "The device identity is missing.") : row.error();
    }
    auto pk = crypto::DeviceIdentity::boxPublicKeyOf(stmt->blob(0));
    if (!pk) {
        return pk.error();
    }
    return std::vector<std::uint8_t>(pk->bytes.begin(), pk->bytes.end());
}

Status DeviceStore::installEnrolment(const EnrolmentKeys& keys) {
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return tx.error();
    }
    auto center = m_db.cached("INSERT OR REPLACE INTO center_key(id, public_key) VALUES (1, ?1)");
    auto unitRow = m_db.cached("INSERT OR REPLACE INTO unit_keys(unit, public_key, wrapped_secret, "
                               "sealed_secret) VALUES (?1, ?2, NULL, ?3)");
    auto meta = m_db.cached("INSERT OR REPLACE INTO meta(key, value) VALUES ('unit', ?1)");
    if (!center || !unitRow || !meta) {
        return makeError("damaged_store", "The store's schema is incomplete.");
    }
    if (auto st = center->bind(1, crypto::ByteView(keys.centerPublicKey)).run(); !st) {
        return st;
    }
    if (auto st = unitRow->bind(1, keys.unit)
                      .bind(2, crypto::ByteView(keys.unitPublicKey))
                      .bind(3, crypto::ByteView(keys.unitSecretSealed))
                      .run();
        !st) {
        return st;
    }
    if (auto st = meta->bind(1, keys.unit).run(); !st) {
        return st;
    }
    return tx->commit();
}

std::string DeviceStore::unit() {
    auto unit = getMeta(m_db, "unit");
    return unit ? *unit : std::string();
}

Result<std::vector<StaffSlotInfo>> DeviceStore::staff() {
    auto stmt =
        m_db.cached("SELECT staff_name, failed_attempts, disabled FROM key_slots ORDER BY staff_name");
    if (!stmt) {
        return stmt.error();
    }
    std::vector<StaffSlotInfo> out;
    while (true) {
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return out;
        }
        out.push_back(StaffSlotInfo{stmt->text(0), static_cast<int>(stmt->int64(1)), stmt->int64(2) != 0});
    }
}

Result<std::unique_ptr<Session>> DeviceStore::unlock(const std::string& staffName, const std::string& pin) {
    auto stmt =
        m_db.cached("SELECT wrapped_dek, failed_attempts, disabled FROM key_slots WHERE staff_name = ?1");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, staffName);
    auto row = stmt->step();
    if (!row) {
        return row.error();
    }
    if (!*row) {
        return makeError("unknown_staff",
                         "No staff member named " + staffName + " has a key slot on this device.");
    }
    const crypto::WrappedKey wrapped{stmt->blob(0)};
    const auto failed = static_cast<int>(stmt->int64(1));
    const bool disabled = stmt->int64(2) != 0;
    stmt->reset();
    if (disabled) {
        return makeError("slot_disabled", "This staff key is disabled after " +
                                              std::to_string(kMaxPinAttempts) +
                                              " wrong PINs; an administrator must add it again.");
    }
    auto dek = crypto::unwrapKey(wrapped, pin);
    if (!dek) {
        if (dek.error().code != "wrong_pin") {
            return dek.error();
        }
        const int attempts = failed + 1;
        const bool nowDisabled = attempts >= kMaxPinAttempts;
        auto update =
            m_db.cached("UPDATE key_slots SET failed_attempts = ?2, disabled = ?3 WHERE staff_name = ?1");
        if (!update) {
            return update.error();
        }
        if (auto st = update->bind(1, staffName).bind(2, attempts).bind(3, nowDisabled ? 1 : 0).run(); !st) {
            return st.error();
        }
        if (nowDisabled) {
            return makeError("slot_disabled", "Wrong PIN. This staff key is now disabled after " +
                                                  std::to_string(kMaxPinAttempts) +
                                                  " wrong PINs; an administrator must add it again.");
        }
        const int left = kMaxPinAttempts - attempts;
        return makeError("wrong_pin", "Wrong PIN; " + std::to_string(left) +
                                          (left == 1 ? " attempt" : " attempts") +
                                          " left before this staff key is disabled.");
    }
    if (failed > 0) {
        auto reset = m_db.cached("UPDATE key_slots SET failed_attempts = 0 WHERE staff_name = ?1");
        if (!reset) {
            return reset.error();
        }
        if (auto st = reset->bind(1, staffName).run(); !st) {
            return st.error();
        }
    }

    // The center and unit keys exist once the device is enrolled (or made standalone).
    crypto::BoxPublicKey centerKey;
    crypto::BoxPublicKey unitPublic;
    std::optional<crypto::BoxKeyPair> unitKey;
    if (auto center = m_db.cached("SELECT public_key FROM center_key WHERE id = 1"); center) {
        if (auto r = center->step(); r && *r) {
            if (auto pk = crypto::BoxPublicKey::fromBytes(center->blob(0)); pk) {
                centerKey = *pk;
            }
        }
    }
    auto unitKeys = loadUnitKey(*dek);
    if (!unitKeys) {
        return unitKeys.error();
    }
    if (*unitKeys) {
        unitPublic = (*unitKeys)->publicKey();
        unitKey = std::move(**unitKeys);
    }
    if (auto st =
            detail::AuditWriter(*dek).append(m_db, m_clock.nowMs(), staffName, "unlock", "", "work session");
        !st) {
        return st.error();
    }
    auto session = std::make_unique<Session>(*this, staffName, std::move(*dek), std::move(unitKey), centerKey,
                                             unitPublic);
    return session;
}

} // namespace fieldkit::store
