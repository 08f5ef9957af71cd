// The app noticing what the sync daemon wrote: the decision functions, and the watcher on a real store where
// a second connection (as the daemon's process would) commits cases and inbound operations.
#include "store_fixture.hpp"
#include "test_support.hpp"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <doctest/doctest.h>
#include <fieldkit/app/case_edit_controller.hpp>
#include <fieldkit/app/case_list_model.hpp>
#include <fieldkit/app/inbound_sync_watcher.hpp>
#include <fieldkit/app/language_controller.hpp>
#include <fieldkit/app/service_catalogue_model.hpp>
#include <fieldkit/core/cpr.hpp>
#include <fieldkit/core/service_catalogue.hpp>
#include <fieldkit/store/sync_queue.hpp>

using namespace fieldkit;
using namespace fieldkit::app;
using namespace fieldkit::app::test;

namespace {

/** The daemon's stand-in: another connection to the same store file. */
struct OtherProcess {
    std::shared_ptr<StoreConnection> connection;
    explicit OtherProcess(const std::filesystem::path& dir)
        : connection(StoreFixture::open(dir)) {
        REQUIRE(StoreSessionService(connection).unlock(kAnna, QStringLiteral("1234")).ok);
    }
};

/** Counts what the watcher asks of its source, with marks set by hand. */
struct ScriptedSource final : InboundChangeSource {
    std::optional<std::int64_t> mark = 1;
    std::optional<std::int64_t> revision = 3;
    int indexCalls = 0;
    std::optional<std::int64_t> externalChangeMark() override { return mark; }
    std::optional<std::int64_t> caseRevision(const QString&) override { return revision; }
    Result<int> indexArrivedCases() override {
        ++indexCalls;
        return 0;
    }
};

} // namespace

TEST_CASE("inbound refresh decisions: only a known, moved mark is a change, only a newer store outdates the "
          "open case") {
    CHECK_FALSE(storeChangedElsewhere(std::nullopt, 4));
    CHECK_FALSE(storeChangedElsewhere(4, std::nullopt));
    CHECK_FALSE(storeChangedElsewhere(4, 4));
    CHECK(storeChangedElsewhere(4, 5));
    CHECK_FALSE(openCaseOutdated(std::nullopt, 7));
    CHECK_FALSE(openCaseOutdated(7, std::nullopt));
    CHECK_FALSE(openCaseOutdated(7, 7));
    CHECK(openCaseOutdated(7, 8));
}

TEST_CASE("inbound watcher: indexes on start and on every change, signals once per change, open case only "
          "when its revision moved") {
    ensureApplication();
    ScriptedSource source;
    InboundSyncWatcher::OpenCase open{QStringLiteral("c1"), 3};
    InboundSyncWatcher watcher(source, [&] { return open; });
    QSignalSpy changed(&watcher, &InboundSyncWatcher::storeChanged);
    QSignalSpy caseChanged(&watcher, &InboundSyncWatcher::openCaseChanged);

    watcher.check(); // not started: no baseline, no signal
    CHECK(changed.count() == 0);
    watcher.start();
    CHECK(watcher.active());
    CHECK(source.indexCalls == 1);
    watcher.check();
    CHECK(changed.count() == 0);

    source.mark = 2; // a commit elsewhere that did not touch the open case
    watcher.check();
    CHECK(changed.count() == 1);
    CHECK(caseChanged.count() == 0);
    CHECK(source.indexCalls == 2);
    watcher.check();
    CHECK(changed.count() == 1);

    source.mark = 3;
    source.revision = 4;
    watcher.check();
    CHECK(changed.count() == 2);
    REQUIRE(caseChanged.count() == 1);
    CHECK(caseChanged.front().front().toString() == QStringLiteral("c1"));

    source.mark = std::nullopt; // locked or unreadable: nothing happens, the last mark is kept
    watcher.check();
    source.mark = 3;
    watcher.check();
    CHECK(changed.count() == 2);

    watcher.stop();
    CHECK_FALSE(watcher.active());
    source.mark = 9;
    watcher.check(); // stopped: the baseline is gone
    CHECK(changed.count() == 2);
}

