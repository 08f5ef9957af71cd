// The store-backed services against a real temporary store (Argon2id at its minimum costs).
#include "store_fixture.hpp"
#include "test_support.hpp"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QThread>
#include <doctest/doctest.h>
#include <fieldkit/app/conflict_presentation.hpp>
#include <fieldkit/app/session_controller.hpp>
#include <fieldkit/app/store_backends.hpp>
#include <fieldkit/crypto/key_slot.hpp>
#include <fieldkit/hw/fake_sensors.hpp>
#include <fieldkit/sqlite/database.hpp>
#include <fieldkit/store/device_store.hpp>
#include <fieldkit/store/session.hpp>
#include <fieldkit/store/sync_queue.hpp>
#include <filesystem>
#include <random>
#include <set>

using namespace fieldkit;
using namespace fieldkit::app;
using namespace fieldkit::app::test;

TEST_CASE("store session: staff come from the key slots, a wrong PIN says how many attempts are left") {
    StoreFixture f;
    StoreSessionService service(f.connection);
    const auto staff = service.staff();
    REQUIRE(staff.size() == 1);
    CHECK(staff.front().displayName == kAnna);

    auto wrong = service.unlock(kAnna, QStringLiteral("0000"));
    CHECK_FALSE(wrong.ok);
    CHECK(wrong.errorCode == QStringLiteral("wrong_pin"));
    CHECK(wrong.attemptsLeft == store::kMaxPinAttempts - 1);
    CHECK(f.connection->session() == nullptr);

    // The counter is in the store: a restart does not reset it.
    f.connection = StoreFixture::open(f.dir);
    StoreSessionService restarted(f.connection);
    CHECK(restarted.unlock(kAnna, QStringLiteral("9999")).attemptsLeft == store::kMaxPinAttempts - 2);
    CHECK(restarted.unlock(QStringLiteral("Nobody"), QStringLiteral("1234")).errorCode ==
          QStringLiteral("unknown_staff"));

    const auto ok = restarted.unlock(kAnna, QStringLiteral("1234"));
    CHECK(ok.ok);
    CHECK(ok.attemptsLeft == store::kMaxPinAttempts);
    CHECK(f.connection->session() != nullptr);
    restarted.lock();
    CHECK(f.connection->session() == nullptr);
}

TEST_CASE("store session: too many wrong PINs disable the slot (locked_out), also for the right PIN") {
    StoreFixture f;
    StoreSessionService service(f.connection);
    UnlockResult last;
    for (int i = 0; i < store::kMaxPinAttempts; ++i) {
        last = service.unlock(kAnna, QStringLiteral("0000"));
    }
    CHECK(last.errorCode == QStringLiteral("locked_out"));
    CHECK(last.attemptsLeft == 0);
    CHECK(service.unlock(kAnna, QStringLiteral("1234")).errorCode == QStringLiteral("locked_out"));
}

TEST_CASE("store session: beginUnlock derives the key off the UI thread and answers on it") {
    ensureApplication();
    StoreFixture f;
    StoreSessionService service(f.connection);
    hw::FakeClock clock;
    SessionController session(service, test::shippedProfile("bike-tablet"), clock);
    QSignalSpy finished(&session, &SessionController::unlockFinished);

    session.beginUnlock(kAnna, QStringLiteral("0000"));
    CHECK(session.busy()); // returned before the key derivation finished
    REQUIRE(finished.wait(10000));
    CHECK_FALSE(finished.takeFirst().at(0).toBool());
    CHECK_FALSE(session.busy());
    CHECK(session.errorCode() == QStringLiteral("wrong_pin"));
    CHECK(session.attemptsLeft() == store::kMaxPinAttempts - 1);

    const auto* uiThread = QThread::currentThread();
    bool answeredOnUiThread = false;
    QObject::connect(&session, &SessionController::unlockFinished, &session,
                     [&] { answeredOnUiThread = QThread::currentThread() == uiThread; });
    session.beginUnlock(kAnna, QStringLiteral("1234"));
    session.beginUnlock(kAnna, QStringLiteral("1234")); // ignored while one runs
    REQUIRE(finished.wait(10000));
    CHECK(finished.count() == 1);
    CHECK(answeredOnUiThread);
    CHECK(session.unlocked());
    CHECK(session.staffName() == kAnna);
    CHECK(f.connection->session() != nullptr);
}

