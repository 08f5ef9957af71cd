#include "store_fixture.hpp"

#include <algorithm>
#include <fieldkit/store/sync_queue.hpp>

using namespace fieldkit;
using namespace fieldkit::testing;

TEST_CASE("a new store uses 1 KiB pages and checkpoints its WAL every 4 MiB, also after reopening") {
    StoreFixture f;
    CHECK(*f.store->database().queryInt("PRAGMA page_size") == 1024);
    CHECK(*f.store->database().queryInt("PRAGMA wal_autocheckpoint") == 4096);
    f.store.reset();
    auto reopened = store::DeviceStore::open(f.file(), f.clock);
    REQUIRE(reopened.ok());
    CHECK(*(*reopened)->database().queryInt("PRAGMA page_size") == 1024);
    CHECK(*(*reopened)->database().queryInt("PRAGMA wal_autocheckpoint") == 4096);
}

TEST_CASE("a new store opens again and lists its staff") {
    StoreFixture f;
    const auto deviceId = f.store->deviceId();
    f.store.reset();
    auto reopened = store::DeviceStore::open(f.file(), f.clock);
    REQUIRE(reopened.ok());
    CHECK((*reopened)->deviceId() == deviceId);
    CHECK((*reopened)->unit() == "bike-07");
    auto staff = (*reopened)->staff();
    REQUIRE(staff.ok());
    REQUIRE(staff->size() == 1);
    CHECK(staff->front().name == "anna");
}

TEST_CASE("creating over an existing file is refused and leaves it alone") {
    StoreFixture f;
    const auto before = readAll(f.file());
    auto again = store::DeviceStore::create(f.file(), {"bo", "9999", cheapKdf(), "bike-07", true}, f.clock);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == "store_exists");
    CHECK(readAll(f.file()) == before);
}

TEST_CASE("a wrong PIN says how many attempts are left and the tenth disables the slot") {
    StoreFixture f;
    for (int attempt = 1; attempt < store::kMaxPinAttempts; ++attempt) {
        auto s = f.store->unlock("anna", "0000");
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().code == "wrong_pin");
        CHECK(s.error().message.find(std::to_string(store::kMaxPinAttempts - attempt) + " attempt") !=
              std::string::npos);
    }
    // The counter is persisted: reopening does not reset it.
    f.store.reset();
    f.store = std::move(*store::DeviceStore::open(f.file(), f.clock));
    auto last = f.store->unlock("anna", "0000");
    REQUIRE_FALSE(last.ok());
    CHECK(last.error().code == "slot_disabled");
    auto evenRight = f.store->unlock("anna", "1234");
    REQUIRE_FALSE(evenRight.ok());
    CHECK(evenRight.error().code == "slot_disabled");
    CHECK(evenRight.error().message.find("administrator") != std::string::npos);
}

TEST_CASE("a right PIN after wrong ones resets the counter") {
    StoreFixture f;
    CHECK_FALSE(f.store->unlock("anna", "0000").ok());
    CHECK(f.unlock() != nullptr);
    auto staff = f.store->staff();
    CHECK(staff->front().failedAttempts == 0);
}

TEST_CASE("another staff member gets a slot of their own") {
    StoreFixture f;
    {
        auto s = f.unlock();
        REQUIRE(s->addStaff("bo", "5678", cheapKdf()).ok());
        CHECK(s->addStaff("bo", "5678", cheapKdf()).error().code == "staff_exists");
    }
    auto bo = f.unlock("bo", "5678");
    auto id = bo->createCase(passportCase());
    REQUIRE(id.ok());
    // Both slots open the same data key: anna reads what bo wrote.
    auto anna = f.unlock();
    CHECK(anna->openCase(id->id, "check").ok());
    CHECK(f.store->unlock("nobody", "1").error().code == "unknown_staff");
}

TEST_CASE("a foreign SQLite file is refused and not modified") {
    StoreFixture f;
    const auto foreign = f.dir / "foreign.db";
    {
        auto db = sqlite::Database::open(foreign, sqlite::OpenMode::CreateIfMissing);
        REQUIRE(db->exec("CREATE TABLE t(x); INSERT INTO t VALUES (1)").ok());
    }
    const auto before = readAll(foreign);
    auto opened = store::DeviceStore::open(foreign);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == "not_a_store");
    CHECK(readAll(foreign) == before);
    CHECK_FALSE(std::filesystem::exists(foreign.string() + "-wal"));
}

