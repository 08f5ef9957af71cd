#include <QPointer>
#include <QVariantMap>
#include <algorithm>
#include <fieldkit/app/session_controller.hpp>
#include <fieldkit/hw/session_decision.hpp>

namespace fieldkit::app {

using std::chrono::duration_cast;
using std::chrono::seconds;

SessionController::SessionController(SessionService& service, hw::Profile profile, const hw::Clock& clock,
                                     QObject* parent)
    : QObject(parent)
    , m_service(service)
    , m_profile(std::move(profile))
    , m_clock(clock)
    , m_lastActivity(clock.now())
    , m_citizenDataHidden(kioskMode()) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SessionController::checkIdle);
}

QVariantList SessionController::staff() const {
    QVariantList out;
    for (const auto& s : m_service.staff()) {
        out.append(
            QVariantMap{{QStringLiteral("staffId"), s.staffId}, {QStringLiteral("name"), s.displayName}});
    }
    return out;
}

bool SessionController::unlock(const QString& staffId, const QString& pin) {
    if (m_busy) {
        return finishUnlock(staffId, {false, QStringLiteral("busy"), m_attemptsLeft});
    }
    return finishUnlock(staffId, m_service.unlock(staffId, pin));
}

void SessionController::beginUnlock(const QString& staffId, const QString& pin) {
    if (m_busy) {
        return;
    }
    m_busy = true;
    m_errorCode.clear();
    emit changed();
    // The service calls back on this thread; the guard covers a controller deleted before the service.
    m_service.unlockInBackground(
        staffId, pin, [self = QPointer<SessionController>(this), staffId](const UnlockResult& result) {
            if (self) {
                self->m_busy = false;
                emit self->unlockFinished(self->finishUnlock(staffId, result));
            }
        });
}

bool SessionController::finishUnlock(const QString& staffId, const UnlockResult& result) {
    m_attemptsLeft = result.attemptsLeft;
    if (!result.ok) {
        m_errorCode = result.errorCode;
        emit changed();
        return false;
    }
    m_errorCode.clear();
    m_staffId = staffId;
    m_staffName.clear();
    for (const auto& s : m_service.staff()) {
        if (s.staffId == staffId) {
            m_staffName = s.displayName;
        }
    }
    m_unlockedAt = m_clock.now();
    m_lastActivity = *m_unlockedAt;
    m_citizenDataHidden = false;
    emit changed();
    checkIdle();
    return true;
}

void SessionController::lock() {
    const bool wasUnlocked = unlocked();
    m_service.lock(); // also abandons an unlock still running: its callback never comes
    m_busy = false;
    m_pinChange.clear(); // a change in flight is abandoned with the session: its callback never comes
    m_timer.stop();
    m_unlockedAt.reset();
    m_staffId.clear();
    m_staffName.clear();
    m_citizenDataHidden = kioskMode();
    emit changed();
    if (wasUnlocked) {
        emit locked();
    }
}

void SessionController::noteActivity() {
    m_lastActivity = m_clock.now();
}

void SessionController::hideCitizenData() {
    if (!m_citizenDataHidden) {
        m_citizenDataHidden = true;
        emit changed();
    }
    emit citizenDataHideRequested();
}

void SessionController::showCitizenData() {
    noteActivity();
    if (m_citizenDataHidden && unlocked()) {
        m_citizenDataHidden = false;
        emit changed();
        checkIdle();
    }
}

void SessionController::checkIdle() {
    if (!unlocked()) {
        return;
    }
    const auto now = m_clock.now();
    const auto idle = duration_cast<seconds>(now - m_lastActivity);
    const auto age = duration_cast<seconds>(now - *m_unlockedAt);
    // While the welcome screen is up there is nothing left to hide: only the lock rules still apply.
    const bool kioskRules = kioskMode() && !m_citizenDataHidden;
    const hw::SessionDecision decision = hw::decideSession(m_profile, idle, age, kioskRules);
    m_lastDecision = QString::fromStdString(decision.reason);
    switch (decision.action) {
    case hw::SessionAction::Lock:
        lock();
        return;
    case hw::SessionAction::HideCitizenData:
        hideCitizenData();
        break;
    case hw::SessionAction::Nothing:
        break;
    }
    schedule(decision.recheckAfter);
}

void SessionController::schedule(seconds after) {
    // Look again at the next threshold, but at least every few seconds so activity noted since is seen.
    const auto ms = std::clamp<long long>(after.count() * 1000, 1000, 5000);
    m_timer.start(static_cast<int>(ms));
}

void SessionController::changePin(const QString& oldPin, const QString& newPin, const QString& repeated) {
    if (m_pinChange == QStringLiteral("working")) {
        return;
    }
    if (!unlocked()) {
        m_pinChange = QStringLiteral("locked");
    } else if (const auto broken = checkNewPin(oldPin, newPin, repeated); !broken.isEmpty()) {
        m_pinChange = broken;
    } else {
        m_pinChange = QStringLiteral("working");
        m_service.changePin(oldPin, newPin, [this](const Status& outcome) {
            m_pinChange = outcome ? QStringLiteral("done") : QString::fromStdString(outcome.error().code);
            emit changed();
        });
    }
    emit changed();
}

void SessionController::clearPinChange() {
    if (m_pinChange != QStringLiteral("working")) {
        m_pinChange.clear();
        emit changed();
    }
}

QString checkNewPin(const QString& oldPin, const QString& newPin, const QString& repeated) {
    if (oldPin.isEmpty()) {
        return QStringLiteral("pin_empty");
    }
    if (newPin.size() < 4) {
        return QStringLiteral("pin_too_short");
    }
    if (newPin != repeated) {
        return QStringLiteral("pin_mismatch");
    }
    if (newPin == oldPin) {
        return QStringLiteral("pin_unchanged");
    }
    return {};
}

} // namespace fieldkit::app
