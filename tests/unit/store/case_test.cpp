#include "store_fixture.hpp"

#include <algorithm>
#include <fieldkit/core/field.hpp>
#include <fieldkit/core/hlc.hpp>
#include <fieldkit/store/sync_queue.hpp>

using namespace fieldkit;
using namespace fieldkit::testing;
namespace fields = core::fields;

TEST_CASE("a created case lists with clear metadata and opens with its personal fields") {
    StoreFixture f;
    auto s = f.unlock();
    auto created = s->createCase(passportCase());
    REQUIRE_MESSAGE(created.ok(), created.error().message);
    CHECK_FALSE(created->cprFailsModulus11);

    auto list = s->listCases({});
    REQUIRE(list.ok());
    REQUIRE(list->size() == 1);
    CHECK(list->front().id == created->id);
    CHECK(list->front().service == "passport");
    CHECK(list->front().status == core::CaseStatus::Opened);
    CHECK(list->front().unit == "bike-07");
    CHECK(list->front().pendingSync);

    auto details = s->openCase(created->id, "passport application");
    REQUIRE(details.ok());
    CHECK(details->registers.at(fields::kCpr.value).front().value == "0707614285");
    CHECK(details->registers.at(fields::kName.value).front().value == "Jens Jensen");
    CHECK(details->registers.at(fields::kName.value).front().staff == "anna");
    CHECK(details->appended.at(fields::kNote.value).front().value == "Needs a new photo.");
}

TEST_CASE("every read of personal data is audited with its purpose, and the chain verifies") {
    StoreFixture f;
    auto s = f.unlock();
    auto created = s->createCase(passportCase());
    REQUIRE(s->openCase(created->id, "citizen asked about status").ok());
    CHECK(s->openCase(created->id, "").error().code == "missing_purpose");
    auto found = s->findByCpr("070761-4285", "citizen at the counter");
    REQUIRE(found.ok());

    auto log = s->auditLog(created->id.toHex());
    REQUIRE(log.ok());
    std::vector<std::string> actions;
    for (const auto& e : *log) {
        actions.push_back(e.action + "/" + e.purpose);
    }
    CHECK(std::find(actions.begin(), actions.end(), "view/citizen asked about status") != actions.end());
    CHECK(std::find(actions.begin(), actions.end(), "find_cpr/citizen at the counter") != actions.end());
    auto report = s->verify();
    REQUIRE(report.ok());
    CHECK(report->problems.empty());
}

TEST_CASE("a removed or edited audit entry breaks the chain") {
    StoreFixture f;
    auto s = f.unlock();
    auto created = s->createCase(passportCase());
    REQUIRE(s->openCase(created->id, "check").ok());
    REQUIRE(f.store->database().exec("DELETE FROM audit_log WHERE action = 'create'").ok());
    auto report = s->verify();
    REQUIRE(report.ok());
    REQUIRE(report->problems.size() == 1);
    CHECK(report->problems.front().find("audit log chain breaks") != std::string::npos);
    // And it is append-only by trigger.
    CHECK_FALSE(f.store->database().exec("UPDATE audit_log SET purpose = 'x'").ok());
}

TEST_CASE("CPR lookup goes through the blind index") {
    StoreFixture f;
    auto s = f.unlock();
    auto a = s->createCase(passportCase("0707614285"));
    auto b = s->createCase(passportCase("1010101234"));
    REQUIRE((a.ok() && b.ok()));
    auto found = s->findByCpr("0707614285", "lookup");
    REQUIRE(found.ok());
    REQUIRE(found->size() == 1);
    CHECK(found->front().id == a->id);
    CHECK(s->findByCpr("3102001234", "lookup").error().code.find("cpr") == 0);
    CHECK(s->findByCpr("0101011234", "lookup")->empty());
}