TEST_CASE("a corrupt file is refused with a clear message and left untouched") {
    StoreFixture f;
    const auto garbage = f.dir / "garbage.db";
    {
        std::ofstream out(garbage, std::ios::binary);
        for (int i = 0; i < 8192; ++i) {
            out.put(static_cast<char>((i * 7919) & 0xff));
        }
    }
    const auto before = readAll(garbage);
    auto opened = store::DeviceStore::open(garbage);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == "corrupt_store");
    CHECK(opened.error().message.find("left untouched") != std::string::npos);
    CHECK(readAll(garbage) == before);

    auto missing = store::DeviceStore::open(f.dir / "nothing.db");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == "no_store");
    CHECK_FALSE(std::filesystem::exists(f.dir / "nothing.db"));
}

TEST_CASE("a store from a newer fieldkit is refused") {
    StoreFixture f;
    REQUIRE(f.store->database().exec("PRAGMA user_version = 99").ok());
    f.store.reset();
    auto opened = store::DeviceStore::open(f.file());
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == "newer_store");
}

namespace {

/** Undoes migration 11 (issue 18: citizen views) on a store made by this build. */
void downgradeToVersion10(sqlite::Database& db) {
    REQUIRE(db.exec("DROP TABLE citizen_views").ok());
    REQUIRE(db.exec("DROP INDEX audit_log_by_case").ok());
    REQUIRE(db.exec("PRAGMA user_version = 10").ok());
}

/** Undoes migration 10 (issue 16: numbers a restored center lost) on a store made by this build. */
void downgradeToVersion9(sqlite::Database& db) {
    downgradeToVersion10(db);
    REQUIRE(db.exec("ALTER TABLE operations DROP COLUMN previous_server_seq").ok());
    REQUIRE(db.exec("PRAGMA user_version = 9").ok());
}

/** Undoes migration 9 (issue 13: refusal codes) on a store made by this build. */
void downgradeToVersion8(sqlite::Database& db) {
    downgradeToVersion9(db);
    REQUIRE(db.exec("ALTER TABLE operations DROP COLUMN rejected_code").ok());
    REQUIRE(db.exec("PRAGMA user_version = 8").ok());
}

/** Undoes migration 8 (issue 13: chunks fetched in slices) on a store made by this build. */
void downgradeToVersion7(sqlite::Database& db) {
    downgradeToVersion8(db);
    REQUIRE(db.exec("DROP TABLE attachment_chunk_parts").ok());
    REQUIRE(db.exec("PRAGMA user_version = 7").ok());
}

/** Undoes migration 7 (issue 14: the name index) on a store made by this build. */
void downgradeToVersion6(sqlite::Database& db) {
    downgradeToVersion7(db);
    REQUIRE(db.exec("DROP TABLE name_index").ok());
    REQUIRE(db.exec("DELETE FROM meta WHERE key IN ('search_indexed_op', 'search_backfill')").ok());
    REQUIRE(db.exec("PRAGMA user_version = 6").ok());
}

/** Undoes migration 6 (issue 15: the case row MAC) on a store made by this build. */
void downgradeToVersion5(sqlite::Database& db) {
    downgradeToVersion6(db);
    REQUIRE(db.exec("ALTER TABLE cases DROP COLUMN meta_mac").ok());
    REQUIRE(db.exec("PRAGMA user_version = 5").ok());
}

/** Undoes migration 5 (refused attachments and two partial indexes) on a store made by this build. */
void downgradeToVersion4(sqlite::Database& db) {
    downgradeToVersion5(db);
    REQUIRE(db.exec("DROP INDEX operations_attachment_refs").ok());
    REQUIRE(db.exec("DROP INDEX operations_refused").ok());
    REQUIRE(db.exec("ALTER TABLE attachments DROP COLUMN refused").ok());
    REQUIRE(db.exec("PRAGMA user_version = 4").ok());
}

/** Undoes migration 4 (pending flag column instead of a partial index) on a store made by this build. */
void downgradeToVersion3(sqlite::Database& db) {
    downgradeToVersion4(db);
    REQUIRE(db.exec("ALTER TABLE cases DROP COLUMN pending").ok());
    REQUIRE(db.exec("CREATE INDEX operations_unacked ON operations(case_id) WHERE server_seq IS NULL").ok());
    REQUIRE(db.exec("PRAGMA user_version = 3").ok());
}

} // namespace

