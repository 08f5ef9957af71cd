#pragma once

#include <QObject>
#include <cstdint>
#include <fieldkit/app/session_service.hpp>
#include <fieldkit/core/result.hpp>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

namespace fieldkit::store {
class Clock;
class DeviceStore;
class Session;
} // namespace fieldkit::store

namespace fieldkit::app {

/**
 * The encrypted device store as the app holds it, shared by the store-backed services.
 *
 * Threads: the UI thread has its own connection (staff list, sync queue; no key needed). An unlock runs its
 * Argon2id on a worker thread that opens a second, dedicated connection and unlocks there; the Session and
 * that connection are then handed to the UI thread with a queued call and used only there. So no
 * DeviceStore, statement cache or SQLite handle is ever used by two threads at once, and the UI connection
 * stays free while the worker writes the failed-attempt counter (WAL plus the store's busy timeout order the
 * two connections' writes).
 */
class StoreConnection {
public:
    /** Opens `<dataDir>/store.db`; refuses (and leaves alone) a missing, foreign or damaged file. */
    [[nodiscard]] static Result<std::shared_ptr<StoreConnection>> open(const std::filesystem::path& dataDir,
                                                                       const store::Clock& clock);
    /** Whether `dataDir` holds a device store (the app then runs on it instead of the demo backends). */
    [[nodiscard]] static bool existsIn(const std::filesystem::path& dataDir);

    StoreConnection(std::unique_ptr<store::DeviceStore> uiStore, std::filesystem::path file,
                    const store::Clock& clock);
    ~StoreConnection(); // waits for an unlock still deriving its key, then drops its outcome
    StoreConnection(const StoreConnection&) = delete;
    StoreConnection& operator=(const StoreConnection&) = delete;

    /** The UI thread's connection: no key, never personal data. */
    [[nodiscard]] store::DeviceStore& store() { return *m_store; }
    /** The unlocked session, null while locked. */
    [[nodiscard]] store::Session* session() { return m_session.get(); }
    /** Changes with every unlock and lock, so caches know the staff member changed. */
    [[nodiscard]] std::uint64_t sessionGeneration() const { return m_generation; }
    [[nodiscard]] bool unlocking() const { return m_unlocking; }
    /** `PRAGMA data_version` of the session's connection: it moves when another connection (the daemon,
     *  fieldkit-ctl) commits, never for this session's own writes; nullopt while locked. */
    [[nodiscard]] std::optional<std::int64_t> sessionDataVersion();

    /** Unlocks on this thread (blocks for the key derivation). */
    [[nodiscard]] UnlockResult unlock(const std::string& staff, std::string pin);
    /** Unlocks on a worker thread; `done` runs on this (the UI) thread unless lock() came first. */
    void unlockInBackground(const std::string& staff, std::string pin, SessionService::UnlockDone done);
    /** Destroys the session (wiping the keys) and abandons an unlock in flight. */
    void lock();
    /** Re-wraps the session's own key slot under `newPin` (same costs, fresh salt) on a worker thread, then
     *  stores it on this thread; `done` runs here unless lock() came first. */
    void changePinInBackground(std::string oldPin, std::string newPin, SessionService::PinChanged done);

private:
    struct Outcome;
    [[nodiscard]] static Outcome unlockOnOwnConnection(const std::filesystem::path& file,
                                                       const store::Clock& clock, const std::string& staff,
                                                       const std::string& pin);
    UnlockResult adopt(Outcome& outcome);

    std::filesystem::path m_file;
    const store::Clock& m_clock;
    std::unique_ptr<store::DeviceStore> m_store;
    std::unique_ptr<store::DeviceStore> m_sessionStore; // the connection m_session runs on
    std::unique_ptr<store::Session> m_session;          // declared after its store: destroyed first
    std::uint64_t m_generation = 0;
    std::uint64_t m_attempt = 0; // an outcome of an older attempt (lock came between) is dropped
    bool m_unlocking = false;
    bool m_changingPin = false;
    std::thread m_worker;
    QObject m_receiver; // lives on the UI thread; the worker posts its outcome to it
};

} // namespace fieldkit::app
