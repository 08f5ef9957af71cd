#include <fieldkit/app/case_timeline_model.hpp>

namespace fieldkit::app {

CaseTimelineModel::CaseTimelineModel(CaseRepository& repository, QObject* parent)
    : QAbstractListModel(parent)
    , m_repository(repository) {}

int CaseTimelineModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

QVariant CaseTimelineModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& e = m_events[static_cast<std::size_t>(index.row())];
    switch (role) {
    case AtRole:
    case Qt::DisplayRole:
        return e.at.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case StaffRole:
        return e.staff;
    case KindRole:
        return e.kind;
    case DetailRole:
        return e.detail;
    case OperationRole:
        return e.operation;
    case SyncedRole:
        return e.synced;
    case RepeatsRole:
        return e.repeats;
    default:
        return {};
    }
}

QHash<int, QByteArray> CaseTimelineModel::roleNames() const {
    return {{AtRole, "at"},          {StaffRole, "staff"},         {KindRole, "kind"},
            {DetailRole, "detail"},  {OperationRole, "operation"}, {SyncedRole, "synced"},
            {RepeatsRole, "repeats"}};
}

void CaseTimelineModel::load(const QString& caseId) {
    beginResetModel();
    m_caseId = caseId;
    m_events.clear();
    if (!caseId.isEmpty()) {
        if (auto events = m_repository.timeline(caseId); events) {
            m_events = std::move(events).value();
        }
    }
    endResetModel();
    emit loadedChanged();
}

void CaseTimelineModel::reload() {
    load(m_caseId);
}

void CaseTimelineModel::clear() {
    load({});
}

} // namespace fieldkit::app
