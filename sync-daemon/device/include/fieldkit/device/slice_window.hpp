#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <fieldkit/engine/attachment_lane.hpp>
#include <fieldkit/engine/link_pace.hpp>
#include <optional>

namespace fieldkit::device {

/**
 * The slices of one chunk a downloading device has asked for and not yet received, and which to ask for
 * next. The hub answers a device's requests in order, so several slices can be asked for at once: the link
 * never idles for a round trip between them, which on a link cut every few seconds is most of what it
 * carries. Each slice is what the hub will serve (engine::downloadSlice), so the offsets of the requests in
 * flight follow on from each other without waiting for an answer. Sizes and the number in flight come from
 * the LinkPace, which every answer teaches. No I/O.
 */
class SliceWindow {
public:
    using Clock = std::chrono::steady_clock;

    /** Asks for chunk bytes [held, chunkBytes) of a chunk of `chunkBytes` encrypted bytes. */
    SliceWindow(engine::LinkPace& pace, std::uint64_t chunkBytes, std::uint64_t held)
        : m_pace(pace)
        , m_chunkBytes(chunkBytes)
        , m_next(held) {}

    /** The next slice to ask for now, or nothing when the window is full or the rest is asked for. */
    [[nodiscard]] std::optional<engine::ChunkSlice> next() const;
    /** The request for `slice` (the one next() gave) went out as a frame of `frameBytes` at `now`. */
    void sent(const engine::ChunkSlice& slice, std::size_t frameBytes, Clock::time_point now);
    /** The slice the oldest request in flight asks for: what the next answer must carry. */
    [[nodiscard]] std::optional<engine::ChunkSlice> awaited() const;
    /** The answer to the oldest request arrived as a frame of `frameBytes`. */
    void answered(std::size_t frameBytes, Clock::time_point now);

    [[nodiscard]] bool empty() const { return m_inFlight.empty(); }
    [[nodiscard]] std::size_t inFlight() const { return m_inFlight.size(); }
    /** Bytes asked for and not yet here: what a wait must allow for. */
    [[nodiscard]] std::size_t outstandingBytes() const;

private:
    struct Asked {
        engine::ChunkSlice slice;
        std::size_t requestBytes = 0;
        Clock::time_point at;
    };

    engine::LinkPace& m_pace;
    std::uint64_t m_chunkBytes;
    std::uint64_t m_next; // first byte not yet asked for
    std::deque<Asked> m_inFlight;
    std::optional<Clock::time_point> m_lastAnswer;
};

} // namespace fieldkit::device