TEST_CASE("an invalid CPR is refused, a modulus-11 failure is only a warning") {
    StoreFixture f;
    auto s = f.unlock();
    auto invalid = s->createCase(passportCase("3102611234"));
    REQUIRE_FALSE(invalid.ok());
    CHECK(invalid.error().code == "cpr_invalid_day");
    CHECK(s->listCases({})->empty());

    auto soft = s->createCase(passportCase("0101701234"));
    REQUIRE(soft.ok());
    CHECK(soft->cprFailsModulus11);
}

TEST_CASE("status follows the lifecycle and refuses a wrong step with the reason") {
    StoreFixture f;
    auto s = f.unlock();
    auto c = s->createCase(passportCase());
    REQUIRE(s->changeStatus(c->id, core::CaseStatus::Informed).ok());
    auto backwards = s->changeStatus(c->id, core::CaseStatus::Opened);
    REQUIRE_FALSE(backwards.ok());
    CHECK(backwards.error().message.find("informed") != std::string::npos);
    REQUIRE(s->changeStatus(c->id, core::CaseStatus::Done, "passport ordered").ok());
    REQUIRE(s->changeStatus(c->id, core::CaseStatus::Closed).ok());
    CHECK(s->changeStatus(c->id, core::CaseStatus::Informed).error().code.size() > 0);

    auto history = s->history(c->id);
    REQUIRE(history.ok());
    REQUIRE(history->size() == 4);
    CHECK(history->at(1).statusChange == "informed");
    CHECK(history->at(3).statusChange == "closed");
    auto details = s->openCase(c->id, "check");
    CHECK(details->appended.at(fields::kStatusNote.value).front().value == "passport ordered");
}

TEST_CASE("every change queues its operation with the next device sequence") {
    StoreFixture f;
    auto s = f.unlock();
    auto c = s->createCase(passportCase());
    REQUIRE(s->appendNote(c->id, "Called back.").ok());
    REQUIRE(s->setFields(c->id, {{fields::kPhone.value, "+45 87654321"}}).ok());
    store::SyncQueue queue(*f.store);
    auto pending = queue.pending(10);
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 3);
    CHECK(pending->at(0).deviceSeq == 1);
    CHECK(pending->at(2).deviceSeq == 3);
    CHECK(pending->at(0).meta.find("status=opened") != std::string::npos);
    CHECK(queue.position()->pendingOps == 3);

    REQUIRE(queue.acknowledge({{1, 101, false, "", ""}, {2, 102, false, "", ""}}).ok());
    CHECK(queue.position()->pendingOps == 1);
    CHECK(queue.position()->lastAckedDeviceSeq == 2);

    auto details = s->openCase(c->id, "check");
    CHECK(details->registers.at(fields::kPhone.value).size() == 1);
    CHECK(details->registers.at(fields::kPhone.value).front().value == "+45 87654321");
    CHECK(details->appended.at(fields::kNote.value).size() == 2);
}

TEST_CASE("contacts count per channel and service, with the share of help to self-service") {
    StoreFixture f;
    auto s = f.unlock();
    REQUIRE(s->registerContact({"bike", "mitid", "help-to-self-service", true, "", "0707614285"}).ok());
    REQUIRE(s->registerContact({"bike", "guidance", "information", true, "Udbetaling Danmark", ""}).ok());
    REQUIRE(s->registerContact({"kiosk", "passport", "transaction", false, "", ""}).ok());
    CHECK(s->registerContact({"fax", "passport", "transaction", false, "", ""}).error().code.size() > 0);
    auto stats = s->contactStatistics(0, f.clock.nowMs() + 1);
    REQUIRE(stats.ok());
    CHECK(stats->total == 3);
    CHECK(stats->perChannel.at("bike") == 2);
    CHECK(stats->perService.at("passport") == 1);
    CHECK(stats->helpToSelfService == 1);
    CHECK(stats->resolvedAtFirstContact == 2);
}

