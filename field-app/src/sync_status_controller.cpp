#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <fieldkit/app/sync_status_controller.hpp>

namespace fieldkit::app {

std::optional<SyncStatusSnapshot> parseSyncStatus(const QByteArray& json) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    SyncStatusSnapshot s;
    s.state = o.value("state").toString();
    s.pendingOps = o.value("pending_ops").toInt();
    s.lastSuccessMs = o.value("last_success_ms").toInteger();
    s.lastError = o.value("last_error").toString();
    const QJsonObject progress = o.value("progress").toObject();
    const auto figures = [&](const char* lane) { return progress.value(QLatin1String(lane)).toObject(); };
    s.transfer.active = progress.value("active").toBool();
    s.transfer.upDone = figures("up").value("items_done").toInteger();
    s.transfer.upLeft = figures("up").value("items_left").toInteger();
    s.transfer.downDone = figures("down").value("items_done").toInteger();
    s.transfer.downLeft = figures("down").value("items_left").toInteger();
    s.transfer.attachmentsDone = figures("attachments").value("items_done").toInteger();
    s.transfer.attachmentsLeft = figures("attachments").value("items_left").toInteger();
    s.transfer.attachmentBytesLeft = figures("attachments").value("bytes_left").toInteger();
    return s;
}

SyncStatusController::SyncStatusController(QString statusFile, OutboxMonitor* outbox, QObject* parent)
    : QObject(parent)
    , m_statusFile(std::move(statusFile))
    , m_outboxMonitor(outbox) {
    m_snapshot.state = QStringLiteral("unknown");
    // Polling a tiny file once a second is cheaper and more robust than watching a file that is replaced
    // by rename (watchers lose track of the inode).
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &SyncStatusController::refresh);
    m_timer.start();
    refresh();
}

int SyncStatusController::pendingOps() const {
    return m_outboxMonitor != nullptr ? static_cast<int>(m_outbox.pendingOps) : m_snapshot.pendingOps;
}

QString SyncStatusController::oldestPending() const {
    if (!m_outbox.oldestPending.isValid()) {
        return {};
    }
    const QDateTime at = m_outbox.oldestPending;
    return at.date() == QDate::currentDate() ? at.toString(QStringLiteral("HH:mm"))
                                             : at.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString SyncStatusController::lastSuccess() const {
    if (m_snapshot.lastSuccessMs <= 0) {
        return {};
    }
    return QDateTime::fromMSecsSinceEpoch(m_snapshot.lastSuccessMs).toString(QStringLiteral("HH:mm"));
}

QVariantMap SyncStatusController::transfer() const {
    const TransferSnapshot& t = m_snapshot.transfer;
    return {{QStringLiteral("active"), t.active},
            {QStringLiteral("upDone"), t.upDone},
            {QStringLiteral("upLeft"), t.upLeft},
            {QStringLiteral("downDone"), t.downDone},
            {QStringLiteral("downLeft"), t.downLeft},
            {QStringLiteral("attachmentsDone"), t.attachmentsDone},
            {QStringLiteral("attachmentsLeft"), t.attachmentsLeft},
            {QStringLiteral("attachmentBytesLeft"), t.attachmentBytesLeft}};
}

bool SyncStatusController::requestSyncNow() {
    const QFileInfo status(m_statusFile);
    if (!QDir().mkpath(status.absolutePath())) {
        return false;
    }
    QSaveFile request(status.absolutePath() + QStringLiteral("/sync-now"));
    if (!request.open(QIODevice::WriteOnly)) {
        return false;
    }
    request.write(QByteArray::number(QDateTime::currentMSecsSinceEpoch()));
    return request.commit();
}

void SyncStatusController::refresh() {
    QFile file(m_statusFile);
    std::optional<SyncStatusSnapshot> next;
    if (file.open(QIODevice::ReadOnly)) {
        next = parseSyncStatus(file.readAll());
    }
    if (!next) {
        next = SyncStatusSnapshot{QStringLiteral("unknown"), 0, 0, {}, {}};
    }
    OutboxHealth outbox;
    if (m_outboxMonitor != nullptr) {
        // A failed read (the daemon holding a write lock) keeps the last figures rather than showing zero.
        auto health = m_outboxMonitor->health();
        outbox = health ? *health : m_outbox;
    }
    const bool outboxChanged = outbox != m_outbox;
    if (outboxChanged || next->state != m_snapshot.state || next->pendingOps != m_snapshot.pendingOps ||
        next->lastSuccessMs != m_snapshot.lastSuccessMs || next->lastError != m_snapshot.lastError ||
        next->transfer != m_snapshot.transfer) {
        m_snapshot = *next;
        m_outbox = outbox;
        emit changed();
    }
}

} // namespace fieldkit::app
