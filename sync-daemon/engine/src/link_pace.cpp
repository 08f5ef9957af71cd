#include <algorithm>
#include <fieldkit/engine/link_pace.hpp>

namespace fieldkit::engine {

namespace {

/** Without a measurement a wait assumes a link this slow (a poor 2G link), so the first push is never given
 *  up on merely because nothing is known yet. */
constexpr double kAssumedBytesPerSecond = 2000.0;
/** Weight of the newest sample in the rate: a few answers settle it, one odd answer does not. */
constexpr double kRateWeight = 0.4;
// Low enough that cuts alone bring both sizes to their minimum whatever rate was measured: a fast link that
// lives for only a few kilobytes must still carry a smallest push and page.
constexpr double kSmallestCutFactor = 1.0 / 4096;
constexpr double kRecovery = 1.25;
constexpr double kGrowth = 4.0;

std::size_t clampBytes(double bytes, std::size_t lo, std::size_t hi) {
    if (!(bytes > static_cast<double>(lo))) {
        return lo;
    }
    return bytes >= static_cast<double>(hi) ? hi : static_cast<std::size_t>(bytes);
}

} // namespace

LinkPace::LinkPace(PaceLimits limits)
    : m_limits(limits)
    , m_push(limits.startPushBytes)
    , m_page(clampBytes(static_cast<double>(limits.startPushBytes) * 2, limits.minPageBytes,
                        limits.maxPageBytes)) {}

LinkPace::LinkPace(const Memory& memory, PaceLimits limits)
    : LinkPace(limits) {
    if (memory.bytesPerSecond > 0 && memory.bytesPerSecond < 1e12) {
        m_rate = memory.bytesPerSecond;
    }
    if (memory.pushBytes > 0) {
        const auto bytes = static_cast<double>(memory.pushBytes);
        m_push = clampBytes(bytes, m_limits.minPushBytes, m_limits.maxPushBytes);
        m_page = clampBytes(bytes, m_limits.minPageBytes, m_limits.maxPageBytes);
    }
    if (memory.cutFactor > 0 && memory.cutFactor <= 1.0) {
        m_cutFactor = std::max(kSmallestCutFactor, memory.cutFactor);
    }
}

void LinkPace::answered(std::size_t bytes, PaceDuration busy) {
    const double seconds = std::max(std::chrono::duration<double>(busy).count(), 0.001);
    const double sample = static_cast<double>(bytes) / seconds;
    m_rate = m_rate ? (1.0 - kRateWeight) * *m_rate + kRateWeight * sample : sample;
    m_cutFactor = std::min(1.0, m_cutFactor * kRecovery);
    const double target = *m_rate * std::chrono::duration<double>(m_limits.pushTime).count() * m_cutFactor;
    // Grow at most fourfold per answer (a fast first answer on a tiny push proves little); shrink at once
    // when the link turns out slower.
    m_push = clampBytes(std::min(target, kGrowth * static_cast<double>(m_push)), m_limits.minPushBytes,
                        m_limits.maxPushBytes);
    m_page = clampBytes(std::min(target, kGrowth * static_cast<double>(m_page)), m_limits.minPageBytes,
                        m_limits.maxPageBytes);
}

void LinkPace::cut() {
    m_cutFactor = std::max(kSmallestCutFactor, m_cutFactor / 2);
    m_push = clampBytes(static_cast<double>(m_push) / 2, m_limits.minPushBytes, m_limits.maxPushBytes);
    m_page = clampBytes(static_cast<double>(m_page) / 2, m_limits.minPageBytes, m_limits.maxPageBytes);
}

PaceDuration LinkPace::answerDeadline(std::size_t outstandingBytes) const {
    const double rate = m_rate.value_or(kAssumedBytesPerSecond);
    // Capped at the ceiling before the conversion, which overflows (undefined) for absurd byte counts.
    const double seconds = std::min(2.0 * static_cast<double>(outstandingBytes) / std::max(rate, 1.0),
                                    std::chrono::duration<double>(m_limits.ceiling).count());
    const auto needed = std::chrono::duration_cast<PaceDuration>(std::chrono::duration<double>(seconds));
    return std::clamp<PaceDuration>(m_limits.floor + needed, m_limits.floor, m_limits.ceiling);
}

} // namespace fieldkit::engine
