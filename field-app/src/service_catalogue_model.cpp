#include <fieldkit/app/language_controller.hpp>
#include <fieldkit/app/service_catalogue_model.hpp>

namespace fieldkit::app {
namespace {

QString fromView(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

} // namespace

ServiceCatalogueModel::ServiceCatalogueModel(const core::ServiceCatalogue& catalogue,
                                             const LanguageController& language, QObject* parent)
    : QAbstractListModel(parent)
    , m_catalogue(catalogue)
    , m_language(language) {
    connect(&language, &LanguageController::languageChanged, this, [this] {
        if (rowCount() > 0) {
            emit dataChanged(index(0), index(rowCount() - 1));
        }
    });
}

int ServiceCatalogueModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_catalogue.all().size());
}

QVariant ServiceCatalogueModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const core::Service& s = m_catalogue.all()[static_cast<std::size_t>(index.row())];
    const core::Language lang = m_language.coreLanguage();
    switch (role) {
    case CodeRole:
        return fromView(s.code);
    case NameRole:
    case Qt::DisplayRole:
        return localized(s.name, lang);
    case AuthorityRole:
        return localized(s.authority, lang);
    case KleRole:
        return fromView(s.kle);
    case AttendanceRequiredRole:
        return s.personalAttendanceRequired;
    case ChecklistRole: {
        QVariantList items;
        for (const auto& item : s.checklist) {
            items.append(QVariantMap{{QStringLiteral("itemId"), item.id},
                                     {QStringLiteral("text"), localized(item.text, lang)}});
        }
        return items;
    }
    case SelfServiceUrlRole:
        return fromView(s.selfServiceUrl);
    case FeeRole:
        return localized(s.fee, lang);
    default:
        return {};
    }
}

QHash<int, QByteArray> ServiceCatalogueModel::roleNames() const {
    return {{CodeRole, "code"},
            {NameRole, "name"},
            {AuthorityRole, "authority"},
            {KleRole, "kle"},
            {AttendanceRequiredRole, "attendanceRequired"},
            {ChecklistRole, "checklist"},
            {SelfServiceUrlRole, "selfServiceUrl"},
            {FeeRole, "fee"}};
}

int ServiceCatalogueModel::indexOfCode(const QString& code) const {
    const auto all = m_catalogue.all();
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (fromView(all[i].code) == code) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

QVariantMap ServiceCatalogueModel::service(const QString& code) const {
    const int row = indexOfCode(code);
    if (row < 0) {
        return {};
    }
    QVariantMap out;
    const auto roles = roleNames();
    for (auto it = roles.cbegin(); it != roles.cend(); ++it) {
        out.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    }
    return out;
}

QString ServiceCatalogueModel::nameOf(const QString& code) const {
    const int row = indexOfCode(code);
    return row < 0 ? code : data(index(row), NameRole).toString();
}

} // namespace fieldkit::app
