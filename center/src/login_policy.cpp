#include <algorithm>
#include <fieldkit/center/login_policy.hpp>

namespace fieldkit::center {

AfterFailure afterFailedLogin(std::int64_t failedLogins, std::int64_t nowMs) {
    constexpr std::int64_t kBaseMs = 5LL * 60 * 1000;
    constexpr std::int64_t kMaxMs = 24LL * 60 * 60 * 1000;
    AfterFailure out;
    out.failedLogins = failedLogins + 1;
    if (out.failedLogins < kLockoutThreshold) {
        return out;
    }
    const auto doublings = std::min<std::int64_t>(out.failedLogins - kLockoutThreshold, 10);
    out.lockedUntilMs = nowMs + std::min(kMaxMs, kBaseMs << doublings);
    out.lockedNow = true;
    return out;
}

} // namespace fieldkit::center
