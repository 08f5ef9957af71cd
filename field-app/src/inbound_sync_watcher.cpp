#include <fieldkit/app/inbound_sync_watcher.hpp>

namespace fieldkit::app {

bool storeChangedElsewhere(std::optional<std::int64_t> lastMark, std::optional<std::int64_t> mark) {
    return lastMark.has_value() && mark.has_value() && *lastMark != *mark;
}

bool openCaseOutdated(std::optional<std::int64_t> loadedRevision,
                      std::optional<std::int64_t> currentRevision) {
    return loadedRevision.has_value() && currentRevision.has_value() && *loadedRevision != *currentRevision;
}

InboundSyncWatcher::InboundSyncWatcher(InboundChangeSource& source, std::function<OpenCase()> openCase,
                                       QObject* parent)
    : QObject(parent)
    , m_source(source)
    , m_openCase(std::move(openCase)) {
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &InboundSyncWatcher::check);
}

void InboundSyncWatcher::start() {
    indexArrived();
    // The baseline comes after indexing: the app's own writes do not move the mark anyway.
    m_lastMark = m_source.externalChangeMark();
    m_timer.start();
}

void InboundSyncWatcher::stop() {
    m_timer.stop();
    m_lastMark.reset();
}

void InboundSyncWatcher::indexArrived() {
    // A failure leaves those cases unindexed until the next change; lists still show them.
    if (const auto indexed = m_source.indexArrivedCases(); indexed && *indexed > 0) {
        emit casesIndexed(*indexed);
    }
}

void InboundSyncWatcher::check() {
    const auto mark = m_source.externalChangeMark();
    const bool changed = storeChangedElsewhere(m_lastMark, mark);
    if (mark) {
        m_lastMark = mark;
    }
    if (!changed) {
        return;
    }
    indexArrived();
    emit storeChanged();
    const OpenCase open = m_openCase();
    if (!open.caseId.isEmpty() && openCaseOutdated(open.revision, m_source.caseRevision(open.caseId))) {
        emit openCaseChanged(open.caseId);
    }
}

} // namespace fieldkit::app
