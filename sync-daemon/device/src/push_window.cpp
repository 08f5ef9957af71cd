#include <algorithm>
#include <fieldkit/device/push_window.hpp>
#include <fieldkit/device/sync_round.hpp>

namespace fieldkit::device {

Result<std::optional<protocol::PushBatch>> PushWindow::next(store::SyncQueue& queue) {
    if (m_stopped || m_inFlight.size() >= m_pace.maxInFlight()) {
        return std::optional<protocol::PushBatch>();
    }
    auto push = buildPush(queue, m_sentThrough, m_maxOps, m_pace.pushBytes());
    if (!push) {
        return push.error();
    }
    if (!m_viewsOffered) {
        m_viewsOffered = true;
        if (auto st = addCitizenViews(queue, *push, m_pace.pushBytes()); !st) {
            return st.error();
        }
    }
    const bool carries = push->ops_size() > 0 || push->citizen_views_size() > 0;
    // A pull waits for the answer before it, unless that answer already said more is waiting: pulling past
    // the head only returns an empty page, but it costs a frame each way.
    if (!carries && !m_inFlight.empty() && !(m_more && m_lastAnswer)) {
        return std::optional<protocol::PushBatch>();
    }
    if (!carries && m_inFlight.empty() && !m_more) {
        return std::optional<protocol::PushBatch>();
    }
    push->set_page_bytes(static_cast<std::uint32_t>(m_pace.pageBytes()));
    return std::optional<protocol::PushBatch>(std::move(*push));
}

void PushWindow::sent(const protocol::PushBatch& push, std::size_t frameBytes, WindowClock::time_point now) {
    if (push.ops_size() > 0) {
        m_sentThrough = std::max(m_sentThrough, push.ops(push.ops_size() - 1).device_seq());
    }
    std::vector<store::CitizenViewAnswer> views;
    for (const auto& view : push.citizen_views()) {
        views.push_back({view.reference(), view.updated_ms(), "hub_too_old"});
    }
    m_inFlight.push_back(Sent{m_sentThrough, static_cast<std::size_t>(push.ops_size()), frameBytes,
                              push.page_bytes(), now, std::move(views)});
}

std::vector<store::CitizenViewAnswer>
PushWindow::answered(const protocol::SyncReply& reply, std::size_t frameBytes, WindowClock::time_point now) {
    if (m_inFlight.empty()) {
        return {}; // an answer nothing asked for: the caller treats it as a protocol violation before this
    }
    Sent oldest = std::move(m_inFlight.front());
    m_inFlight.pop_front();
    // The link worked on this push from when it was sent, or, when it queued behind the previous one, from
    // that one's answer: so the rate measures the link, not the queue.
    const auto start = m_lastAnswer ? std::max(oldest.at, *m_lastAnswer) : oldest.at;
    m_pace.answered(oldest.bytes + frameBytes, now - start);
    m_lastAnswer = now;
    m_more = reply.more();
    if (reply.citizen_views_taken_size() == 0) {
        return std::move(oldest.views);
    }
    return {};
}

std::size_t PushWindow::outstandingBytes() const {
    std::size_t bytes = 0;
    for (const auto& s : m_inFlight) {
        bytes += s.bytes + (s.pageBytes > 0 ? s.pageBytes : protocol::kDefaultPageBytes);
    }
    return bytes;
}

} // namespace fieldkit::device
