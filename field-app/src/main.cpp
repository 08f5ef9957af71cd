// Wires the app together: options, profile, services, QML. No logic lives here.
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QtQml/qqmlextensionplugin.h>
#include <cstdio>
#include <fieldkit/app/activity_filter.hpp>
#include <fieldkit/app/app_composition.hpp>
#include <fieldkit/app/app_log.hpp>
#include <fieldkit/app/app_options.hpp>
#include <fieldkit/app/language_controller.hpp>
#include <fieldkit/app/profile_loading.hpp>
#include <fieldkit/app/qml_loader.hpp>
#include <fieldkit/app/session_controller.hpp>
#include <fieldkit/app/store_connection.hpp>
#include <fieldkit/crypto/process_hardening.hpp>
#include <fieldkit/version.hpp>

Q_IMPORT_QML_PLUGIN(FieldkitPlugin)

namespace {

int runApp(int argc, char* argv[]) {
    QCoreApplication::setApplicationName(QStringLiteral("fieldkit"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(fieldkit::kVersion));
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        arguments << QString::fromLocal8Bit(argv[i]);
    }
    // Options and profile come before the application object: a screenshot renders at the profile's scale.
    QString error;
    const auto options = fieldkit::app::parseAppOptions(arguments, &error);
    if (!options) {
        std::fprintf(stderr, "fieldkit: %s\n", qPrintable(error));
        return 2;
    }
    auto loaded = fieldkit::app::loadAppProfile(options->profile);
    if (!loaded) {
        std::fprintf(stderr, "fieldkit: %s\n", loaded.error().message.c_str());
        return 2;
    }
    // Structured entries (journal fields under systemd, JSON lines otherwise); never personal data.
    const auto log = fieldkit::common::programLog("fieldkit");
    fieldkit::app::routeQtMessages(log);
    log.info("profile_selected", loaded->selection.reason, {{"profile", loaded->profile.name}});
    if (!options->screenshotFile.isEmpty()) {
        qputenv("QT_SCALE_FACTOR", QByteArray::number(loaded->profile.display.scale));
    }
    if (loaded->profile.input.onScreenKeyboard && !options->selfTest) {
        qputenv("QT_IM_MODULE", "qtvirtualkeyboard");
    }

    QGuiApplication app(argc, argv);
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    // Which backends: the device's encrypted store whenever the data folder has one; the in-memory demo day
    // (fictitious citizens) only when asked for (--demo) and for the self-test, which needs fixed content.
    // A folder without a store is refused rather than silently filled with demo data.
    const fieldkit::hw::SteadyClock clock;
    const fieldkit::app::WallClock wallClock = [] { return QDateTime::currentDateTime(); };
    const bool demo = options->demo || options->selfTest;
    fieldkit::app::AppBackends backends;
    if (demo) {
        backends = fieldkit::app::makeInMemoryBackends(wallClock, true);
    } else if (!fieldkit::app::StoreConnection::existsIn(options->dataDir.toStdString())) {
        std::fprintf(stderr,
                     "fieldkit: there is no device store in %s; provision one with fieldkit-ctl init, or "
                     "start with --demo\n",
                     qPrintable(options->dataDir));
        return 2;
    } else {
        auto opened = fieldkit::app::makeStoreBackends(options->dataDir);
        if (!opened) {
            // The store's sentence names the problem, never personal data.
            std::fprintf(stderr, "fieldkit: the device store cannot be opened (%s): %s\n",
                         opened.error().code.c_str(), opened.error().message.c_str());
            return 1;
        }
        backends = std::move(opened).value();
    }
    fieldkit::app::AppComposition composition(std::move(backends), loaded->profile, loaded->selection,
                                              options->dataDir, clock, wallClock);

    if (options->selfTest) {
        // Unlocked with a case open, so every page has something to bind to.
        if (!composition.prepareDemoPage(QStringLiteral("case"), QStringLiteral("1234"))) {
            std::fprintf(stderr, "fieldkit self-test: the demo session could not be prepared\n");
            return 1;
        }
        const QStringList problems =
            fieldkit::app::selfTest(composition.qmlProperties(), fieldkit::app::kPages);
        for (const auto& p : problems) {
            std::fprintf(stderr, "fieldkit self-test: %s\n", qPrintable(p));
        }
        std::fprintf(stderr, "fieldkit self-test: %s\n", problems.isEmpty() ? "passed" : "FAILED");
        return problems.isEmpty() ? 0 : 1;
    }

    QString startPage;
    if (!options->screenshotFile.isEmpty()) {
        startPage = options->page;
        // A demo and screenshot aid only: the PIN for a real store's screenshots comes from the environment
        // (never the command line, where every process can read it) and is dropped at once.
        QString pin = demo ? QStringLiteral("1234") : qEnvironmentVariable("FIELDKIT_SCREENSHOT_PIN");
        qunsetenv("FIELDKIT_SCREENSHOT_PIN");
        const bool needsSession = startPage != QLatin1String("unlock") && startPage != QLatin1String("kiosk");
        if (needsSession && pin.isEmpty()) {
            std::fprintf(stderr,
                         "fieldkit: page %s needs an unlocked store; set FIELDKIT_SCREENSHOT_PIN to show it. "
                         "Showing the unlock page.\n",
                         qPrintable(startPage));
            startPage = QStringLiteral("unlock");
        }
        if (!composition.prepareDemoPage(startPage, pin)) {
            std::fprintf(stderr, "fieldkit: page %s could not be prepared (%s)\n", qPrintable(startPage),
                         qPrintable(composition.session().errorCode()));
            return 1;
        }
    }

    fieldkit::app::ActivityFilter activity(composition.session());
    app.installEventFilter(&activity);

    QQmlApplicationEngine engine;
    composition.language().attachEngine(&engine);
    if (!fieldkit::app::loadMainWindow(engine, composition.qmlProperties(startPage))) {
        std::fprintf(stderr, "fieldkit: the main window could not be loaded\n");
        return 1;
    }
    fieldkit::app::announceFirstFrame(engine, log, loaded->profile.name);
    if (!options->screenshotFile.isEmpty()) {
        fieldkit::app::screenshotFirstFrame(engine, options->screenshotFile, [](bool ok) {
            if (!ok) {
                std::fprintf(stderr, "fieldkit: the screenshot could not be saved\n");
            }
            QCoreApplication::exit(ok ? 0 : 1);
        });
    }
    return QGuiApplication::exec();
}

} // namespace

int main(int argc, char* argv[]) {
    // The data key and every decrypted value live in this process: no core file, no ptrace by others.
    if (auto st = fieldkit::crypto::hardenProcess("fieldkit"); !st) {
        std::fprintf(stderr, "fieldkit: %s\n", st.error().message.c_str());
        return 1;
    }
    try {
        return runApp(argc, argv);
    } catch (...) {
        return fieldkit::crypto::reportUncaughtException("fieldkit");
    }
}
