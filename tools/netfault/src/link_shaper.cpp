#include <algorithm>
#include <fieldkit/netfault/link_shaper.hpp>

namespace fieldkit::netfault {

LinkShaper::LinkShaper(LinkProfile profile, std::uint64_t seed, TimePoint start)
    : m_profile(std::move(profile))
    , m_prng(seed)
    , m_start(start)
    , m_linkFreeAt(start)
    , m_lastDelivery(start) {}

Nanoseconds LinkShaper::serialization(std::size_t bytes, std::uint64_t bandwidthKbit) {
    if (bandwidthKbit == 0) {
        return Nanoseconds(0);
    }
    // bytes * 8 bit / (kbit * 1000 bit/s) seconds, in nanoseconds; cannot overflow for any read size.
    const auto nanos = static_cast<std::uint64_t>(bytes) * 8'000'000ULL / bandwidthKbit;
    return Nanoseconds(static_cast<Nanoseconds::rep>(nanos));
}

TimePoint LinkShaper::afterStall(TimePoint t) {
    if (m_profile.stall.count() <= 0 || t < m_start) {
        return t;
    }
    const Nanoseconds period = m_profile.stallEvery;
    const Nanoseconds sinceStart = t - m_start;
    const auto k = sinceStart / period; // stalls begin at k * period for k >= 1
    const Nanoseconds intoPeriod = sinceStart - k * period;
    if (k >= 1 && intoPeriod < m_profile.stall) {
        if (k != m_lastStall) {
            m_lastStall = k;
            ++m_stallsHit;
        }
        return m_start + k * period + Nanoseconds(m_profile.stall);
    }
    return t;
}

Nanoseconds LinkShaper::drawJitter() {
    if (m_profile.jitter.count() <= 0) {
        return Nanoseconds(0);
    }
    const auto maxNanos = static_cast<std::uint64_t>(Nanoseconds(m_profile.jitter).count());
    return Nanoseconds(static_cast<Nanoseconds::rep>(m_prng.between(0, maxNanos)));
}

std::vector<Chunk> LinkShaper::plan(TimePoint now, std::size_t bytes) {
    std::vector<Chunk> chunks;
    const std::size_t segment = m_profile.segmentBytes > 0 ? m_profile.segmentBytes : kPacketBytes;
    std::size_t offset = 0;
    while (!m_finished && offset < bytes) {
        std::size_t size = std::min(bytes - offset, segment);
        bool last = false;
        if (m_profile.dropAfterBytes > 0) {
            const std::uint64_t left = m_profile.dropAfterBytes - m_planned;
            if (size >= left) {
                size = static_cast<std::size_t>(left);
                last = true;
            }
        }
        // Store and forward: a chunk starts only once the one before it has arrived at the far end.
        const TimePoint earliest =
            m_profile.perChunkLatency ? std::max(m_linkFreeAt, m_lastDelivery) : m_linkFreeAt;
        const TimePoint sendAt = afterStall(std::max(now, earliest));
        m_linkFreeAt = sendAt + serialization(size, m_profile.bandwidthKbit);
        const TimePoint arrives =
            std::max(m_linkFreeAt + Nanoseconds(m_profile.latency) + drawJitter(), m_lastDelivery);
        m_lastDelivery = arrives;
        if (m_prng.chance(m_profile.resetProbability)) {
            chunks.push_back(Chunk{offset, 0, arrives, ChunkAction::reset});
            m_finished = true;
            break;
        }
        chunks.push_back(Chunk{offset, size, arrives, last ? ChunkAction::close : ChunkAction::deliver});
        m_planned += size;
        offset += size;
        m_finished = last;
    }
    return chunks;
}

TimePoint LinkShaper::planEnd(TimePoint now) {
    const TimePoint sendAt = afterStall(std::max(now, m_linkFreeAt));
    m_lastDelivery = std::max(sendAt + Nanoseconds(m_profile.latency), m_lastDelivery);
    return m_lastDelivery;
}

std::size_t queueLimit(const LinkProfile& profile) {
    constexpr std::size_t kBuffer = 64 * 1024;
    if (profile.bandwidthKbit == 0) {
        return 4 * 1024 * 1024;
    }
    const auto delay = std::chrono::duration_cast<Milliseconds>(profile.latency + profile.jitter).count();
    const auto bytesInFlight = profile.bandwidthKbit * 1000 / 8 * static_cast<std::uint64_t>(delay) / 1000;
    return kBuffer + static_cast<std::size_t>(bytesInFlight);
}

DropSchedule::DropSchedule(std::optional<DropInterval> every, std::uint64_t seed)
    : m_every(every)
    , m_prng(seed) {}

std::optional<Milliseconds> DropSchedule::next() {
    if (!m_every) {
        return std::nullopt;
    }
    const auto lo = static_cast<std::uint64_t>(m_every->min.count());
    const auto hi = static_cast<std::uint64_t>(m_every->max.count());
    return Milliseconds(static_cast<Milliseconds::rep>(m_prng.between(lo, hi)));
}

} // namespace fieldkit::netfault
