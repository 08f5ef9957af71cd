#include <algorithm>
#include <cassert>
#include <fieldkit/engine/backoff.hpp>

namespace fieldkit::engine {

std::chrono::milliseconds backoffDelay(const BackoffPolicy& policy, std::uint32_t attempt,
                                       double unitRandom) {
    assert(unitRandom >= 0.0 && unitRandom < 1.0);
    // Double until the cap; stop shifting early so large attempt counts cannot overflow.
    const auto cap = policy.cap.count();
    std::int64_t ceiling = policy.base.count();
    for (std::uint32_t i = 0; i < attempt && ceiling < cap; ++i) {
        ceiling *= 2;
    }
    ceiling = std::min(ceiling, cap);
    return std::chrono::milliseconds(static_cast<std::int64_t>(unitRandom * static_cast<double>(ceiling)));
}

} // namespace fieldkit::engine
