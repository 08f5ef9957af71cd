#pragma once

#include <chrono>
#include <cstdint>

namespace fieldkit::engine {

/** Retry timing for an intermittent link: exponential with full jitter, so a fleet of bikes coming back into
 *  coverage at once does not hammer the hub in lockstep. */
struct BackoffPolicy {
    std::chrono::milliseconds base{1000};
    std::chrono::milliseconds cap{10 * 60 * 1000};
};

/** Delay before retry number `attempt` (0 = first retry); `unitRandom` in [0, 1) comes from the caller's
 *  random source, so the decision stays a pure function. */
[[nodiscard]] std::chrono::milliseconds backoffDelay(const BackoffPolicy& policy, std::uint32_t attempt,
                                                     double unitRandom);

} // namespace fieldkit::engine
