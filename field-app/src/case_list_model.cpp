#include <fieldkit/app/case_list_model.hpp>

namespace fieldkit::app {

int CaseListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant CaseListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case CaseIdRole:
        return row.caseId;
    case ServiceRole:
    case Qt::DisplayRole:
        return row.service;
    case StatusRole:
        return row.status;
    case UpdatedRole:
        return row.updated;
    default:
        return {};
    }
}

QHash<int, QByteArray> CaseListModel::roleNames() const {
    return {
        {CaseIdRole, "caseId"}, {ServiceRole, "service"}, {StatusRole, "status"}, {UpdatedRole, "updated"}};
}

void CaseListModel::setRows(std::vector<CaseListRow> rows) {
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

} // namespace fieldkit::app