TEST_CASE("store session: locking while an unlock runs drops its session") {
    ensureApplication();
    StoreFixture f;
    StoreSessionService service(f.connection);
    hw::FakeClock clock;
    SessionController session(service, test::shippedProfile("bike-tablet"), clock);
    QSignalSpy finished(&session, &SessionController::unlockFinished);
    session.beginUnlock(kAnna, QStringLiteral("1234"));
    session.lock();
    CHECK_FALSE(session.busy());
    CHECK_FALSE(finished.wait(500));
    CHECK_FALSE(session.unlocked());
    CHECK(f.connection->session() == nullptr);
    // The next attempt works normally.
    session.beginUnlock(kAnna, QStringLiteral("1234"));
    REQUIRE(finished.wait(10000));
    CHECK(session.unlocked());
}

TEST_CASE(
    "store session: a PIN change re-wraps the key off the UI thread, is audited, and the new PIN unlocks") {
    ensureApplication();
    StoreFixture f;
    StoreSessionService service(f.connection);
    hw::FakeClock clock;
    SessionController session(service, test::shippedProfile("bike-tablet"), clock);
    REQUIRE(session.unlock(kAnna, QStringLiteral("1234")));
    QSignalSpy changed(&session, &SessionController::changed);
    const auto settle = [&] {
        while (session.pinChange() == QStringLiteral("working")) {
            REQUIRE(changed.wait(10000));
        }
    };

    session.changePin(QStringLiteral("1234"), QStringLiteral("98"), QStringLiteral("98"));
    CHECK(session.pinChange() == QStringLiteral("pin_too_short")); // checked before any key derivation
    session.changePin(QStringLiteral("0000"), QStringLiteral("9876"), QStringLiteral("9876"));
    CHECK(session.pinChange() == QStringLiteral("working")); // returned before the derivations finished
    settle();
    CHECK(session.pinChange() == QStringLiteral("wrong_pin"));
    CHECK(f.audits("pin_changed").empty());

    session.changePin(QStringLiteral("1234"), QStringLiteral("9876"), QStringLiteral("9876"));
    settle();
    CHECK(session.pinChange() == QStringLiteral("done"));
    CHECK(f.audits("pin_changed").size() == 1);
    session.lock();
    CHECK(session.pinChange().isEmpty());
    CHECK_FALSE(session.unlock(kAnna, QStringLiteral("1234")));
    CHECK(session.unlock(kAnna, QStringLiteral("9876")));

    // A slot changed behind the app's back (another process) is not overwritten.
    auto* store = f.connection->session();
    REQUIRE(store != nullptr);
    auto seen = store->ownKeySlot();
    REQUIRE(seen.ok());
    REQUIRE(store->changePin("9876", "5555", crypto::KdfParams::withCosts(1, 8192)).ok());
    CHECK(store->replaceOwnKeySlot(*seen, *seen).error().code == "slot_changed");
}

TEST_CASE("store cases: locked answers nothing and says locked") {
    StoreFixture f;
    StoreCaseRepository cases(f.connection);
    CHECK(cases.countCases(CaseFilter::All) == 0);
    CHECK(cases.listCases(CaseFilter::All, 0, 10).empty());
    CHECK(cases.loadCase(QStringLiteral("00"), QStringLiteral("x")).error().code == "locked");
    CHECK(cases.findByCpr(*core::parseCpr("0707614285"), QStringLiteral("x")).error().code == "locked");
}

