#pragma once

#include <chrono>
#include <fieldkit/hw/profile.hpp>
#include <string>

namespace fieldkit::hw {

/** What the app must do to the current staff session. */
enum class SessionAction {
    Nothing,
    Lock,            // ask for the staff PIN again; the data key leaves memory
    HideCitizenData, // kiosk: back to the start screen so the next citizen at the counter sees nothing
};

/** The action, when to ask again, and why (for the log). */
struct SessionDecision {
    SessionAction action = SessionAction::Nothing;
    std::chrono::seconds recheckAfter{0}; // until the next threshold; 0 after Lock
    std::string reason;
};

/**
 * Lock after security.idle_lock_minutes idle or security.max_session_hours since unlock (Lock wins); in kiosk
 * mode also hide citizen data after kiosk.idle_reset_seconds idle.
 */
[[nodiscard]] SessionDecision decideSession(const Profile& profile, std::chrono::seconds idle,
                                            std::chrono::seconds sessionAge, bool kioskMode);

[[nodiscard]] std::string_view toText(SessionAction action);

} // namespace fieldkit::hw