TEST_CASE("inbound watcher on a real store: another connection's commits refresh the list in place and the "
          "open case, the app's own writes and audited reads do not") {
    ensureApplication();
    StoreFixture f;
    f.unlock();
    StoreCaseRepository cases(f.connection);
    StoreInboundChangeSource source(f.connection);
    LanguageController language;
    ServiceCatalogueModel services(core::serviceCatalogue(), language);
    CaseListModel list(cases, services);
    CaseEditController editor(cases, language);

    // 150 cases so the list has a second page the user scrolled to.
    std::vector<QString> ids;
    for (int i = 0; i < 150; ++i) {
        ids.push_back(f.createCase(cases, {}, QStringLiteral("Borger %1").arg(i)));
    }
    list.reload();
    list.fetchMore({});
    REQUIRE(list.rowCount() == 150);
    // Attached after the reset: Qt 6.4's tester calls fetchMore() from inside its own reset handler.
    QAbstractItemModelTester tester(&list, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const QPersistentModelIndex scrolledTo = list.index(120);
    const QString scrolledId = scrolledTo.data(CaseListModel::CaseIdRole).toString();
    REQUIRE(editor.load(ids.front()));
    REQUIRE(editor.revision().has_value());

    InboundSyncWatcher watcher(source, [&] {
        return InboundSyncWatcher::OpenCase{editor.caseId(), editor.revision()};
    });
    QObject::connect(&watcher, &InboundSyncWatcher::storeChanged, &list, &CaseListModel::refresh);
    QObject::connect(&watcher, &InboundSyncWatcher::openCaseChanged, &editor,
                     [&] { (void)editor.refreshAfterInbound(); });
    QSignalSpy changed(&watcher, &InboundSyncWatcher::storeChanged);
    QSignalSpy caseChanged(&watcher, &InboundSyncWatcher::openCaseChanged);
    QSignalSpy resets(&list, &QAbstractItemModel::modelReset);
    watcher.start();

    // The app's own save and its audited read move nothing.
    REQUIRE(cases.appendNote(ids[5], QStringLiteral("egen note")));
    REQUIRE(editor.load(ids.front()));
    watcher.check();
    CHECK(changed.count() == 0);

    {
        OtherProcess daemon(f.dir);
        StoreCaseRepository theirs(daemon.connection);
        REQUIRE(theirs.createCase(
            {QStringLiteral("moving"), core::Channel::Bike, {}, QStringLiteral("Ny"), {}, {}}));
        REQUIRE(theirs.appendNote(ids.front(), QStringLiteral("fra en anden enhed")));
    }
    watcher.check();
    CHECK(changed.count() == 1);
    CHECK(resets.count() == 0);    // refreshed in place, not reset
    CHECK(list.rowCount() == 151); // the second page stays loaded
    CHECK(list.totalCount() == 151);
    REQUIRE(scrolledTo.isValid()); // the row the user looked at is still the same case
    CHECK(scrolledTo.data(CaseListModel::CaseIdRole).toString() == scrolledId);
    CHECK(caseChanged.count() == 1);
    const auto notes = editor.notes();
    REQUIRE_FALSE(notes.isEmpty());
    CHECK(notes.back().toMap().value(QStringLiteral("text")).toString() ==
          QStringLiteral("fra en anden enhed"));

    watcher.check(); // the refresh's own audited read did not move the mark
    CHECK(changed.count() == 1);
}

TEST_CASE("inbound watcher: a case that arrived from another device of the unit becomes findable by CPR") {
    ensureApplication();
    StoreFixture f;
    f.connection.reset(); // closed, so the copy below is whole
    const auto copy = freshDir();
    std::filesystem::copy_file(store::DeviceStore::fileIn(f.dir), store::DeviceStore::fileIn(copy));

    // The "other device" (a copy holding the same unit key) creates a case; its operation arrives here.
    store::SyncOperation arriving;
    {
        OtherProcess other(copy);
        StoreCaseRepository theirs(other.connection);
        REQUIRE(theirs.createCase({QStringLiteral("passport"),
                                   core::Channel::Bike,
                                   QStringLiteral("0707614285"),
                                   QStringLiteral("Ankommet"),
                                   {},
                                   {}}));
        auto pending = store::SyncQueue(other.connection->store()).pending(10);
        REQUIRE(pending.ok());
        REQUIRE(pending->size() == 1);
        arriving = pending->front();
        arriving.serverSeq = 1; // (same device id: the AAD binds it; the original has written nothing yet)
    }

    f.connection = StoreFixture::open(f.dir);
    f.unlock();
    StoreCaseRepository cases(f.connection);
    StoreInboundChangeSource source(f.connection);
    InboundSyncWatcher watcher(source, [] { return InboundSyncWatcher::OpenCase{}; });
    QSignalSpy indexed(&watcher, &InboundSyncWatcher::casesIndexed);
    QSignalSpy changed(&watcher, &InboundSyncWatcher::storeChanged);
    watcher.start();

    // The daemon's connection applies the inbound operation.
    auto applied = store::SyncQueue(f.connection->store()).applyInbound({arriving}, 1, false, 0);
    REQUIRE_MESSAGE(applied.ok(), applied.error().message);
    const auto cpr = core::parseCpr("0707614285");
    REQUIRE(cpr.ok());
    CHECK(cases.findByCpr(*cpr, QStringLiteral("test"))->empty()); // not indexed yet: the daemon is blind

    watcher.check();
    CHECK(changed.count() == 1);
    REQUIRE(indexed.count() == 1);
    CHECK(indexed.front().front().toInt() == 1);
    CHECK(cases.findByCpr(*cpr, QStringLiteral("test"))->size() == 1);

    std::error_code ec;
    std::filesystem::remove_all(copy, ec);
}
