#pragma once

#include <chrono>
#include <cstddef>
#include <optional>

namespace fieldkit::engine {

using PaceDuration = std::chrono::steady_clock::duration;

/** Bounds of the pacing. The defaults span a 2G link that carries a few kilobytes a second to LTE. */
struct PaceLimits {
    std::size_t minPushBytes = 2 * 1024;     // smallest push budget (one operation always fits anyway)
    std::size_t startPushBytes = 16 * 1024;  // before anything is measured (3 s of 2G, a blink of LTE)
    std::size_t maxPushBytes = 256 * 1024;   // larger pushes only add to what a cut can cost
    std::size_t minPageBytes = 4 * 1024;     // smallest page of changes asked for
    std::size_t maxPageBytes = 256 * 1024;   // protocol::kDefaultPageBytes
    std::chrono::milliseconds pushTime{800}; // a push is sized to keep the link busy about this long
    std::size_t maxInFlight = 3;             // pushes sent and not yet answered
    std::chrono::milliseconds floor{8000};   // shortest wait for an answer, and the stall window
    std::chrono::milliseconds ceiling{120000};
};

/**
 * What a device has measured of its link, and the decisions that follow from it: how large the next push
 * is, how large a page of changes to ask for, how many pushes may be in flight, and how long to wait for an
 * answer. Pure (time comes in as arguments), so the simulation drives the same decisions as the daemon.
 *
 * Sizes follow the measured delivery rate (bytes answered per second of link time), so a push takes about
 * `pushTime` on any link: large on LTE, a few kilobytes on 2G, where a cut then costs little. A push grows
 * at most fourfold per answer (a first fast answer proves little), and a cut halves the sizes until answers
 * come back again, so a link that is cut every few seconds is used in pieces that fit between the cuts. Cuts
 * alone bring the sizes down to their minimum, whatever rate was measured before: a link that carries a
 * smallest push and a smallest page always moves something.
 */
class LinkPace {
public:
    /** What a pace has learnt, kept between processes (a device's daemon restarts; each `sync-once` is a
     *  process of its own), so a link known to cut is not first tried with large pushes again. */
    struct Memory {
        double bytesPerSecond = 0; // 0: nothing measured
        std::size_t pushBytes = 0;
        double cutFactor = 1.0;
    };

    explicit LinkPace(PaceLimits limits = {});
    /** A pace that goes on from `memory` (values out of range are brought within the limits). */
    LinkPace(const Memory& memory, PaceLimits limits);

    [[nodiscard]] Memory memory() const { return {m_rate.value_or(0.0), m_push, m_cutFactor}; }

    /** One push was answered: `bytes` crossed the link for it (push and reply), and the link worked on it
     *  for `busy` (from when it was sent, or from the previous answer if it queued behind that one). */
    void answered(std::size_t bytes, PaceDuration busy);
    /** The connection was cut, or a wait ran out, while pushes were in flight. */
    void cut();

    /** Budget of the next push in bytes (operations are added until the next would exceed it). */
    [[nodiscard]] std::size_t pushBytes() const { return m_push; }
    /** The largest page of changes to ask for in the reply to a push. */
    [[nodiscard]] std::size_t pageBytes() const { return m_page; }
    [[nodiscard]] std::size_t maxInFlight() const { return m_limits.maxInFlight; }
    /** How long to wait for the next answer while `outstandingBytes` (sent, unanswered, and the expected
     *  reply) are on their way: the time the measured rate needs for them twice over, within the floor and
     *  the ceiling. The daemon extends a wait that runs out while bytes are still moving, so this is the
     *  time after which a link that carries nothing counts as lost. */
    [[nodiscard]] PaceDuration answerDeadline(std::size_t outstandingBytes) const;
    /** Measured delivery rate, bytes per second; nothing before the first answer. */
    [[nodiscard]] std::optional<double> bytesPerSecond() const { return m_rate; }
    [[nodiscard]] const PaceLimits& limits() const { return m_limits; }

private:
    PaceLimits m_limits;
    std::size_t m_push;
    std::size_t m_page;
    std::optional<double> m_rate;
    double m_cutFactor = 1.0; // shrinks with each cut, recovers with each answer
};

} // namespace fieldkit::engine