TEST_CASE("opening a version 8 store keeps its refusals: their sentence stays, their code is unknown") {
    StoreFixture f;
    {
        auto s = f.unlock();
        REQUIRE(s->createCase(passportCase()).ok());
    }
    store::SyncQueue queue(*f.store);
    REQUIRE(queue.acknowledge({{1, 0, true, "the case belongs to another unit", "other_unit"}}).ok());
    downgradeToVersion8(f.store->database());
    f.store.reset();

    auto opened = store::DeviceStore::open(f.file());
    REQUIRE_MESSAGE(opened.ok(), opened.error().message);
    f.store = std::move(*opened);
    CHECK(*f.store->database().queryInt("PRAGMA user_version") == 11);
    auto position = store::SyncQueue(*f.store).position();
    REQUIRE(position.ok());
    CHECK(position->rejectedOps == 1);
    CHECK(position->lastRefusal == "the case belongs to another unit"); // the app shows the center's words
    CHECK(position->lastRefusalCode.empty());
}

TEST_CASE("opening a version 3 store flags each case pending from its unacknowledged operations") {
    StoreFixture f;
    store::CaseId acked;
    store::CaseId waiting;
    {
        auto s = f.unlock();
        acked = s->createCase(passportCase())->id;
        waiting = s->createCase(passportCase("1010101234"))->id;
    }
    store::SyncQueue queue(*f.store);
    REQUIRE(queue.acknowledge({{1, 41, false, "", ""}}).ok()); // the first case's only operation
    auto& db = f.store->database();
    downgradeToVersion3(db);
    f.store.reset();

    auto opened = store::DeviceStore::open(f.file());
    REQUIRE_MESSAGE(opened.ok(), opened.error().message);
    f.store = std::move(*opened);
    CHECK(*f.store->database().queryInt("PRAGMA user_version") == 11);
    CHECK(*f.store->database().queryInt(
              "SELECT count(*) FROM sqlite_schema WHERE name = 'operations_unacked'") == 0);
    auto s = f.unlock();
    auto rows = s->listCases({});
    REQUIRE(rows->size() == 2);
    for (const auto& row : *rows) {
        CHECK(row.pendingSync == (row.id == waiting));
    }
    CHECK(std::any_of(rows->begin(), rows->end(), [&](const auto& r) { return r.id == acked; }));
}

TEST_CASE("opening a version 4 store lets attachments be refused and indexes refused operations") {
    StoreFixture f;
    {
        auto s = f.unlock();
        REQUIRE(s->createCase(passportCase()).ok());
    }
    downgradeToVersion4(f.store->database());
    f.store.reset();
    auto opened = store::DeviceStore::open(f.file());
    REQUIRE_MESSAGE(opened.ok(), opened.error().message);
    f.store = std::move(*opened);
    CHECK(*f.store->database().queryInt("PRAGMA user_version") == 11);
    CHECK(*f.store->database().queryInt("SELECT count(*) FROM pragma_table_info('attachments') WHERE name = "
                                        "'refused'") == 1);
    CHECK(*f.store->database().queryInt(
              "SELECT count(*) FROM sqlite_schema WHERE name IN ('operations_refused', "
              "'operations_attachment_refs')") == 2);
    store::SyncQueue queue(*f.store);
    CHECK(queue.position()->rejectedOps == 0);
}

