#include "app_benchmark.hpp"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QGuiApplication>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>
#include <chrono>
#include <cstdio>
#include <fieldkit/app/app_composition.hpp>
#include <fieldkit/app/case_edit_controller.hpp>
#include <fieldkit/app/case_list_model.hpp>
#include <fieldkit/app/language_controller.hpp>
#include <fieldkit/app/profile_loading.hpp>
#include <fieldkit/app/qml_loader.hpp>
#include <fieldkit/app/session_controller.hpp>
#include <fieldkit/bench/samples.hpp>
#include <fieldkit/bench/table.hpp>
#include <iostream>
#include <memory>
#include <optional>

namespace fieldkit::bench::app {
namespace {

using fieldkit::app::AppComposition;
using fieldkit::app::CaseListModel;

const QString kStaff = QStringLiteral("Anna Jensen");
const QString kPin = QStringLiteral("1234");
const QString kCpr = QStringLiteral("0707614285"); // one known citizen among the generated ones
constexpr int kWaitMs = 60000;                     // a step that takes longer than this has failed

bool fail(const std::string& sentence) {
    std::fprintf(stderr, "fieldkit-bench-app: %s\n", sentence.c_str());
    return false;
}

/** Runs fieldkit-ctl with the staff PIN in the environment (never on the command line). */
bool ctl(const AppBenchmarkOptions& o, const QString& dataDir, QStringList args,
         const QByteArray& input = {}) {
    QProcess p;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FIELDKIT_PIN"), kPin);
    p.setProcessEnvironment(env);
    p.start(o.ctlBinary, QStringList{QStringLiteral("--data"), dataDir} + args);
    if (!input.isEmpty()) {
        p.write(input);
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        std::fprintf(stderr, "%s", p.readAllStandardError().constData());
        return false;
    }
    return true;
}

/** A provisioned store (calibrated Argon2id, as `fieldkit-ctl init` makes it) with `cases` generated cases
 *  and one passport case for the citizen kCpr. */
bool makeStore(const AppBenchmarkOptions& o, const QString& dataDir, int cases) {
    if (!ctl(o, dataDir,
             {QStringLiteral("init"), QStringLiteral("--staff"), kStaff, QStringLiteral("--standalone")})) {
        return fail("fieldkit-ctl init failed");
    }
    // A thousand cases per transaction: the provisioning is not what is measured.
    if (cases > 0 && !ctl(o, dataDir,
                          {QStringLiteral("case"), QStringLiteral("generate"), QStringLiteral("--count"),
                           QString::number(cases), QStringLiteral("--batch"), QStringLiteral("1000")})) {
        return fail("fieldkit-ctl case generate failed");
    }
    const QByteArray known = R"({"service":"passport","channel":"bike","citizen":{"cpr":")" +
                             kCpr.toLatin1() + R"(","name":"Bench Borger"}})";
    if (!ctl(
            o, dataDir,
            {QStringLiteral("case"), QStringLiteral("create"), QStringLiteral("--json"), QStringLiteral("-")},
            known)) {
        return fail("fieldkit-ctl case create failed");
    }
    return true;
}

QQuickWindow* windowOf(QQmlApplicationEngine& engine) {
    const auto roots = engine.rootObjects();
    return roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow*>(roots.front());
}

/** Waits for the window's next frame; false after kWaitMs. */
bool nextFrame(QQuickWindow* window) {
    QEventLoop loop;
    bool swapped = false;
    QObject::connect(window, &QQuickWindow::frameSwapped, &loop, [&] {
        swapped = true;
        loop.quit();
    });
    QTimer::singleShot(kWaitMs, &loop, &QEventLoop::quit);
    window->requestUpdate();
    loop.exec();
    return swapped;
}

/** The app as main.cpp builds it, on the store in `dataDir`, with the bike profile. */
struct RunningApp {
    hw::SteadyClock clock;
    std::unique_ptr<AppComposition> composition;
    std::unique_ptr<QQmlApplicationEngine> engine;
    QQuickWindow* window = nullptr;

    bool start(const QString& dataDir) {
        auto profile = fieldkit::app::loadAppProfile(QStringLiteral("bike-tablet"));
        if (!profile) {
            return fail(profile.error().message);
        }
        auto backends = fieldkit::app::makeStoreBackends(dataDir);
        if (!backends) {
            return fail(backends.error().message);
        }
        composition = std::make_unique<AppComposition>(std::move(backends).value(), profile->profile,
                                                       profile->selection, dataDir, clock,
                                                       [] { return QDateTime::currentDateTime(); });
        engine = std::make_unique<QQmlApplicationEngine>();
        composition->language().attachEngine(engine.get());
        if (!fieldkit::app::loadMainWindow(*engine, composition->qmlProperties())) {
            return fail("the main window could not be loaded");
        }
        window = windowOf(*engine);
        return window != nullptr || fail("there is no main window");
    }
    ~RunningApp() {
        engine.reset(); // QML goes before the services it binds to
        composition.reset();
    }
};

