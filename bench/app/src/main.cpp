// Wires the app benchmark: options, the offscreen platform, then runs it (or one cold-start child).
#include "app_benchmark.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QtQml/qqmlextensionplugin.h>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

Q_IMPORT_QML_PLUGIN(FieldkitPlugin)

int main(int argc, char* argv[]) {
    const long long startedAtNs = std::chrono::steady_clock::now().time_since_epoch().count();
    qputenv("QT_QPA_PLATFORM", "offscreen"); // the targets are defined offscreen (no display, no GPU)
    if (argc == 3 && std::strcmp(argv[1], "--cold-start-child") == 0) {
        return fieldkit::bench::app::runColdStartChild(QString::fromLocal8Bit(argv[2]), startedAtNs);
    }
    fieldkit::bench::app::AppBenchmarkOptions options;
    options.ctlBinary = QStringLiteral(FIELDKIT_CTL_BINARY);
    options.selfBinary = QString::fromLocal8Bit(argv[0]);
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--quick" || arg == "--smoke") {
            options.caseCount = 1000;
            options.coldStarts = 2;
            options.unlocks = 1;
            options.listOpens = 3;
            options.cprSearches = 5;
            options.searchCaseCount = 5000;
            options.listSearches = 3;
        } else if (arg == "--dir" && i + 1 < argc) {
            options.workDir = QString::fromLocal8Bit(argv[++i]);
        } else {
            std::fprintf(stderr, "usage: fieldkit-bench-app [--quick] [--dir DIR]\n");
            return 2;
        }
    }
    if (options.workDir.isEmpty()) {
        options.workDir = QDir::temp().filePath(
            QStringLiteral("fieldkit-bench-app-%1").arg(QCoreApplication::applicationPid()));
    }
    return fieldkit::bench::app::runAppBenchmark(options) ? 0 : 1;
}
