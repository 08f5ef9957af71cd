#include "sim_parties.hpp"

#include "sim_files.hpp"

#include <fieldkit/crypto/key_slot.hpp>
#include <optional>

namespace fieldkit::sim {

namespace {
constexpr const char* kPin = "2468";
std::string staffOf(int index) {
    return "staff-" + std::to_string(index);
}
} // namespace

SimDevice::SimDevice(int index, std::string unit, std::filesystem::path file, std::int64_t clockMs,
                     int batchLimit)
    : m_index(index)
    , m_unit(std::move(unit))
    , m_file(std::move(file))
    , m_clock(std::make_unique<store::ManualClock>(clockMs))
    , m_batchLimit(batchLimit) {}

Status SimDevice::create() {
    auto created = store::DeviceStore::create(
        m_file,
        store::StoreInit{staffOf(m_index), kPin, crypto::KdfParams::withCosts(1, 8192), m_unit, false},
        *m_clock);
    if (!created) {
        return created.error();
    }
    m_store = std::move(*created);
    m_deviceId = m_store->deviceId();
    return {};
}

Status SimDevice::installEnrolment(const store::EnrolmentKeys& keys) {
    return m_store->installEnrolment(keys);
}

Status SimDevice::start() {
    if (!m_store) {
        auto opened = store::DeviceStore::open(m_file, *m_clock);
        if (!opened) {
            return opened.error();
        }
        m_store = std::move(*opened);
    }
    auto session = m_store->unlock(staffOf(m_index), kPin);
    if (!session) {
        return session.error();
    }
    m_session = std::move(*session);
    return {};
}

void SimDevice::crash(bool hard) {
    m_pace = engine::LinkPace();
    std::optional<CrashImage> image;
    if (hard) {
        image.emplace(m_file);
    }
    m_session.reset();
    m_store.reset();
    if (image) {
        image->restore();
    }
}

SimHub::SimHub(std::filesystem::path file, const std::int64_t& nowMs, std::string postgres)
    : m_file(std::move(file))
    , m_postgres(std::move(postgres))
    , m_nowMs(nowMs)
    , m_centerKey(crypto::BoxKeyPair::generate()) {}

Status SimHub::start(bool create) {
    auto opened = m_postgres.empty()
                      ? hub::openSqliteCenterStore(m_file, create)
                      : hub::openPostgresCenterStore(hub::PostgresStoreOptions{m_postgres, {}, 2});
    if (!opened) {
        return opened.error();
    }
    m_store = std::move(*opened);
    m_service = std::make_unique<hub::SyncService>(*m_store, [this] { return m_nowMs; });
    return {};
}

void SimHub::crash(bool hard) {
    std::optional<CrashImage> image;
    // On PostgreSQL the database server outlives the hub process: what it committed stays, an open
    // transaction rolls back; closing the pool is all a crash of the hub can do.
    if (hard && m_postgres.empty()) {
        image.emplace(m_file);
    }
    m_service.reset();
    m_store.reset();
    if (image) {
        image->restore();
    }
}

Status SimHub::addUnit(const std::string& name) {
    auto pair = crypto::BoxKeyPair::generate();
    const auto& pk = pair.publicKey().bytes;
    auto st =
        m_store->units().addUnit(hub::UnitRecord{name, std::vector<std::uint8_t>(pk.begin(), pk.end()),
                                                 crypto::sealBoxKeyPair(pair, m_centerKey.publicKey())});
    if (st) {
        m_unitKeys.emplace(name, std::move(pair));
    }
    return st;
}

Result<store::EnrolmentKeys> SimHub::enrol(SimDevice& device) {
    auto devicePkBytes = device.store().boxPublicKey();
    if (!devicePkBytes) {
        return devicePkBytes.error();
    }
    auto devicePk = crypto::BoxPublicKey::fromBytes(*devicePkBytes);
    if (!devicePk) {
        return devicePk.error();
    }
    const auto unit = m_unitKeys.find(device.unit());
    if (unit == m_unitKeys.end()) {
        return makeError("unknown_unit", "no unit " + device.unit());
    }
    if (auto st = m_store->devices().registerDevice(device.deviceId(), device.unit()); !st) {
        return st.error();
    }
    const auto& centerPk = m_centerKey.publicKey().bytes;
    const auto& unitPk = unit->second.publicKey().bytes;
    return store::EnrolmentKeys{std::vector<std::uint8_t>(centerPk.begin(), centerPk.end()), device.unit(),
                                std::vector<std::uint8_t>(unitPk.begin(), unitPk.end()),
                                crypto::sealBoxKeyPair(unit->second, *devicePk)};
}

} // namespace fieldkit::sim
