#include <algorithm>
#include <fieldkit/hub/status_rate_limiter.hpp>
#include <vector>

namespace fieldkit::hub {

StatusRateLimiter::StatusRateLimiter(Limits limits)
    : m_limits(limits) {}

const StatusRateLimiter::Entry* StatusRateLimiter::current(const Map& map, const std::string& key,
                                                           std::int64_t nowMs) const {
    const auto it = map.find(key);
    if (it == map.end() || nowMs - it->second.lastFailureMs >= m_limits.forgetMs) {
        return nullptr;
    }
    return &it->second;
}

std::int64_t StatusRateLimiter::waitMs(const std::string& address, const std::string& reference,
                                       std::int64_t nowMs) {
    const std::lock_guard guard(m_lock);
    std::int64_t wait = 0;
    const Entry* byAddress = current(m_addresses, address, nowMs);
    if (byAddress != nullptr) {
        wait = std::max(wait, byAddress->lockedUntilMs - nowMs);
        // The reference's lock binds only addresses that failed before (see the header).
        if (const Entry* byReference = current(m_references, reference, nowMs); byReference != nullptr) {
            wait = std::max(wait, byReference->lockedUntilMs - nowMs);
        }
    }
    return std::max<std::int64_t>(0, wait);
}

void StatusRateLimiter::note(Map& map, const std::string& key, int free, std::int64_t nowMs) {
    auto& entry = map[key];
    if (nowMs - entry.lastFailureMs >= m_limits.forgetMs) {
        entry = Entry{};
    }
    entry.failures += 1;
    entry.lastFailureMs = nowMs;
    if (entry.failures > free) {
        const int doublings = std::min(entry.failures - free - 1, 40);
        const std::int64_t lock =
            std::min(m_limits.maxLockMs, m_limits.firstLockMs << std::min(doublings, 30));
        entry.lockedUntilMs = nowMs + lock;
    }
    if (map.size() > m_limits.maxTracked) {
        trim(map, nowMs);
    }
}

void StatusRateLimiter::trim(Map& map, std::int64_t nowMs) {
    std::erase_if(map,
                  [&](const auto& item) { return nowMs - item.second.lastFailureMs >= m_limits.forgetMs; });
    if (map.size() <= m_limits.maxTracked) {
        return;
    }
    // Still too many: drop the quarter that failed longest ago.
    std::vector<std::int64_t> times;
    times.reserve(map.size());
    for (const auto& [key, entry] : map) {
        times.push_back(entry.lastFailureMs);
    }
    const auto cut = times.begin() + static_cast<std::ptrdiff_t>(times.size() / 4);
    std::nth_element(times.begin(), cut, times.end());
    const std::int64_t oldest = *cut;
    std::erase_if(map, [&](const auto& item) { return item.second.lastFailureMs <= oldest; });
}

void StatusRateLimiter::failed(const std::string& address, const std::string& reference, std::int64_t nowMs) {
    const std::lock_guard guard(m_lock);
    note(m_addresses, address, m_limits.freePerAddress, nowMs);
    note(m_references, reference, m_limits.freePerReference, nowMs);
}

std::size_t StatusRateLimiter::trackedAddresses() const {
    const std::lock_guard guard(m_lock);
    return m_addresses.size();
}

} // namespace fieldkit::hub
