#include <QCoreApplication>
#include <QLoggingCategory>
#include <QQmlEngine>
#include <fieldkit/app/language_controller.hpp>

namespace fieldkit::app {

LanguageController::LanguageController(QObject* parent)
    : QObject(parent) {
    if (!m_danish.load(danishCatalogue())) {
        qWarning("fieldkit: the Danish translation is missing from the resources");
    }
    setLanguage(QStringLiteral("da"));
}

LanguageController::~LanguageController() {
    if (m_installed) {
        QCoreApplication::removeTranslator(&m_danish);
    }
}

QString LanguageController::danishCatalogue() {
    return QStringLiteral(":/i18n/fieldkit_da.qm");
}

void LanguageController::setLanguage(const QString& code) {
    if (code != QLatin1String("da") && code != QLatin1String("en")) {
        qWarning("fieldkit: unknown language code ignored");
        return;
    }
    if (code == m_language) {
        return;
    }
    const bool wantDanish = code == QLatin1String("da");
    if (wantDanish && !m_installed && QCoreApplication::instance() != nullptr) {
        m_installed = QCoreApplication::installTranslator(&m_danish);
    } else if (!wantDanish && m_installed) {
        QCoreApplication::removeTranslator(&m_danish);
        m_installed = false;
    }
    m_language = code;
    if (m_engine != nullptr) {
        m_engine->setUiLanguage(code);
        m_engine->retranslate();
    }
    emit languageChanged();
}

QString localized(const core::LocalizedText& text, core::Language language) {
    const std::string_view s = text.in(language);
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

} // namespace fieldkit::app