TEST_CASE("store cases: the list pages newest first, mine follows who created the case") {
    StoreFixture f;
    f.unlock();
    StoreCaseRepository cases(f.connection);
    std::set<QString> created;
    for (int i = 0; i < 7; ++i) {
        created.insert(f.createCase(cases, {}, QStringLiteral("Citizen %1").arg(i)));
    }
    CHECK(cases.countCases(CaseFilter::All) == 7);
    CHECK(cases.countCases(CaseFilter::Mine) == 7);
    CHECK(cases.countCases(CaseFilter::Conflicted) == 0);

    std::set<QString> seen;
    QDateTime previous;
    for (int offset = 0; offset < 9; offset += 3) {
        const auto page = cases.listCases(CaseFilter::All, offset, 3);
        CHECK(page.size() == static_cast<std::size_t>(std::min(3, 7 - offset)));
        for (const auto& c : page) {
            CHECK(c.serviceCode == QStringLiteral("passport"));
            CHECK(c.mine);
            CHECK((previous.isNull() || c.updated <= previous));
            previous = c.updated;
            seen.insert(c.caseId);
        }
    }
    CHECK(seen == created);
    CHECK(cases.listCases(CaseFilter::Mine, 5, 10).size() == 2);

    // Another staff member sees the same cases, none of them as theirs.
    REQUIRE(f.connection->session()->addStaff("Ali Hassan", "2468", crypto::KdfParams::withCosts(1, 8192)));
    StoreSessionService service(f.connection);
    service.lock();
    REQUIRE(service.unlock(QStringLiteral("Ali Hassan"), QStringLiteral("2468")).ok);
    CHECK(cases.countCases(CaseFilter::All) == 7);
    CHECK(cases.countCases(CaseFilter::Mine) == 0);
    CHECK_FALSE(cases.listCases(CaseFilter::All, 0, 1).front().mine);
}

TEST_CASE("store cases: loading decrypts with a logged purpose, edits come back") {
    StoreFixture f;
    f.unlock();
    StoreCaseRepository cases(f.connection);
    const QString id = f.createCase(cases, QStringLiteral("070761-4285"), QStringLiteral("Karen Nielsen"));

    auto loaded = cases.loadCase(id, QStringLiteral("case-view"));
    REQUIRE(loaded.ok());
    CHECK(loaded->cprDigits == QStringLiteral("0707614285"));
    CHECK(loaded->name == QStringLiteral("Karen Nielsen"));
    CHECK(loaded->summary.status == core::CaseStatus::Opened);
    CHECK(loaded->summary.mine);
    const auto views = f.audits("view", id);
    REQUIRE(views.size() == 1);
    CHECK(views.front().purpose == "case-view");
    CHECK(views.front().staff == "Anna Jensen");

    REQUIRE(cases.setField(id, CaseField::Address, QStringLiteral("Vestergade 2")));
    REQUIRE(cases.setChecklistItem(id, 2, true));
    REQUIRE(cases.setChecklistItem(id, 3, false));
    REQUIRE(cases.appendNote(id, QStringLiteral("Photo taken.")));
    REQUIRE(cases.setStatus(id, core::CaseStatus::Informed, QStringLiteral("Told about the fee.")));
    const auto back = cases.setStatus(id, core::CaseStatus::Opened, {});
    REQUIRE_FALSE(back.ok());
    CHECK(back.error().code == "status_backwards");

    loaded = cases.loadCase(id, QStringLiteral("case-edit"));
    REQUIRE(loaded.ok());
    CHECK(loaded->address == QStringLiteral("Vestergade 2"));
    CHECK(loaded->checklist.at(2));
    CHECK_FALSE(loaded->checklist.at(3));
    CHECK(loaded->summary.status == core::CaseStatus::Informed);
    REQUIRE(loaded->notes.size() == 2);
    CHECK(loaded->notes[0].text == QStringLiteral("Photo taken."));
    CHECK(loaded->notes[1].text == QStringLiteral("Told about the fee."));
    CHECK(loaded->notes[1].authorName == kAnna);

    CHECK(cases.loadCase(QStringLiteral("00112233445566778899aabbccddeeff"), QStringLiteral("x"))
              .error()
              .code == "case_not_found");
    CHECK(cases.loadCase(QStringLiteral("not-hex"), QStringLiteral("x")).error().code == "case_not_found");
}

