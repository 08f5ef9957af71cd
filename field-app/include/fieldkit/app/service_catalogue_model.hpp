#pragma once

#include <QAbstractListModel>
#include <QVariantMap>
#include <fieldkit/core/service_catalogue.hpp>

namespace fieldkit::app {

class LanguageController;

/** The service catalogue as tiles: names, authority, attendance, checklist and self-service link. */
class ServiceCatalogueModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count CONSTANT)

public:
    enum Role {
        CodeRole = Qt::UserRole + 1,
        NameRole,
        AuthorityRole,
        KleRole,
        AttendanceRequiredRole,
        ChecklistRole, // QVariantList of {itemId, text}
        SelfServiceUrlRole,
        FeeRole,
    };

    ServiceCatalogueModel(const core::ServiceCatalogue& catalogue, const LanguageController& language,
                          QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int count() const { return rowCount(); }

    /** Row of the service with this code, -1 when unknown. */
    Q_INVOKABLE int indexOfCode(const QString& code) const;
    /** Every role of the service with this code as a map (empty when unknown). */
    Q_INVOKABLE QVariantMap service(const QString& code) const;
    /** The service's name in the current language, or the code itself when this version does not know it. */
    Q_INVOKABLE QString nameOf(const QString& code) const;

private:
    const core::ServiceCatalogue& m_catalogue;
    const LanguageController& m_language;
};

} // namespace fieldkit::app
