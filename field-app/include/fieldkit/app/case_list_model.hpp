#pragma once

#include <QAbstractListModel>
#include <QString>
#include <vector>

namespace fieldkit::app {

/** One row of the case list: clear metadata only. */
struct CaseListRow {
    QString caseId;
    QString service;
    QString status;
    QString updated;
};

/** The cases shown on the home page. */
class CaseListModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role { CaseIdRole = Qt::UserRole + 1, ServiceRole, StatusRole, UpdatedRole };

    using QAbstractListModel::QAbstractListModel;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    void setRows(std::vector<CaseListRow> rows);

private:
    std::vector<CaseListRow> m_rows;
};

} // namespace fieldkit::app