TEST_CASE("opening a version 6 store makes its cases searchable by name at the next unlock") {
    StoreFixture f;
    store::CaseId id;
    {
        auto s = f.unlock();
        id = s->createCase(passportCase())->id; // Jens Jensen
    }
    downgradeToVersion6(f.store->database());
    f.store.reset();
    auto opened = store::DeviceStore::open(f.file());
    REQUIRE_MESSAGE(opened.ok(), opened.error().message);
    f.store = std::move(*opened);
    CHECK(*f.store->database().queryInt("PRAGMA user_version") == 11);
    CHECK(*f.store->database().queryInt("SELECT count(*) FROM name_index") == 0);
    auto s = f.unlock();
    CHECK(s->findByName("jens", "test")->empty()); // the migration has no key to write the entries with
    CHECK(*s->indexArrivedCases() == 1);           // the app does it at unlock
    auto found = s->findByName("jensen", "test");
    REQUIRE(found.ok());
    REQUIRE(found->size() == 1);
    CHECK(found->front().id == id);
    CHECK(*s->indexArrivedCases() == 0); // once
}

TEST_CASE("opening a version 2 store adds who created each case, taken from its first operation") {
    StoreFixture f;
    {
        auto s = f.unlock();
        REQUIRE(s->createCase(passportCase()).ok());
    }
    auto& db = f.store->database();
    downgradeToVersion3(db);
    REQUIRE(db.exec("DROP INDEX cases_by_creator").ok());
    REQUIRE(db.exec("ALTER TABLE cases DROP COLUMN created_by").ok());
    REQUIRE(db.exec("PRAGMA user_version = 2").ok());
    f.store.reset();

    auto opened = store::DeviceStore::open(f.file());
    REQUIRE_MESSAGE(opened.ok(), opened.error().message);
    f.store = std::move(*opened);
    CHECK(*f.store->database().queryInt("PRAGMA user_version") == 11);
    auto s = f.unlock();
    auto rows = s->listCases({});
    REQUIRE(rows->size() == 1);
    CHECK(rows->front().createdBy == "anna");
}

TEST_CASE(
    "a store waiting for its enrolment unlocks, and refuses to seal a case until the center's keys come") {
    StoreFixture f;
    f.store.reset();
    std::filesystem::remove(f.file());
    // As `fieldkit-ctl init --unit` leaves it: no center key and no unit key until the first sync installs
    // them.
    auto waiting =
        store::DeviceStore::create(f.file(), {"anna", "1234", cheapKdf(), "bike-07", false}, f.clock);
    REQUIRE(waiting.ok());
    auto session = (*waiting)->unlock("anna", "1234");
    REQUIRE(session.ok());
    auto created = (*session)->createCase({"passport", "bike", {}, {}, {}});
    REQUIRE_FALSE(created.ok());
    CHECK(created.error().code == "not_enrolled");
    auto list = (*session)->listCases({});
    CHECK(list.ok());
}

TEST_CASE("changes a restored center lost go back into the outbox with their numbers, and out again") {
    StoreFixture f;
    {
        auto s = f.unlock();
        REQUIRE(s->createCase(passportCase()).ok());
        REQUIRE(s->createCase(passportCase()).ok());
    }
    store::SyncQueue queue(*f.store);
    REQUIRE(queue.acknowledge({{1, 10, false, "", ""}, {2, 11, false, "", ""}}).ok());
    const auto acked = *queue.position();
    CHECK(acked.pendingOps == 0);

    auto requeued = queue.requeueAfter(1); // the center holds device_seq 1 only
    REQUIRE(requeued.ok());
    CHECK(*requeued == 1);
    const auto lost = *queue.position();
    CHECK(lost.lastAckedDeviceSeq == 1);
    CHECK(lost.pendingOps == 1);
    CHECK(lost.checksum != acked.checksum); // out of the checksum until the center has it again
    const auto pending = *queue.pending(10);
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].deviceSeq == 2);
    CHECK(pending[0].serverSeq == 11); // sent with the number the center gave it

    REQUIRE(queue.acknowledge({{2, 11, false, "", ""}}).ok());
    const auto back = *queue.position();
    CHECK(back.pendingOps == 0);
    CHECK(back.lastAckedDeviceSeq == 2);
    CHECK(back.checksum == acked.checksum);
    CHECK(*queue.requeueAfter(2) == 0); // nothing lost: nothing changes
}