TEST_CASE("store cases: find by CPR uses the blind index and logs the look-up") {
    StoreFixture f;
    f.unlock();
    StoreCaseRepository cases(f.connection);
    const QString karen = f.createCase(cases, QStringLiteral("0707614285"), QStringLiteral("Karen"));
    f.createCase(cases, QStringLiteral("1502882371"), QStringLiteral("Jonas"));
    f.createCase(cases, {}, QStringLiteral("No CPR"));

    auto found = cases.findByCpr(*core::parseCpr("070761-4285"), QStringLiteral("find-citizen"));
    REQUIRE(found.ok());
    REQUIRE(found->size() == 1);
    CHECK(found->front().caseId == karen);
    CHECK(cases.findByCpr(*core::parseCpr("0101011234"), QStringLiteral("find-citizen"))->empty());
    const auto lookups = f.audits("find_cpr");
    REQUIRE(lookups.size() == 2);
    CHECK(lookups.front().purpose == "find-citizen");

    // Revealing a typed CPR before there is a case is logged too.
    REQUIRE(cases.recordCprReveal({}, QStringLiteral("0707614285"), QStringLiteral("verify identity")));
    CHECK(f.audits("find_cpr").size() == 3);
}

TEST_CASE("store cases: a concurrent edit shows both versions, resolving closes them") {
    // A real conflict needs a version from elsewhere. Two copies of one store share its keys, so a change
    // made in the copy can arrive in the original through the sync queue as if the center had sent it. (Both
    // copies carry the same device id: the copy writes well ahead in device_seq so the two never collide.)
    StoreFixture f;
    f.unlock();
    QString id;
    {
        StoreCaseRepository cases(f.connection);
        id = *cases.createCase({QStringLiteral("moving"),
                                core::Channel::Bike,
                                {},
                                QStringLiteral("Jonas"),
                                QStringLiteral("Nørregade 3, 2. tv"),
                                {}});
    }
    f.connection.reset(); // closed, so the file holds everything (WAL checkpointed)
    const auto copy = freshDir();
    std::filesystem::copy_file(store::DeviceStore::fileIn(f.dir), store::DeviceStore::fileIn(copy));

    store::SyncOperation theirs;
    {
        auto conn = StoreFixture::open(copy);
        REQUIRE(StoreSessionService(conn).unlock(kAnna, QStringLiteral("1234")).ok);
        StoreCaseRepository cases(conn);
        for (int i = 0; i < 20; ++i) {
            REQUIRE(cases.appendNote(id, QStringLiteral("note %1").arg(i)));
        }
        REQUIRE(cases.setField(id, CaseField::Address, QStringLiteral("Nørregade 3, 2. th")));
        auto pending = store::SyncQueue(conn->store()).pending(100);
        REQUIRE(pending.ok());
        theirs = pending->back();
        theirs.serverSeq = 41;
    }

    f.connection = StoreFixture::open(f.dir);
    f.unlock();
    StoreCaseRepository cases(f.connection);
    REQUIRE(cases.setField(id, CaseField::Address, QStringLiteral("Nørregade 3, 2. tv, 8000 Aarhus C")));
    auto applied = store::SyncQueue(f.connection->store()).applyInbound({theirs}, 41, /*more*/ true, 0);
    REQUIRE_MESSAGE(applied.ok(), applied.error().message);
    CHECK(applied->applied == 1);

    CHECK(cases.countCases(CaseFilter::Conflicted) == 1);
    CHECK(cases.listCases(CaseFilter::Conflicted, 0, 10).front().caseId == id);
    auto conflicts = cases.conflicts(id);
    REQUIRE(conflicts.ok());
    REQUIRE(conflicts->size() == 1);
    const auto& address = conflicts->front();
    CHECK(address.fieldId == fieldIdOf(CaseField::Address));
    CHECK(address.serviceCode == QStringLiteral("moving"));
    REQUIRE(address.versions.size() == 2);
    std::set<QString> values;
    std::vector<QString> versionIds;
    for (const auto& v : address.versions) {
        values.insert(v.value);
        versionIds.push_back(v.versionId);
        CHECK(v.authorName == kAnna);
    }
    CHECK(values == std::set<QString>{QStringLiteral("Nørregade 3, 2. tv, 8000 Aarhus C"),
                                      QStringLiteral("Nørregade 3, 2. th")});
    CHECK(f.audits("view", id).size() == 1); // reading the versions is a logged look

    const auto stale = cases.resolveConflict(id, fieldIdOf(CaseField::Address), QStringLiteral("x"),
                                             {QStringLiteral("bad")});
    CHECK(stale.error().code == "stale_version");
    REQUIRE(cases.resolveConflict(id, fieldIdOf(CaseField::Address),
                                  QStringLiteral("Nørregade 3, 2. th, 8000 Aarhus C"), versionIds));
    CHECK(cases.countCases(CaseFilter::Conflicted) == 0);
    CHECK(cases.conflicts(id)->empty());
    CHECK(cases.loadCase(id, QStringLiteral("check"))->address ==
          QStringLiteral("Nørregade 3, 2. th, 8000 Aarhus C"));

    std::error_code ec;
    std::filesystem::remove_all(copy, ec);
}