TEST_CASE("retention purges closed cases the center acknowledged, after the window, and nothing else") {
    StoreFixture f;
    auto s = f.unlock();
    auto closed = s->createCase(passportCase());
    auto open = s->createCase(passportCase("1010101234"));
    REQUIRE(s->changeStatus(closed->id, core::CaseStatus::Withdrawn).ok());
    store::SyncQueue queue(*f.store);
    const std::int64_t hour = 3600 * 1000;
    CHECK(*s->purge(24 * hour) == 0); // not acknowledged yet
    REQUIRE(queue.acknowledge({{1, 11, false, "", ""}, {2, 12, false, "", ""}, {3, 13, false, "", ""}}).ok());
    CHECK(*s->purge(24 * hour) == 0); // acknowledged just now
    f.clock.advance(25 * hour);
    CHECK(*s->purge(24 * hour) == 1);
    auto left = s->listCases({});
    REQUIRE(left->size() == 1);
    CHECK(left->front().id == open->id);
    CHECK(s->openCase(closed->id, "check").error().code == "unknown_case");
    CHECK(s->findByCpr("0707614285", "check")->empty());
    CHECK(s->verify()->problems.empty());
}

TEST_CASE(
    "the retention clock starts with the first ack of the closing, a repeated ack does not restart it") {
    StoreFixture f;
    auto s = f.unlock();
    auto c = s->createCase(passportCase());
    REQUIRE(s->changeStatus(c->id, core::CaseStatus::Withdrawn).ok());
    store::SyncQueue queue(*f.store);
    const std::int64_t hour = 3600 * 1000;
    REQUIRE(queue.acknowledge({{1, 11, false, "", ""}, {2, 12, false, "", ""}}).ok());
    f.clock.advance(23 * hour);
    // The same ack again: a replayed reply, or the one standing in for this operation in a later page.
    REQUIRE(queue.acknowledge({{2, 12, false, "", ""}}).ok());
    f.clock.advance(2 * hour);
    CHECK(*s->purge(24 * hour) == 1);
}

TEST_CASE("a purge that deletes this device's newest operations never lets a sequence number be reused") {
    StoreFixture f;
    auto s = f.unlock();
    auto first = s->createCase(passportCase());
    REQUIRE(s->changeStatus(first->id, core::CaseStatus::Withdrawn).ok()); // device_seq 2: the newest
    const auto newestAt = static_cast<std::uint64_t>(f.clock.nowMs());
    store::SyncQueue queue(*f.store);
    REQUIRE(queue.acknowledge({{1, 21, false, "", ""}, {2, 22, false, "", ""}}).ok());
    f.clock.advance(2 * 3600 * 1000);
    REQUIRE(*s->purge(3600 * 1000) == 1);
    REQUIRE(s->countCases({}).value() == 0); // every operation of this device is gone

    f.clock.advance(-3 * 3600 * 1000); // the clock stepped back to before that operation (a bad NTP answer)
    REQUIRE(s->createCase(passportCase("1010101234")).ok());
    auto next = queue.pending(10);
    REQUIRE(next.ok());
    REQUIRE(next->size() == 1);
    CHECK(next->front().deviceSeq == 3);                                  // not 1 again
    CHECK(core::Hlc::decode(next->front().hlc).physicalMs() >= newestAt); // and time did not run backwards
}

