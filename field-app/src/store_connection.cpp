#include <QMetaObject>
#include <fieldkit/app/store_connection.hpp>
#include <fieldkit/crypto/key_slot.hpp>
#include <fieldkit/sqlite/database.hpp>
#include <fieldkit/store/device_store.hpp>
#include <fieldkit/store/session.hpp>

namespace fieldkit::app {
namespace {

/** The PIN leaves memory as soon as the key derivation is done (best effort: std::string may have copied). */
void wipe(std::string& secret) {
    volatile char* p = secret.data();
    for (std::size_t i = 0; i < secret.size(); ++i) {
        p[i] = 0;
    }
    secret.clear();
}

} // namespace

struct StoreConnection::Outcome {
    UnlockResult result;
    std::unique_ptr<store::DeviceStore> store;
    std::unique_ptr<store::Session> session;
};

Result<std::shared_ptr<StoreConnection>> StoreConnection::open(const std::filesystem::path& dataDir,
                                                               const store::Clock& clock) {
    const auto file = store::DeviceStore::fileIn(dataDir);
    auto opened = store::DeviceStore::open(file, clock);
    if (!opened) {
        return opened.error();
    }
    return std::make_shared<StoreConnection>(std::move(opened).value(), file, clock);
}

bool StoreConnection::existsIn(const std::filesystem::path& dataDir) {
    std::error_code ec;
    return std::filesystem::exists(store::DeviceStore::fileIn(dataDir), ec);
}

StoreConnection::StoreConnection(std::unique_ptr<store::DeviceStore> uiStore, std::filesystem::path file,
                                 const store::Clock& clock)
    : m_file(std::move(file))
    , m_clock(clock)
    , m_store(std::move(uiStore)) {}

StoreConnection::~StoreConnection() {
    // The worker only touches its own connection and posts to m_receiver; once joined, its queued outcome
    // dies with m_receiver (Qt drops events for a deleted receiver) and the session it carries is wiped.
    if (m_worker.joinable()) {
        m_worker.join();
    }
}

StoreConnection::Outcome StoreConnection::unlockOnOwnConnection(const std::filesystem::path& file,
                                                                const store::Clock& clock,
                                                                const std::string& staff,
                                                                const std::string& pin) {
    auto opened = store::DeviceStore::open(file, clock);
    if (!opened) {
        return {{false, QStringLiteral("store_error"), -1}, nullptr, nullptr};
    }
    auto session = (*opened)->unlock(staff, pin);
    if (session) {
        return {{true, {}, store::kMaxPinAttempts}, std::move(opened).value(), std::move(session).value()};
    }
    const std::string& code = session.error().code;
    if (code == "wrong_pin") {
        // The attempts left come from the slot the store just updated (not from parsing its sentence).
        int left = -1;
        if (auto keySlots = (*opened)->staff(); keySlots) {
            for (const auto& slot : *keySlots) {
                if (slot.name == staff) {
                    left = std::max(0, store::kMaxPinAttempts - slot.failedAttempts);
                }
            }
        }
        return {{false, QStringLiteral("wrong_pin"), left}, nullptr, nullptr};
    }
    if (code == "slot_disabled") {
        return {{false, QStringLiteral("locked_out"), 0}, nullptr, nullptr};
    }
    if (code == "unknown_staff") {
        return {{false, QStringLiteral("unknown_staff"), -1}, nullptr, nullptr};
    }
    return {{false, QString::fromStdString(code), -1}, nullptr, nullptr};
}

UnlockResult StoreConnection::adopt(Outcome& outcome) {
    if (outcome.result.ok) {
        m_session.reset();
        m_sessionStore = std::move(outcome.store);
        m_session = std::move(outcome.session);
        ++m_generation;
    }
    return outcome.result;
}

UnlockResult StoreConnection::unlock(const std::string& staff, std::string pin) {
    if (m_unlocking) {
        wipe(pin);
        return {false, QStringLiteral("busy"), -1};
    }
    auto outcome = unlockOnOwnConnection(m_file, m_clock, staff, pin);
    wipe(pin);
    return adopt(outcome);
}

void StoreConnection::unlockInBackground(const std::string& staff, std::string pin,
                                         SessionService::UnlockDone done) {
    if (m_unlocking) {
        wipe(pin);
        done({false, QStringLiteral("busy"), -1});
        return;
    }
    if (m_worker.joinable()) {
        // Only after lock() abandoned an attempt: wait for its key derivation to end (its outcome is
        // dropped).
        m_worker.join();
    }
    m_unlocking = true;
    const std::uint64_t attempt = ++m_attempt;
    m_worker = std::thread([this, staff, pin = std::move(pin), attempt, done = std::move(done)]() mutable {
        auto outcome = std::make_shared<Outcome>(unlockOnOwnConnection(m_file, m_clock, staff, pin));
        wipe(pin);
        QMetaObject::invokeMethod(
            &m_receiver,
            [this, outcome, attempt, done] {
                if (attempt != m_attempt) {
                    return; // lock() came first: the session (if any) is wiped as `outcome` goes
                }
                m_unlocking = false;
                done(adopt(*outcome));
            },
            Qt::QueuedConnection);
    });
}

void StoreConnection::changePinInBackground(std::string oldPin, std::string newPin,
                                            SessionService::PinChanged done) {
    const auto refuse = [&](const Error& error) {
        wipe(oldPin);
        wipe(newPin);
        done(error);
    };
    if (!m_session) {
        return refuse(makeError("locked", "Unlock the device first."));
    }
    if (m_unlocking || m_changingPin) {
        return refuse(makeError("busy", "A PIN is being checked already."));
    }
    auto slot = m_session->ownKeySlot();
    if (!slot) {
        return refuse(slot.error());
    }
    // The new slot costs what the old one did (calibrated for this device when it was set up), salt fresh.
    auto costs = crypto::kdfParamsOf(*slot);
    if (!costs) {
        return refuse(costs.error());
    }
    const auto params = crypto::KdfParams::withCosts(costs->opslimit, costs->memlimit);
    if (m_worker.joinable()) {
        m_worker.join(); // an earlier attempt's derivation, already over
    }
    m_changingPin = true;
    const std::uint64_t generation = m_generation;
    m_worker = std::thread([this, seen = *slot, oldPin = std::move(oldPin), newPin = std::move(newPin),
                            params, generation, done = std::move(done)]() mutable {
        auto rewrapped =
            std::make_shared<Result<crypto::WrappedKey>>(crypto::rewrapKey(seen, oldPin, newPin, params));
        wipe(oldPin);
        wipe(newPin);
        QMetaObject::invokeMethod(
            &m_receiver,
            [this, seen, rewrapped, generation, done] {
                m_changingPin = false;
                if (generation != m_generation || !m_session) {
                    return; // locked meanwhile: nothing is changed
                }
                done(*rewrapped ? m_session->replaceOwnKeySlot(seen, **rewrapped)
                                : Status(rewrapped->error()));
            },
            Qt::QueuedConnection);
    });
}

std::optional<std::int64_t> StoreConnection::sessionDataVersion() {
    if (!m_sessionStore) {
        return std::nullopt;
    }
    auto version = m_sessionStore->database().queryInt("PRAGMA data_version");
    return version ? std::optional<std::int64_t>(*version) : std::nullopt;
}

void StoreConnection::lock() {
    ++m_attempt;
    m_unlocking = false;
    m_session.reset(); // wipes the data key and everything derived from it
    m_sessionStore.reset();
    ++m_generation;
}

} // namespace fieldkit::app
