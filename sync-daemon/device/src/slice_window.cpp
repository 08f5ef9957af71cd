#include <fieldkit/device/slice_window.hpp>

namespace fieldkit::device {

std::optional<engine::ChunkSlice> SliceWindow::next() const {
    if (m_next >= m_chunkBytes || m_inFlight.size() >= m_pace.maxInFlight()) {
        return std::nullopt;
    }
    const auto wanted =
        engine::nextSliceBytes(m_chunkBytes - m_next, m_pace.pushBytes(), m_pace.limits().minPushBytes);
    return engine::downloadSlice(m_chunkBytes, m_next, wanted);
}

void SliceWindow::sent(const engine::ChunkSlice& slice, std::size_t frameBytes, Clock::time_point now) {
    m_inFlight.push_back({slice, frameBytes, now});
    m_next = slice.offset + slice.bytes;
}

std::optional<engine::ChunkSlice> SliceWindow::awaited() const {
    if (m_inFlight.empty()) {
        return std::nullopt;
    }
    return m_inFlight.front().slice;
}

void SliceWindow::answered(std::size_t frameBytes, Clock::time_point now) {
    if (m_inFlight.empty()) {
        return;
    }
    const Asked oldest = m_inFlight.front();
    m_inFlight.pop_front();
    // As for pushes: the link worked on this slice from its request, or from the previous answer when it
    // queued behind that one, so the rate measures the link and not the queue.
    const auto start = m_lastAnswer ? std::max(oldest.at, *m_lastAnswer) : oldest.at;
    m_pace.answered(oldest.requestBytes + frameBytes, now - start);
    m_lastAnswer = now;
}

std::size_t SliceWindow::outstandingBytes() const {
    std::size_t bytes = 0;
    for (const auto& asked : m_inFlight) {
        bytes += asked.requestBytes + asked.slice.bytes;
    }
    return bytes;
}

} // namespace fieldkit::device