TEST_CASE("a case is pending sync until the center has sequenced every operation of it") {
    StoreFixture f;
    auto s = f.unlock();
    auto c = s->createCase(passportCase());
    auto other = s->createCase(passportCase("1010101234"));
    const auto pending = [&](const store::CaseId& id) {
        auto list = s->listCases({});
        REQUIRE(list.ok());
        auto it = std::find_if(list->begin(), list->end(), [&](const auto& row) { return row.id == id; });
        REQUIRE(it != list->end());
        return it->pendingSync;
    };
    store::SyncQueue queue(*f.store);
    CHECK(pending(c->id));
    REQUIRE(queue.acknowledge({{1, 31, false, "", ""}}).ok());
    CHECK_FALSE(pending(c->id));
    CHECK(pending(other->id)); // its own operation is still out

    REQUIRE(s->appendNote(c->id, "Called back.").ok());                          // device_seq 3
    REQUIRE(s->setFields(c->id, {{fields::kPhone.value, "+45 87654321"}}).ok()); // 4
    CHECK(pending(c->id));
    REQUIRE(queue.acknowledge({{3, 33, false, "", ""}}).ok());
    CHECK(pending(c->id)); // the phone change still waits
    REQUIRE(queue.acknowledge({{4, 0, true, "the case belongs to another unit", "other_unit"}}).ok());
    CHECK(pending(c->id)); // refused: it needs attention, it is not synced
    const auto position = queue.position();
    REQUIRE(position.ok());
    CHECK(position->rejectedOps == 1);
    CHECK(position->lastRefusal == "the case belongs to another unit");
    CHECK(position->lastRefusalCode == "other_unit");
    REQUIRE(queue.acknowledge({{2, 32, false, "", ""}}).ok());
    CHECK_FALSE(pending(other->id));
}

TEST_CASE("case ids start with their creation time and keep increasing within one millisecond") {
    StoreFixture
        f; // its clock stands still unless advanced: every case below is made in the same millisecond
    auto s = f.unlock();
    std::vector<store::CaseId> ids;
    for (const char* cpr : {"0707614285", "1010101234", "0101001234"}) {
        ids.push_back(s->createCase(passportCase(cpr))->id);
    }
    auto batch = s->createCases({passportCase("0707614285"), passportCase("1010101234")});
    REQUIRE(batch.ok());
    for (const auto& c : *batch) {
        ids.push_back(c.id);
    }
    CHECK(std::is_sorted(ids.begin(), ids.end()));
    CHECK(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
    const auto ms = static_cast<std::uint64_t>(f.clock.nowMs());
    const std::array<std::uint8_t, store::CaseId::kRandomTailSize> noTail{};
    CHECK(ids.front().toHex().substr(0, 12) == store::CaseId::timeOrdered(ms, noTail).toHex().substr(0, 12));
}

TEST_CASE("a batch of cases is saved in one transaction, all or nothing") {
    StoreFixture f;
    auto s = f.unlock();
    auto batch = s->createCases({passportCase("0707614285"), passportCase("1010101234")});
    REQUIRE(batch.ok());
    CHECK(batch->size() == 2);
    CHECK(s->countCases({}).value() == 2);
    auto bad = s->createCases({passportCase("0707614285"), passportCase("3102611234")});
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.find("Case 2 of the batch") == 0);
    CHECK(s->countCases({}).value() == 2);
    store::SyncQueue queue(*f.store);
    CHECK(queue.position()->pendingOps == 2);
}

TEST_CASE("read-audit entries commit without fsync, and the next save is durable again") {
    StoreFixture f;
    auto s = f.unlock();
    auto created = s->createCase(passportCase());
    REQUIRE(created.ok());
    auto& db = f.store->database();
    CHECK(*db.queryInt("PRAGMA synchronous") == 2); // FULL
    REQUIRE(s->findByCpr("0707614285", "citizen at the counter").ok());
    CHECK(*db.queryInt("PRAGMA synchronous") == 2);
    REQUIRE(s->openCase(created->id, "case work").ok());
    CHECK(*db.queryInt("PRAGMA synchronous") == 2);
    CHECK(s->findByCpr("not a cpr", "x").error().code != "");
    CHECK(*db.queryInt("PRAGMA synchronous") == 2);

    auto log = s->auditLog(created->id.toHex());
    REQUIRE(log.ok());
    CHECK(std::count_if(log->begin(), log->end(),
                        [](const auto& e) { return e.action == "find_cpr" || e.action == "view"; }) == 2);
    auto report = s->verify();
    REQUIRE(report.ok());
    CHECK(report->problems.empty());
}

