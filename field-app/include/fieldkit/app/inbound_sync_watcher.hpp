#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <cstdint>
#include <fieldkit/app/inbound_change_source.hpp>
#include <functional>
#include <optional>

namespace fieldkit::app {

/** Whether the store changed under the app since the last look: both marks known and different. The first
 *  look after an unlock only sets the baseline (the unlock itself loaded everything). */
[[nodiscard]] bool storeChangedElsewhere(std::optional<std::int64_t> lastMark,
                                         std::optional<std::int64_t> mark);

/** Whether the open case must be decrypted again: the store now holds operations the loaded copy lacks. */
[[nodiscard]] bool openCaseOutdated(std::optional<std::int64_t> loadedRevision,
                                    std::optional<std::int64_t> currentRevision);

/**
 * Notices, twice a second, that the sync daemon applied inbound changes (or acknowledgements) and says so:
 * indexes arrived cases, then `storeChanged` (lists, counters, sync line refresh) and, when the open case was
 * touched, `openCaseChanged`.
 *
 * Why `PRAGMA data_version` on the session's own connection rather than the WAL file or the daemon's status
 * file: it changes exactly when another connection commits and never for this connection's own writes (so
 * the audit entry a refresh writes cannot trigger another refresh), it needs no key and nothing from the
 * daemon (which stays blind and may not even run), it is a read of the shared-memory header (no I/O), and
 * it does not miss a commit the way file times do (checkpoints, truncation, one-second granularity).
 */
class InboundSyncWatcher : public QObject {
    Q_OBJECT

public:
    static constexpr int kIntervalMs = 500; // so the app learns of a change well within a second

    /** `source` must outlive the watcher; `openCase` answers the open case's id and the revision it was
     *  loaded at (empty id when none is open). */
    struct OpenCase {
        QString caseId;
        std::optional<std::int64_t> revision;
    };
    InboundSyncWatcher(InboundChangeSource& source, std::function<OpenCase()> openCase,
                       QObject* parent = nullptr);

    /** Start watching (after unlock): indexes what arrived while locked and takes the baseline. */
    void start();
    /** Stop watching (on lock): the next start takes a new baseline. */
    void stop();
    [[nodiscard]] bool active() const { return m_timer.isActive(); }

public slots:
    /** One look; the timer calls it. */
    void check();

signals:
    /** Another process committed: re-read lists and counters, keeping the user's place. */
    void storeChanged();
    /** An inbound operation touched the open case. */
    void openCaseChanged(const QString& caseId);
    /** Cases that arrived from other devices became findable by CPR. */
    void casesIndexed(int count);

private:
    void indexArrived();

    InboundChangeSource& m_source;
    std::function<OpenCase()> m_openCase;
    std::optional<std::int64_t> m_lastMark;
    QTimer m_timer;
};

} // namespace fieldkit::app
