#include <QCommandLineParser>
#include <QDir>
#include <fieldkit/app/app_options.hpp>

namespace fieldkit::app {

std::optional<AppOptions> parseAppOptions(const QStringList& arguments, QString* error) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("fieldkit – the field kit for mobile citizen service"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption data(QStringLiteral("data"),
                                  QStringLiteral("Device data folder; the app runs on its store.db (without "
                                                 "one, only --demo starts)."),
                                  QStringLiteral("DIR"),
                                  QDir::homePath() + QStringLiteral("/.local/share/fieldkit"));
    const QCommandLineOption profile(QStringLiteral("profile"), QStringLiteral("Hardware profile name."),
                                     QStringLiteral("NAME"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Save the first frame as PNG and exit. Pages behind the "
                       "lock need the PIN in FIELDKIT_SCREENSHOT_PIN (a demo "
                       "and screenshot aid; --demo needs none)."),
        QStringLiteral("FILE"));
    const QCommandLineOption page(QStringLiteral("page"), QStringLiteral("Page to show for --screenshot."),
                                  QStringLiteral("NAME"), QStringLiteral("home"));
    const QCommandLineOption selfTest(QStringLiteral("self-test"),
                                      QStringLiteral("Load every QML file and exit."));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QStringLiteral("Run on in-memory demo data (fictitious citizens) instead of the device store."));
    parser.addOptions({data, profile, screenshot, page, selfTest, demo});
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        parser.showHelp(0);
    }
    if (parser.isSet(QStringLiteral("version"))) {
        parser.showVersion();
    }
    if (!parser.positionalArguments().isEmpty()) {
        *error = QStringLiteral("Unexpected argument: ") + parser.positionalArguments().constFirst();
        return std::nullopt;
    }
    if (!kPages.contains(parser.value(page))) {
        *error = QStringLiteral("Unknown page (use one of: ") + kPages.join(QStringLiteral(", ")) +
                 QLatin1Char(')');
        return std::nullopt;
    }
    return AppOptions{parser.value(data), parser.value(profile),  parser.value(screenshot),
                      parser.value(page), parser.isSet(selfTest), parser.isSet(demo)};
}

} // namespace fieldkit::app
