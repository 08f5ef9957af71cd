#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <fieldkit/core/result.hpp>
#include <fieldkit/engine/link_pace.hpp>
#include <fieldkit/protocol/codec.hpp>
#include <fieldkit/store/sync_queue.hpp>
#include <optional>

namespace fieldkit::device {

using WindowClock = std::chrono::steady_clock;

/**
 * The pushes of one exchange that are sent and not yet answered, and what to send next. The hub answers
 * pushes in order, each applied and acknowledged durably as it arrives, so several can be in flight: the
 * link never idles for a round trip between them, and a cut costs only what was in flight. Sizes and the
 * number in flight come from the LinkPace, which learns from every answer. No I/O: the daemon and the
 * simulation drive the same decisions.
 */
class PushWindow {
public:
    PushWindow(engine::LinkPace& pace, int maxOps)
        : m_pace(pace)
        , m_maxOps(maxOps) {}

    /** The next push to send now, or nothing when the window is full or nothing is left to send. It takes
     *  the outbox operations after those already in flight. A push without operations (a pull) goes only
     *  when nothing is in flight, or while the last answer said more changes wait beyond its page. */
    [[nodiscard]] Result<std::optional<protocol::PushBatch>> next(store::SyncQueue& queue);
    /** The push went out as a frame of `frameBytes` at `now`. */
    void sent(const protocol::PushBatch& push, std::size_t frameBytes, WindowClock::time_point now);
    /** The answer to the oldest push in flight arrived, as a frame of `frameBytes`. Returns the citizen views
     *  that push carried when the answer says nothing of them (a hub older than issue 18 skips the field):
     *  the caller marks them refused as "hub_too_old" instead of sending them round after round. */
    std::vector<store::CitizenViewAnswer> answered(const protocol::SyncReply& reply, std::size_t frameBytes,
                                                   WindowClock::time_point now);
    /** No more pushes go out in this exchange (the device saw divergence, or a wipe order); the answers to
     *  those in flight are still awaited. */
    void stop() { m_stopped = true; }

    [[nodiscard]] bool empty() const { return m_inFlight.empty(); }
    [[nodiscard]] std::size_t inFlight() const { return m_inFlight.size(); }
    /** Bytes sent and not answered, plus the page each answer may bring: what a wait must allow for. */
    [[nodiscard]] std::size_t outstandingBytes() const;
    /** The newest answer said more changes wait beyond its page. */
    [[nodiscard]] bool more() const { return m_more; }

private:
    struct Sent {
        std::uint64_t lastDeviceSeq = 0; // of its operations; the previous push's for a pull
        std::size_t ops = 0;
        std::size_t bytes = 0;
        std::size_t pageBytes = 0;
        WindowClock::time_point at;
        std::vector<store::CitizenViewAnswer> views; // the citizen views it carried
    };

    engine::LinkPace& m_pace;
    int m_maxOps;
    std::deque<Sent> m_inFlight;
    std::uint64_t m_sentThrough = 0; // highest device_seq sent in this exchange
    std::optional<WindowClock::time_point> m_lastAnswer;
    bool m_more = true; // nothing answered yet: a first pull is always due
    bool m_stopped = false;
    bool m_viewsOffered = false; // one push per exchange carries the pending citizen views
};

} // namespace fieldkit::device
