#pragma once

#include <QAbstractListModel>
#include <QString>
#include <fieldkit/app/case_repository.hpp>
#include <vector>

namespace fieldkit::app {

/** The open case's timeline (who did what when), newest first; codes only, QML words them. */
class CaseTimelineModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(QString caseId READ caseId NOTIFY loadedChanged)
    Q_PROPERTY(int count READ count NOTIFY loadedChanged)

public:
    enum Role {
        AtRole = Qt::UserRole + 1, // local time as text
        StaffRole,
        KindRole,      // TimelineEvent::kind
        DetailRole,    // TimelineEvent::detail
        OperationRole, // a change rather than a look
        SyncedRole,    // a change the center acknowledged
        RepeatsRole,
    };

    explicit CaseTimelineModel(CaseRepository& repository, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString caseId() const { return m_caseId; }
    [[nodiscard]] int count() const { return static_cast<int>(m_events.size()); }

    /** Reads the timeline of `caseId` (clear metadata; not a look at the case); a failure leaves it empty. */
    Q_INVOKABLE void load(const QString& caseId);
    /** Reads the same case again (after a save or an inbound sync). */
    Q_INVOKABLE void reload();
    /** Forgets the case (lock, kiosk reset). */
    Q_INVOKABLE void clear();

signals:
    void loadedChanged();

private:
    CaseRepository& m_repository;
    QString m_caseId;
    std::vector<TimelineEvent> m_events;
};

} // namespace fieldkit::app
