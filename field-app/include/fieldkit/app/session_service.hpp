#pragma once

#include <QString>
#include <fieldkit/core/result.hpp>
#include <functional>
#include <vector>

namespace fieldkit::app {

/** A staff member with a key slot on this device. */
struct StaffMember {
    QString staffId;
    QString displayName;
};

/** The outcome of one unlock attempt. */
struct UnlockResult {
    bool ok = false;
    QString errorCode;     // "wrong_pin", "locked_out", "unknown_staff", "busy", "store_error"; empty when ok
    int attemptsLeft = -1; // after a wrong PIN; -1 when the store does not limit attempts
};

/**
 * Opens and closes the device store for one staff member (the data key is unwrapped with the PIN).
 *
 * Implemented in memory (tests, screenshots) and by the encrypted store, which also persists the attempt
 * counter so a restart does not reset it.
 */
class SessionService {
public:
    using UnlockDone = std::function<void(const UnlockResult&)>;
    using PinChanged = std::function<void(const Status&)>;

    virtual ~SessionService() = default;

    [[nodiscard]] virtual std::vector<StaffMember> staff() const = 0;
    /** Blocks for the whole key derivation: for screenshots and tests, never from the UI. */
    [[nodiscard]] virtual UnlockResult unlock(const QString& staffId, const QString& pin) = 0;
    /**
     * Unlocks without blocking the calling (UI) thread; `done` runs later on that thread, or not at all when
     * lock() or destruction came first. The default is for services that are fast anyway: it calls unlock()
     * and `done` at once.
     */
    virtual void unlockInBackground(const QString& staffId, const QString& pin, UnlockDone done) {
        done(unlock(staffId, pin));
    }
    /** Wipes the data key from memory; must not fail. Also abandons an unlock still running. */
    virtual void lock() = 0;
    /**
     * Changes the unlocked staff member's PIN; the old one proves it is them. The key derivations do not
     * block the calling (UI) thread; `done` runs on it later (not at all when lock() came first). Codes
     * "wrong_pin", "locked", "busy", "slot_changed". Audited by the store.
     */
    virtual void changePin(const QString& oldPin, const QString& newPin, PinChanged done) = 0;
};

} // namespace fieldkit::app