TEST_CASE("a case's status is the one the center sequenced last, even when an ack arrives late") {
    StoreFixture f;
    auto s = f.unlock();
    auto c = s->createCase(passportCase());
    REQUIRE(s->changeStatus(c->id, core::CaseStatus::Informed).ok());
    store::SyncQueue queue(*f.store);
    auto pending = queue.pending(10);
    REQUIRE(pending->size() == 2);

    // Another device closed the case; the center sequenced that as 200. This device's own change to
    // "informed" is not acknowledged yet, so it will be sequenced later and still shows.
    store::SyncOperation theirs = pending->at(1);
    theirs.deviceId = "other-device";
    theirs.deviceSeq = 7;
    theirs.meta = "status=closed";
    theirs.serverSeq = 200;
    REQUIRE(queue.applyInbound({theirs}, 200, /*more*/ true, 0).ok());
    const auto statusNow = [&] { return s->listCases({})->front().status; };
    CHECK(statusNow() == core::CaseStatus::Informed);

    SUBCASE("the ack says the center sequenced it before the other change: that change wins") {
        REQUIRE(queue.acknowledge({{1, 100, false, "", ""}, {2, 150, false, "", ""}}).ok());
        CHECK(statusNow() == core::CaseStatus::Closed);
    }
    SUBCASE("the ack says it came after: it stays") {
        REQUIRE(queue.acknowledge({{1, 100, false, "", ""}, {2, 250, false, "", ""}}).ok());
        CHECK(statusNow() == core::CaseStatus::Informed);
    }
    SUBCASE("the center refused it: the other change wins") {
        REQUIRE(queue.acknowledge({{1, 100, false, "", ""}, {2, 0, true, "not allowed", ""}}).ok());
        CHECK(statusNow() == core::CaseStatus::Closed);
    }
}

TEST_CASE("a change made while a field shows a conflict names every version it replaces") {
    StoreFixture f;
    auto s = f.unlock();
    auto c = s->createCase(passportCase());
    REQUIRE(s->setFields(c->id, {{fields::kPhone.value, "+45 11111111"}}).ok());
    store::SyncQueue queue(*f.store);
    auto mine = queue.pending(10);
    REQUIRE(mine->size() == 2);
    REQUIRE(queue.acknowledge({{1, 100, false, "", ""}, {2, 101, false, "", ""}}).ok());

    // Another device set the phone concurrently (it saw only the creation): two versions are open.
    store::SyncOperation theirs = mine->at(1);
    theirs.deviceId = "other-device";
    theirs.deviceSeq = 9;
    theirs.serverSeq = 102;
    theirs.fields = {{fields::kPhone.value, 0, 0}};
    REQUIRE(queue.applyInbound({theirs}, 102, /*more*/ true, 0).ok());
    REQUIRE(s->listCases({})->front().conflicted);
    store::CaseFilter conflictedOnly;
    conflictedOnly.conflictedOnly = true;
    CHECK(*s->countCases(conflictedOnly) == 1);

    REQUIRE(s->setFields(c->id, {{fields::kPhone.value, "+45 22222222"}}).ok());
    auto pending = queue.pending(10);
    REQUIRE(pending->size() == 1);
    std::vector<std::uint64_t> bases;
    for (const auto& ref : pending->front().fields) {
        CHECK(ref.fieldId == fields::kPhone.value);
        bases.push_back(ref.baseSeq);
    }
    std::sort(bases.begin(), bases.end());
    CHECK(bases == std::vector<std::uint64_t>{101, 102});
    CHECK_FALSE(s->listCases({})->front().conflicted);
}

