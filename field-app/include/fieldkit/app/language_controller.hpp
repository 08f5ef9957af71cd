#pragma once

#include <QObject>
#include <QString>
#include <QTranslator>
#include <fieldkit/core/localized_text.hpp>

class QQmlEngine;

namespace fieldkit::app {

/** The UI language: Danish by default, English on request, switched at run time without a restart. */
class LanguageController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)

public:
    /** Installs the Danish translation at once, so the first frame is Danish. */
    explicit LanguageController(QObject* parent = nullptr);
    ~LanguageController() override;

    /** "da" or "en". */
    [[nodiscard]] QString language() const { return m_language; }
    [[nodiscard]] core::Language coreLanguage() const {
        return m_language == QLatin1String("en") ? core::Language::English : core::Language::Danish;
    }
    /** Unknown codes are ignored (and logged): the UI must never end up without a language. */
    void setLanguage(const QString& code);

    /** The engine whose bindings are re-evaluated on a switch; may be null. */
    void attachEngine(QQmlEngine* engine) { m_engine = engine; }

    /** Path of the compiled Danish catalogue inside the resources. */
    static QString danishCatalogue();

signals:
    void languageChanged();

private:
    QTranslator m_danish;
    bool m_installed = false;
    QString m_language;
    QQmlEngine* m_engine = nullptr;
};

/** A core text in the given language, as a QString. */
[[nodiscard]] QString localized(const core::LocalizedText& text, core::Language language);

} // namespace fieldkit::app
