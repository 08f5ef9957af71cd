#include <algorithm>
#include <fieldkit/hw/session_decision.hpp>

namespace fieldkit::hw {

namespace {

using std::chrono::seconds;

std::string secondsText(seconds s) {
    return std::to_string(s.count()) + " s";
}

} // namespace

SessionDecision decideSession(const Profile& profile, seconds idle, seconds sessionAge, bool kioskMode) {
    const seconds lockIdle = std::chrono::minutes{profile.security.idleLockMinutes};
    const seconds maxAge = std::chrono::hours{profile.security.maxSessionHours};
    const seconds resetIdle{profile.kiosk.idleResetSeconds};

    if (sessionAge >= maxAge) {
        return {SessionAction::Lock, seconds{0},
                "The session has lasted " + secondsText(sessionAge) + ", the profile allows at most " +
                    std::to_string(profile.security.maxSessionHours) + " h: lock."};
    }
    if (idle >= lockIdle) {
        return {SessionAction::Lock, seconds{0},
                "Idle for " + secondsText(idle) + ", the profile locks after " +
                    std::to_string(profile.security.idleLockMinutes) + " min: lock."};
    }
    const seconds untilLock = std::min(lockIdle - idle, maxAge - sessionAge);
    if (kioskMode && idle >= resetIdle) {
        return {SessionAction::HideCitizenData, untilLock,
                "Kiosk idle for " + secondsText(idle) + ", the profile resets after " +
                    secondsText(resetIdle) + ": hide citizen data."};
    }
    const seconds recheck = kioskMode ? std::min(untilLock, resetIdle - idle) : untilLock;
    return {SessionAction::Nothing, recheck,
            "Active session: nothing to do for " + secondsText(recheck) + "."};
}

std::string_view toText(SessionAction action) {
    switch (action) {
    case SessionAction::Nothing:
        return "nothing";
    case SessionAction::Lock:
        return "lock";
    case SessionAction::HideCitizenData:
        return "hide-citizen-data";
    }
    return "?";
}

} // namespace fieldkit::hw