TEST_CASE("the case list filters on who created a case and on conflicts, in the store") {
    StoreFixture f;
    auto s = f.unlock();
    REQUIRE(s->createCase(passportCase()).ok());
    REQUIRE(s->createCase(passportCase()).ok());
    auto rows = s->listCases({});
    REQUIRE(rows->size() == 2);
    CHECK(rows->front().createdBy == "anna");

    store::CaseFilter mine;
    mine.createdBy = "anna";
    CHECK(*s->countCases(mine) == 2);
    CHECK(s->listCases(mine)->size() == 2);
    mine.createdBy = "bent";
    CHECK(*s->countCases(mine) == 0);
    CHECK(s->listCases(mine)->empty());
    store::CaseFilter conflicted;
    conflicted.conflictedOnly = true;
    CHECK(*s->countCases(conflicted) == 0);
}

namespace {

/** The verify problems about clear metadata (others, such as a copied ciphertext that does not open, aside).
 */
std::vector<std::string> metadataProblems(store::Session& s) {
    auto report = s.verify();
    REQUIRE(report.ok());
    std::vector<std::string> out;
    for (const auto& p : report->problems) {
        if (p.find("clear metadata") != std::string::npos || p.find("status") != std::string::npos) {
            out.push_back(p);
        }
    }
    return out;
}

} // namespace

TEST_CASE("verify finds clear metadata edited in the raw file, a status change the daemon applied passes") {
    StoreFixture f;
    auto s = f.unlock();
    auto c = s->createCase(passportCase());
    REQUIRE(c.ok());
    REQUIRE(s->changeStatus(c->id, core::CaseStatus::Informed).ok());
    REQUIRE(s->verify()->problems.empty());
    auto& db = f.store->database();

    SUBCASE("status set to closed behind fieldkit's back") {
        REQUIRE(db.exec("UPDATE cases SET status = 'closed'").ok());
        const auto problems = metadataProblems(*s);
        REQUIRE(problems.size() == 1);
        CHECK(problems.front().find(c->id.toHex()) != std::string::npos);
        CHECK(problems.front().find("changed outside fieldkit") != std::string::npos);
    }
    SUBCASE("back to an earlier status of its own operations") {
        REQUIRE(db.exec("UPDATE cases SET status = 'opened'").ok());
        CHECK(metadataProblems(*s).size() == 1);
    }
    SUBCASE("service, unit, channel or creator changed") {
        for (const char* edit :
             {"UPDATE cases SET service = 'driving_licence'", "UPDATE cases SET unit = 'x'",
              "UPDATE cases SET channel = 'phone'", "UPDATE cases SET created_by = 'eve'",
              "UPDATE cases SET created_ms = created_ms + 1"}) {
            CAPTURE(edit);
            REQUIRE(db.exec("SAVEPOINT edit").ok());
            REQUIRE(db.exec(edit).ok());
            CHECK(metadataProblems(*s).size() == 1);
            REQUIRE(db.exec("ROLLBACK TO edit").ok());
            REQUIRE(db.exec("RELEASE edit").ok());
        }
        CHECK(metadataProblems(*s).empty());
    }
    SUBCASE("the MAC removed together with the edit") {
        REQUIRE(db.exec("UPDATE cases SET status = 'closed', meta_mac = NULL").ok());
        CHECK(metadataProblems(*s).size() == 1);
    }
    SUBCASE("the daemon applied another device's status change, without the data key") {
        store::SyncQueue queue(*f.store);
        auto pending = queue.pending(10);
        REQUIRE(pending->size() == 2);
        store::SyncOperation theirs = pending->at(1);
        theirs.deviceId = "other-device";
        theirs.deviceSeq = 7;
        theirs.meta = "status=closed";
        theirs.serverSeq = 200;
        REQUIRE(queue.applyInbound({theirs}, 200, /*more*/ true, 0).ok());
        REQUIRE(queue.acknowledge({{1, 100, false, "", ""}, {2, 150, false, "", ""}}).ok());
        REQUIRE(s->listCases({})->front().status == core::CaseStatus::Closed);
        CHECK(metadataProblems(*s).empty());
    }
}
