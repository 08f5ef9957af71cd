#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <fieldkit/netfault/link_profile.hpp>
#include <fieldkit/netfault/prng.hpp>
#include <optional>
#include <vector>

namespace fieldkit::netfault {

using Clock = std::chrono::steady_clock;
using TimePoint = Clock::time_point;
using Nanoseconds = std::chrono::nanoseconds;

/** The size of a segment when the profile asks for none: a typical TCP payload on Ethernet. */
inline constexpr std::size_t kPacketBytes = 1460;

/** What happens when a planned chunk comes due. */
enum class ChunkAction {
    deliver, // write the bytes
    close,   // write the bytes, then close the connection (drop after N bytes)
    reset,   // reset the connection; the chunk carries no bytes
};

/** A slice [offset, offset + size) of the bytes handed to LinkShaper::plan, and when it reaches the far end.
 */
struct Chunk {
    std::size_t offset = 0;
    std::size_t size = 0;
    TimePoint deliverAt;
    ChunkAction action = ChunkAction::deliver;

    friend bool operator==(const Chunk&, const Chunk&) = default;
};

/** One direction of an emulated link: decides when each byte arrives and which faults hit it. Pure: time
 * comes in as arguments and randomness from a seeded Prng, so a test (or a replay) gets the same plan. */
class LinkShaper {
public:
    /** `start` is when the link can first carry data; stall periods count from it. */
    LinkShaper(LinkProfile profile, std::uint64_t seed, TimePoint start);

    /** Plans `bytes` bytes that arrived at `now`: cut into segments, each serialised at the bandwidth after
     * the bytes before it, then delayed by latency and jitter, never overtaking an earlier segment. A fault
     * ends the plan (its last chunk closes or resets); after that every call returns nothing. */
    [[nodiscard]] std::vector<Chunk> plan(TimePoint now, std::size_t bytes);

    /** When an end of stream (FIN) sent at `now` reaches the far end: after everything sent before it. */
    [[nodiscard]] TimePoint planEnd(TimePoint now);

    /** A close or reset has been planned; nothing more will be carried. */
    [[nodiscard]] bool finished() const { return m_finished; }
    /** How many stall periods have held data back so far (each counted once), for the fault log. */
    [[nodiscard]] std::uint64_t stallsHit() const { return m_stallsHit; }
    /** Bytes planned for delivery so far. */
    [[nodiscard]] std::uint64_t bytesPlanned() const { return m_planned; }
    [[nodiscard]] const LinkProfile& profile() const { return m_profile; }

    /** Time to put `bytes` on the wire at `bandwidthKbit` (zero when unlimited). */
    [[nodiscard]] static Nanoseconds serialization(std::size_t bytes, std::uint64_t bandwidthKbit);

private:
    [[nodiscard]] TimePoint afterStall(TimePoint t);
    [[nodiscard]] Nanoseconds drawJitter();

    LinkProfile m_profile;
    Prng m_prng;
    TimePoint m_start;
    TimePoint m_linkFreeAt;   // when the sender side has finished serialising what it was given
    TimePoint m_lastDelivery; // no chunk may arrive before this (in-order delivery)
    std::uint64_t m_planned = 0;
    std::uint64_t m_stallsHit = 0;
    std::int64_t m_lastStall = 0; // index of the last stall period that held data
    bool m_finished = false;
};

/** How many bytes one direction may hold in flight before the proxy stops reading from the sender (so the
 * sender feels back-pressure as on a real link): the bandwidth-delay product plus a router-sized buffer. */
[[nodiscard]] std::size_t queueLimit(const LinkProfile& profile);

/** Draws when the whole link drops next (profile `flaky`). */
class DropSchedule {
public:
    DropSchedule(std::optional<DropInterval> every, std::uint64_t seed);

    /** Time from now to the next drop; nullopt when the link never drops. */
    [[nodiscard]] std::optional<Milliseconds> next();

private:
    std::optional<DropInterval> m_every;
    Prng m_prng;
};

} // namespace fieldkit::netfault