void addRow(Table& table, const std::string& what, const Samples& s, double targetMs) {
    const double p50 = s.percentileMs(50);
    table.addRow({what, std::to_string(s.size()), formatMs(p50), formatMs(s.percentileMs(100)),
                  targetMs > 0 ? "<= " + formatMs(targetMs) : "-",
                  targetMs > 0 ? (p50 <= targetMs ? "yes" : "NO") : "-"});
}

bool measureColdStarts(const AppBenchmarkOptions& o, const QString& dataDir, Samples& firstFrame,
                       Samples& withExec) {
    for (int i = 0; i < o.coldStarts; ++i) {
        QProcess child;
        const auto started = Clock::now();
        child.start(o.selfBinary, {QStringLiteral("--cold-start-child"), dataDir});
        if (!child.waitForReadyRead(kWaitMs)) {
            return fail("a cold-start child did not report its first frame");
        }
        const auto reported = Clock::now();
        bool ok = false;
        const double ms = child.readAllStandardOutput().trimmed().toDouble(&ok);
        child.waitForFinished(kWaitMs);
        if (!ok) {
            return fail("a cold-start child printed no time: " + child.readAllStandardError().toStdString());
        }
        firstFrame.add(std::chrono::nanoseconds(static_cast<long long>(ms * 1e6)));
        withExec.add(reported - started);
    }
    return true;
}

bool measureUnlocks(const AppBenchmarkOptions& o, RunningApp& app, Samples& unlocks) {
    auto& session = app.composition->session();
    for (int i = 0; i < o.unlocks; ++i) {
        if (!nextFrame(app.window)) {
            return fail("the unlock page was not drawn");
        }
        QEventLoop loop;
        bool ok = false;
        auto connection = QObject::connect(&session, &fieldkit::app::SessionController::unlockFinished, &loop,
                                           [&](bool success) {
                                               ok = success;
                                               loop.quit();
                                           });
        const auto started = Clock::now();
        session.beginUnlock(kStaff, kPin);
        QTimer::singleShot(kWaitMs, &loop, &QEventLoop::quit);
        loop.exec();
        QObject::disconnect(connection);
        if (!ok || !nextFrame(app.window)) {
            return fail("unlocking failed (" + session.errorCode().toStdString() + ")");
        }
        unlocks.add(Clock::now() - started);
        session.lock();
    }
    return true;
}

/** The list's search as staff use it: the text set, then the rows found drawn (each row's citizen cue
 *  read and logged); the search is cleared again between runs (not measured). */
bool measureListSearch(RunningApp& app, CaseListModel& list, const QString& text, int runs, Samples& samples,
                       int& shown) {
    for (int i = 0; i < runs; ++i) {
        const auto started = Clock::now();
        list.setSearch(text);
        if (!nextFrame(app.window)) {
            return fail("the search results were not drawn");
        }
        samples.add(Clock::now() - started);
        shown = list.rowCount();
        if (shown == 0 || !list.searchError().isEmpty()) {
            return fail("the search for \"" + text.toStdString() + "\" found nothing");
        }
        list.setSearch({});
        if (!nextFrame(app.window)) {
            return fail("the list was not drawn again");
        }
    }
    return true;
}

} // namespace

int runColdStartChild(const QString& dataDir, long long startedAtNs) {
    static int argc = 1;
    static char name[] = "fieldkit-bench-app";
    static char* argv[] = {name, nullptr};
    QGuiApplication application(argc, argv);
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    RunningApp app;
    if (!app.start(dataDir) || !nextFrame(app.window)) {
        return 1;
    }
    const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
    std::printf("%.3f\n", static_cast<double>(now - startedAtNs) / 1e6);
    std::fflush(stdout);
    return 0;
}

