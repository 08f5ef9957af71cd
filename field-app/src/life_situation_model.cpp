#include <fieldkit/app/language_controller.hpp>
#include <fieldkit/app/life_situation_model.hpp>
#include <fieldkit/core/life_situation.hpp>

namespace fieldkit::app {
namespace {

QString fromView(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QVariantList stepsOf(core::LifeSituation situation, core::Language lang) {
    QVariantList out;
    for (const auto& step : core::lifeSituationSteps(situation)) {
        out.append(QVariantMap{{QStringLiteral("stepId"), step.id},
                               {QStringLiteral("text"), localized(step.text, lang)},
                               {QStringLiteral("serviceCode"), fromView(step.serviceCode)}});
    }
    return out;
}

} // namespace

LifeSituationModel::LifeSituationModel(const LanguageController& language, QObject* parent)
    : QAbstractListModel(parent)
    , m_language(language) {
    connect(&language, &LanguageController::languageChanged, this,
            [this] { emit dataChanged(index(0), index(rowCount() - 1)); });
}

int LifeSituationModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(core::kAllLifeSituations.size());
}

QVariant LifeSituationModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto situation = core::kAllLifeSituations[static_cast<std::size_t>(index.row())];
    const core::Language lang = m_language.coreLanguage();
    switch (role) {
    case CodeRole:
        return fromView(core::toString(situation));
    case NameRole:
    case Qt::DisplayRole:
        return localized(core::lifeSituationName(situation), lang);
    case StepsRole:
        return stepsOf(situation, lang);
    default:
        return {};
    }
}

QHash<int, QByteArray> LifeSituationModel::roleNames() const {
    return {{CodeRole, "code"}, {NameRole, "name"}, {StepsRole, "steps"}};
}

QVariantList LifeSituationModel::steps(const QString& code) const {
    const auto situation = core::lifeSituationFromString(code.toStdString());
    return situation ? stepsOf(*situation, m_language.coreLanguage()) : QVariantList{};
}

} // namespace fieldkit::app
