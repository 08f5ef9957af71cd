#pragma once

#include <QAbstractListModel>

namespace fieldkit::app {

class LanguageController;

/** The life situations (moving, new child, retirement) with their proactive checklists. */
class LifeSituationModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        CodeRole = Qt::UserRole + 1,
        NameRole,
        StepsRole, // QVariantList of {stepId, text, serviceCode}
    };

    explicit LifeSituationModel(const LanguageController& language, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /** The steps of the situation with this code; empty for an unknown code. */
    Q_INVOKABLE QVariantList steps(const QString& code) const;

private:
    const LanguageController& m_language;
};

} // namespace fieldkit::app
