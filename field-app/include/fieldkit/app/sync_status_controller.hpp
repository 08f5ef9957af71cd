#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <optional>

namespace fieldkit::app {

/** What the daemon last reported, as the UI needs it. */
struct SyncStatusSnapshot {
    QString state;
    int pendingOps = 0;
    qint64 lastSuccessMs = 0;
    QString lastError;
};

/** Parses the daemon's status file (the narrow, data-free contract between daemon and app). */
[[nodiscard]] std::optional<SyncStatusSnapshot> parseSyncStatus(const QByteArray& json);

/** Keeps the sync health line current by re-reading the daemon's status file every second. */
class SyncStatusController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString state READ state NOTIFY changed)
    Q_PROPERTY(int pendingOps READ pendingOps NOTIFY changed)
    Q_PROPERTY(QString lastSuccess READ lastSuccess NOTIFY changed)

public:
    explicit SyncStatusController(QString statusFile, QObject* parent = nullptr);

    [[nodiscard]] QString state() const { return m_snapshot.state; }
    [[nodiscard]] int pendingOps() const { return m_snapshot.pendingOps; }
    /** Local time of the last successful contact, "" when there was none. */
    [[nodiscard]] QString lastSuccess() const;

    /** Asks the daemon to sync at once by dropping a `sync-now` file next to the status file (the daemon
     *  deletes it when it starts the round trip); false when the file cannot be written. */
    Q_INVOKABLE bool requestSyncNow();

public slots:
    void refresh();

signals:
    void changed();

private:
    QString m_statusFile;
    SyncStatusSnapshot m_snapshot;
    QTimer m_timer;
};

} // namespace fieldkit::app