bool runAppBenchmark(const AppBenchmarkOptions& o) {
    static int argc = 1;
    static char name[] = "fieldkit-bench-app";
    static char* argv[] = {name, nullptr};
    QGuiApplication application(argc, argv);
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    QDir work(o.workDir);
    if (!work.mkpath(QStringLiteral("."))) {
        return fail("the work folder cannot be created");
    }
    struct Cleanup {
        QDir dir;
        ~Cleanup() { dir.removeRecursively(); }
    } cleanup{work};
    const QString small = work.filePath(QStringLiteral("small"));
    const QString large = work.filePath(QStringLiteral("large"));
    const QString huge = work.filePath(QStringLiteral("huge"));
    std::fprintf(stderr,
                 "fieldkit-bench-app: provisioning three stores (%d and %d cases in the large ones)...\n",
                 o.caseCount, o.searchCaseCount);
    if (!makeStore(o, small, 0) || !makeStore(o, large, o.caseCount) ||
        !makeStore(o, huge, o.searchCaseCount)) {
        return false;
    }

    Samples coldFirstFrame, coldWithExec, unlocks, listOpen, listModelOnly, listRefresh, cprSearch;
    Samples searchCpr, searchRareName, searchCommonName;
    int shownCpr = 0;
    int shownRare = 0;
    int shownCommon = 0;
    if (!measureColdStarts(o, small, coldFirstFrame, coldWithExec)) {
        return false;
    }
    {
        RunningApp app;
        if (!app.start(small) || !measureUnlocks(o, app, unlocks)) {
            return false;
        }
    }
    int rows = 0;
    int total = 0;
    {
        RunningApp app;
        if (!app.start(large) || !nextFrame(app.window) || !app.composition->session().unlock(kStaff, kPin) ||
            !nextFrame(app.window)) {
            return fail("the large store did not open");
        }
        auto* list = qobject_cast<CaseListModel*>(
            app.composition->qmlProperties().value(QStringLiteral("caseModel")).value<QObject*>());
        if (list == nullptr) {
            return fail("there is no case list");
        }
        for (int i = 0; i < o.listOpens; ++i) {
            const auto started = Clock::now();
            list->reload();
            if (!nextFrame(app.window)) {
                return fail("the case list was not drawn");
            }
            listOpen.add(Clock::now() - started);
            listModelOnly.add(timed([&] { list->reload(); }));
            listRefresh.add(timed([&] { list->refresh(); }));
        }
        rows = list->rowCount();
        total = list->totalCount();
        for (int i = 0; i < o.cprSearches; ++i) {
            QVariantList found;
            cprSearch.add(timed([&] { found = app.composition->caseEditor().casesForCpr(kCpr); }));
            if (found.isEmpty()) {
                return fail("the CPR search found nothing");
            }
        }
    }

    {
        RunningApp app;
        if (!app.start(huge) || !nextFrame(app.window) || !app.composition->session().unlock(kStaff, kPin) ||
            !nextFrame(app.window)) {
            return fail("the store for the search did not open");
        }
        auto* list = qobject_cast<CaseListModel*>(
            app.composition->qmlProperties().value(QStringLiteral("caseModel")).value<QObject*>());
        if (list == nullptr) {
            return fail("there is no case list");
        }
        // The known citizen by CPR number and by name, and the most common Danish surname (the newest 100
        // of thousands are shown).
        if (!measureListSearch(app, *list, QStringLiteral("070761-4285"), o.listSearches, searchCpr,
                               shownCpr) ||
            !measureListSearch(app, *list, QStringLiteral("bench borger"), o.listSearches, searchRareName,
                               shownRare) ||
            !measureListSearch(app, *list, QStringLiteral("jensen"), o.listSearches, searchCommonName,
                               shownCommon)) {
            return false;
        }
    }
    const qint64 hugeBytes = QFileInfo(huge + QStringLiteral("/store.db")).size();

    Table table({{"measurement (bike profile, offscreen)"},
                 {"runs", Align::Right},
                 {"p50", Align::Right},
                 {"max", Align::Right},
                 {"target", Align::Right},
                 {"met", Align::Right}});
    addRow(table, "cold start: main() to first frame", coldFirstFrame, 300);
    addRow(table, "cold start incl. exec and loading (spawn to frame)", coldWithExec, 0);
    addRow(table, "unlock to home incl. Argon2id (calibrated)", unlocks, 1500);
    addRow(table, "open case list, " + std::to_string(total) + " cases, to first page drawn", listOpen, 100);
    addRow(table, "  of which the model (counts + first page)", listModelOnly, 0);
    addRow(table, "  refresh in place after an inbound sync", listRefresh, 0);
    addRow(table, "CPR search end to end (blind index + audit)", cprSearch, 100);
    const std::string searched = std::to_string(o.searchCaseCount) + " cases";
    addRow(table, "list search by CPR, " + searched + ", to results drawn", searchCpr, 50);
    addRow(table, "list search by name (one citizen), " + searched + ", to results drawn", searchRareName,
           50);
    addRow(table, "list search by a common surname (" + std::to_string(shownCommon) + " shown), " + searched,
           searchCommonName, 50);
    table.print(std::cout);
    std::cout << "first page: " << rows << " of " << total << " rows loaded\n";
    std::cout << "search store: " << o.searchCaseCount << " cases, " << hugeBytes / (1024 * 1024)
              << " MiB on disk (name index included); rows found: CPR " << shownCpr << ", name " << shownRare
              << "\n";
    return table.complete();
}

} // namespace fieldkit::bench::app
