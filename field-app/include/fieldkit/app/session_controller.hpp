#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <QVariantList>
#include <fieldkit/app/session_service.hpp>
#include <fieldkit/hw/clock.hpp>
#include <fieldkit/hw/profile.hpp>
#include <optional>

namespace fieldkit::app {

/**
 * The staff session: who may unlock, PIN attempts, locking by hand, and the profile's idle rules (lock after
 * idle minutes or session hours; in kiosk mode hide citizen data after idle seconds) via hw::decideSession.
 */
class SessionController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QVariantList staff READ staff CONSTANT)
    Q_PROPERTY(bool unlocked READ unlocked NOTIFY changed)
    Q_PROPERTY(QString staffId READ staffId NOTIFY changed)
    Q_PROPERTY(QString staffName READ staffName NOTIFY changed)
    Q_PROPERTY(QString errorCode READ errorCode NOTIFY changed)
    Q_PROPERTY(int attemptsLeft READ attemptsLeft NOTIFY changed)
    Q_PROPERTY(bool kioskMode READ kioskMode CONSTANT)
    Q_PROPERTY(bool citizenDataHidden READ citizenDataHidden NOTIFY changed)
    Q_PROPERTY(QString lastDecision READ lastDecision NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString pinChange READ pinChange NOTIFY changed)

public:
    SessionController(SessionService& service, hw::Profile profile, const hw::Clock& clock,
                      QObject* parent = nullptr);

    /** [{staffId, name}] */
    [[nodiscard]] QVariantList staff() const;
    [[nodiscard]] bool unlocked() const { return m_unlockedAt.has_value(); }
    [[nodiscard]] QString staffId() const { return m_staffId; }
    [[nodiscard]] QString staffName() const { return m_staffName; }
    /** From the last failed unlock ("wrong_pin", "locked_out", ...); cleared on success. */
    [[nodiscard]] QString errorCode() const { return m_errorCode; }
    /** -1 when unknown or unlimited. */
    [[nodiscard]] int attemptsLeft() const { return m_attemptsLeft; }
    [[nodiscard]] bool kioskMode() const { return m_profile.channel == hw::Channel::Kiosk; }
    /** Kiosk: the welcome screen covers everything; the next citizen sees nothing of the last. */
    [[nodiscard]] bool citizenDataHidden() const { return m_citizenDataHidden; }
    /** The reason of the last idle decision, for the log (no personal data). */
    [[nodiscard]] QString lastDecision() const { return m_lastDecision; }

    /** An unlock started with beginUnlock is still deriving the key. */
    [[nodiscard]] bool busy() const { return m_busy; }
    /** Where the last changePin stands: "" (none), "working", "done", or its error code. */
    [[nodiscard]] QString pinChange() const { return m_pinChange; }

    /** Unlocks and waits for the key derivation (screenshots, tests); the UI uses beginUnlock. */
    Q_INVOKABLE bool unlock(const QString& staffId, const QString& pin);
    /** Starts an unlock without blocking the UI thread; `changed` (and `unlockFinished`) follow when it is
     * done. Ignored while one is running. */
    Q_INVOKABLE void beginUnlock(const QString& staffId, const QString& pin);
    Q_INVOKABLE void lock();
    /** Any touch or key press: restarts the idle time. */
    Q_INVOKABLE void noteActivity();
    /** Kiosk: the privacy toggle, or the operator leaving the counter. */
    Q_INVOKABLE void hideCitizenData();
    /** Kiosk: the operator takes over from the welcome screen. */
    Q_INVOKABLE void showCitizenData();
    /** Applies the idle policy now; a timer calls it when the policy says to look again. */
    Q_INVOKABLE void checkIdle();
    /** Changes the unlocked staff member's PIN after checkNewPin; `changed` follows when the store is done.
     */
    Q_INVOKABLE void changePin(const QString& oldPin, const QString& newPin, const QString& repeated);
    /** Forgets the outcome of the last changePin (the settings page was left). */
    Q_INVOKABLE void clearPinChange();

signals:
    void changed();
    /** A beginUnlock came back; `ok` false leaves errorCode set. */
    void unlockFinished(bool ok);
    /** The session was locked (by hand, idle or age): controllers must drop citizen data. */
    void locked();
    /** Kiosk idle reset or privacy toggle: controllers must drop citizen data. */
    void citizenDataHideRequested();

private:
    bool finishUnlock(const QString& staffId, const UnlockResult& result);
    void schedule(std::chrono::seconds after);

    SessionService& m_service;
    hw::Profile m_profile;
    const hw::Clock& m_clock;
    std::optional<hw::TimePoint> m_unlockedAt;
    hw::TimePoint m_lastActivity;
    QString m_staffId;
    QString m_staffName;
    QString m_errorCode;
    QString m_lastDecision;
    int m_attemptsLeft = -1;
    bool m_citizenDataHidden = false;
    bool m_busy = false;
    QString m_pinChange;
    QTimer m_timer;
};

/** Whether a new PIN may replace `oldPin`: the code of the first rule it breaks ("pin_empty", "pin_too_short"
 *  under 4 characters, "pin_mismatch" when typed differently twice, "pin_unchanged"), or empty. */
[[nodiscard]] QString checkNewPin(const QString& oldPin, const QString& newPin, const QString& repeated);

} // namespace fieldkit::app
