#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <QVariantMap>
#include <fieldkit/app/outbox_monitor.hpp>
#include <optional>

namespace fieldkit::app {

/** A running transfer as the daemon reports it: operations up and down, and the attachment lane (whole
 *  attachments, and encrypted bytes the center still lacks). */
struct TransferSnapshot {
    bool active = false;
    qint64 upDone = 0;
    qint64 upLeft = 0;
    qint64 downDone = 0;
    qint64 downLeft = 0;
    qint64 attachmentsDone = 0;
    qint64 attachmentsLeft = 0;
    qint64 attachmentBytesLeft = 0;

    bool operator==(const TransferSnapshot&) const = default;
};

/** What the daemon last reported, as the UI needs it. */
struct SyncStatusSnapshot {
    QString state;
    int pendingOps = 0;
    qint64 lastSuccessMs = 0;
    QString lastError;
    TransferSnapshot transfer;
};

/** Parses the daemon's status file (the narrow, data-free contract between daemon and app). */
[[nodiscard]] std::optional<SyncStatusSnapshot> parseSyncStatus(const QByteArray& json);

/**
 * Keeps the sync health line current by re-reading, every second, the daemon's status file and (with a
 * store) the local outbox, which is the truth about what has not reached the center even when the daemon
 * is not running.
 */
class SyncStatusController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString state READ state NOTIFY changed)
    Q_PROPERTY(int pendingOps READ pendingOps NOTIFY changed)
    Q_PROPERTY(QString lastSuccess READ lastSuccess NOTIFY changed)
    Q_PROPERTY(QString oldestPending READ oldestPending NOTIFY changed)
    Q_PROPERTY(int rejectedOps READ rejectedOps NOTIFY changed)
    Q_PROPERTY(QString lastRefusalCode READ lastRefusalCode NOTIFY changed)
    Q_PROPERTY(QString lastRefusal READ lastRefusal NOTIFY changed)
    Q_PROPERTY(QVariantMap transfer READ transfer NOTIFY changed)

public:
    /** `outbox` may be null (no local store); it must outlive this controller. */
    SyncStatusController(QString statusFile, OutboxMonitor* outbox, QObject* parent = nullptr);

    [[nodiscard]] QString state() const { return m_snapshot.state; }
    /** Operations not yet acknowledged: the outbox when there is one, else the daemon's count. */
    [[nodiscard]] int pendingOps() const;
    /** Local time of the last successful contact, "" when there was none. */
    [[nodiscard]] QString lastSuccess() const;
    /** When the oldest waiting operation was saved (local time), "" when nothing waits or unknown. */
    [[nodiscard]] QString oldestPending() const;
    /** Operations the center refused: they wait for a person. */
    [[nodiscard]] int rejectedOps() const { return static_cast<int>(m_outbox.rejectedOps); }
    /** Why the newest of them was refused, as a code the QML words (Texts.refusalText); "" when unknown. */
    [[nodiscard]] QString lastRefusalCode() const { return m_outbox.lastRefusalCode; }
    /** The center's own sentence for it (English), for a code this build does not know. */
    [[nodiscard]] QString lastRefusal() const { return m_outbox.lastRefusal; }
    /** The running transfer for the progress line: active, upDone, upLeft, downDone, downLeft,
     *  attachmentsDone, attachmentsLeft, attachmentBytesLeft. */
    [[nodiscard]] QVariantMap transfer() const;

    /** Asks the daemon to sync at once by dropping a `sync-now` file next to the status file (the daemon
     *  deletes it when it starts the round trip); false when the file cannot be written. */
    Q_INVOKABLE bool requestSyncNow();

public slots:
    void refresh();

signals:
    void changed();

private:
    QString m_statusFile;
    OutboxMonitor* m_outboxMonitor;
    SyncStatusSnapshot m_snapshot;
    OutboxHealth m_outbox;
    QTimer m_timer;
};

} // namespace fieldkit::app
