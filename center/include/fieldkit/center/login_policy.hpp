#pragma once

#include <cstdint>

namespace fieldkit::center {

/** After this many failed logins in a row an account is locked. */
inline constexpr std::int64_t kLockoutThreshold = 5;

/** Pure: is the account locked at `nowMs`? */
[[nodiscard]] inline bool lockedOut(std::int64_t lockedUntilMs, std::int64_t nowMs) {
    return lockedUntilMs > nowMs;
}

/** What a failed login leaves behind: the new count and the end of the lockout (0 when none). From the fifth
 *  failure on, the lock lasts 5 minutes, doubling with each further failure up to 24 hours (timed back-off),
 *  so a person who mistyped can try again later and a guesser gets a few tries a day. */
struct AfterFailure {
    std::int64_t failedLogins = 0;
    std::int64_t lockedUntilMs = 0;
    bool lockedNow = false;
};

[[nodiscard]] AfterFailure afterFailedLogin(std::int64_t failedLogins, std::int64_t nowMs);

} // namespace fieldkit::center
