// Wires the app benchmark: options, the offscreen platform, then runs it (or one cold-start child).
#include "app_benchmark.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QtQml/qqmlextensionplugin.h>
#include <chrono>
#include <cstring>
#include <fieldkit/common/command_line.hpp>
#include <iostream>
#include <string>

Q_IMPORT_QML_PLUGIN(FieldkitPlugin)

int main(int argc, char* argv[]) {
    const long long startedAtNs = std::chrono::steady_clock::now().time_since_epoch().count();
    qputenv("QT_QPA_PLATFORM", "offscreen"); // the targets are defined offscreen (no display, no GPU)
    // The child of a cold-start measurement: started by this program itself, it skips everything else.
    if (argc == 3 && std::strcmp(argv[1], "--cold-start-child") == 0) {
        return fieldkit::bench::app::runColdStartChild(QString::fromLocal8Bit(argv[2]), startedAtNs);
    }
    fieldkit::bench::app::AppBenchmarkOptions options;
    options.ctlBinary = QStringLiteral(FIELDKIT_CTL_BINARY);
    options.selfBinary = QString::fromLocal8Bit(argv[0]);
    bool quick = false;
    std::string workDir;
    fieldkit::common::CommandLine commandLine(
        "fieldkit-bench-app",
        "Times the field app's cold start, unlock, case list and searches on the offscreen "
        "platform, with stores made by the real fieldkit-ctl.");
    CLI::App& app = commandLine.app();
    app.add_flag("--quick,--smoke", quick, "1000 cases and few samples, for CI-sized runs");
    app.add_option("--dir", workDir, "Where the stores go (default: a folder in the system temp directory)");
    if (auto status = commandLine.parse(argc, argv, std::cout, std::cerr)) {
        return *status;
    }
    if (quick) {
        options.caseCount = 1000;
        options.coldStarts = 2;
        options.unlocks = 1;
        options.listOpens = 3;
        options.cprSearches = 5;
        options.searchCaseCount = 5000;
        options.listSearches = 3;
    }
    options.workDir = QString::fromStdString(workDir);
    if (options.workDir.isEmpty()) {
        options.workDir = QDir::temp().filePath(
            QStringLiteral("fieldkit-bench-app-%1").arg(QCoreApplication::applicationPid()));
    }
    return fieldkit::bench::app::runAppBenchmark(options) ? 0 : 1;
}
