// Wires the app together: options, services, QML. No logic lives here.
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QtQml/qqmlextensionplugin.h>
#include <cstdio>
#include <fieldkit/app/app_options.hpp>
#include <fieldkit/app/case_list_model.hpp>
#include <fieldkit/app/qml_loader.hpp>
#include <fieldkit/app/sync_status_controller.hpp>
#include <fieldkit/version.hpp>

Q_IMPORT_QML_PLUGIN(FieldkitPlugin)

int main(int argc, char* argv[]) {
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("fieldkit"));
    QGuiApplication::setApplicationVersion(QString::fromLatin1(fieldkit::kVersion));
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    QString error;
    const auto options = fieldkit::app::parseAppOptions(QGuiApplication::arguments(), &error);
    if (!options) {
        std::fprintf(stderr, "fieldkit: %s\n", qPrintable(error));
        return 2;
    }

    fieldkit::app::CaseListModel cases;
    fieldkit::app::SyncStatusController syncStatus(options->dataDir + QStringLiteral("/sync/status.json"));
    const QVariantMap services{{QStringLiteral("caseModel"), QVariant::fromValue(&cases)},
                               {QStringLiteral("syncStatus"), QVariant::fromValue(&syncStatus)}};

    if (options->selfTest) {
        const QStringList problems = fieldkit::app::selfTest(services);
        for (const auto& p : problems) {
            std::fprintf(stderr, "fieldkit self-test: %s\n", qPrintable(p));
        }
        std::fprintf(stderr, "fieldkit self-test: %s\n", problems.isEmpty() ? "passed" : "FAILED");
        return problems.isEmpty() ? 0 : 1;
    }

    QQmlApplicationEngine engine;
    if (!fieldkit::app::loadMainWindow(engine, services)) {
        std::fprintf(stderr, "fieldkit: the main window could not be loaded\n");
        return 1;
    }
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