TEST_CASE("store contacts and outbox: counted by the store, waiting operations visible") {
    StoreFixture f;
    StoreContactRepository contacts(f.connection);
    const QDateTime now = QDateTime::currentDateTime();
    CHECK(contacts.statisticsBetween(now.addSecs(-3600), now.addSecs(3600)).error().code == "locked");
    f.unlock();
    REQUIRE(contacts.addContact({now,
                                 core::Channel::Bike,
                                 QStringLiteral("passport"),
                                 core::ContactType::HelpToSelfService,
                                 true,
                                 {},
                                 {}}));
    REQUIRE(contacts.addContact({now,
                                 core::Channel::Phone,
                                 QStringLiteral("tax-card"),
                                 core::ContactType::Information,
                                 false,
                                 QStringLiteral("Skattestyrelsen"),
                                 {}}));
    auto stats = contacts.statisticsBetween(now.addSecs(-3600), now.addSecs(3600));
    REQUIRE(stats.ok());
    CHECK(stats->total == 2);
    CHECK(stats->perChannel.at(core::Channel::Bike) == 1);
    CHECK(stats->perService.at(QStringLiteral("tax-card")) == 1);
    CHECK(stats->helpToSelfService == 1);
    CHECK(stats->resolvedAtFirstContact == 1);

    StoreOutboxMonitor outbox(f.connection);
    CHECK(outbox.health()->pendingOps == 0);
    StoreCaseRepository cases(f.connection);
    f.createCase(cases, {}, QStringLiteral("Someone"));
    const auto health = outbox.health();
    REQUIRE(health.ok());
    CHECK(health->pendingOps == 1);
    CHECK(health->oldestPending.isValid());
    CHECK(health->rejectedOps == 0);
}

TEST_CASE("store contacts: a contact with the citizen's CPR keeps only its blind hash") {
    StoreFixture f;
    StoreContactRepository contacts(f.connection);
    f.unlock();
    const QString cpr = QStringLiteral("0707614285");
    REQUIRE(contacts.addContact({QDateTime::currentDateTime(),
                                 core::Channel::Bike,
                                 QStringLiteral("passport"),
                                 core::ContactType::Transaction,
                                 true,
                                 {},
                                 cpr}));
    REQUIRE(contacts.addContact({QDateTime::currentDateTime(),
                                 core::Channel::Bike,
                                 QStringLiteral("guidance"),
                                 core::ContactType::Information,
                                 true,
                                 {},
                                 {}}));
    f.connection.reset(); // closes the store, so the file can be read as it is on disk
    auto db = sqlite::Database::open(f.dir / "store.db", sqlite::OpenMode::ReadOnly);
    REQUIRE(db.ok());
    CHECK(*db->queryInt("SELECT count(*) FROM contacts WHERE citizen_ref IS NOT NULL") == 1);
    CHECK(*db->queryInt("SELECT count(*) FROM contacts WHERE citizen_ref IS NULL") == 1);
    CHECK(
        *db->queryInt("SELECT count(*) FROM contacts WHERE CAST(citizen_ref AS TEXT) LIKE '%0707614285%' OR "
                      "hex(citizen_ref) LIKE '%30373037363134323835%'") == 0);
}
