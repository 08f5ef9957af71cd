// A life situation's ticked steps are case fields like any other: saved encrypted in an operation, shown
// again when the case is opened. A walk-up's case and contact are one transaction.
#include "store_fixture.hpp"

#include <fieldkit/core/field.hpp>
#include <fieldkit/core/life_situation_answers.hpp>
#include <fieldkit/store/sync_queue.hpp>

using namespace fieldkit;
using namespace fieldkit::testing;
namespace fields = core::fields;

namespace {

/** The progress as the app reads it: the newest version of each register in force. */
core::LifeSituationProgress progressOf(store::Session& s, const store::CaseId& id) {
    auto details = s.openCase(id, "case-view");
    REQUIRE(details.ok());
    std::map<std::uint32_t, std::string> values;
    for (const auto& [field, versions] : details->registers) {
        values[field] = versions.back().value;
    }
    return core::readLifeSituation(values);
}

} // namespace

TEST_CASE("life situation: ticked at creation and later, saved with the case, there after a new unlock") {
    StoreFixture f;
    store::CaseId id;
    {
        auto s = f.unlock();
        auto c = passportCase();
        c.service = "moving";
        c.lifeSituation = "moving";
        c.lifeSituationDone = {1, 2};
        auto created = s->createCase(c);
        REQUIRE_MESSAGE(created.ok(), created.error().message);
        id = created->id;
        CHECK(progressOf(*s, id) == core::LifeSituationProgress{core::LifeSituation::Moving, {1, 2}});

        // Ticking one more and unticking one are saves of their own, queued for sync like any change.
        const auto before = store::SyncQueue(*f.store).position()->pendingOps;
        const auto tick = core::lifeSituationStepValue(core::LifeSituation::Moving, 6, true);
        const auto untick = core::lifeSituationStepValue(core::LifeSituation::Moving, 2, false);
        REQUIRE(s->setFields(id, {{tick->first.value, tick->second}}).ok());
        REQUIRE(s->setFields(id, {{untick->first.value, untick->second}}).ok());
        CHECK(store::SyncQueue(*f.store).position()->pendingOps == before + 2);
    }
    // Locked and unlocked again (the app restarted): the steps are still done.
    auto s = f.unlock();
    CHECK(progressOf(*s, id) == core::LifeSituationProgress{core::LifeSituation::Moving, {1, 6}});

    // The situation and the steps are inside the ciphertext; the clear field ids name step numbers only.
    REQUIRE(f.store->database().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    const std::string raw = readAll(f.file());
    CHECK(raw.find("moving:yes") == std::string::npos);
    auto history = s->history(id);
    REQUIRE(history.ok());
    bool sawStep = false;
    for (const auto& entry : *history) {
        for (const auto field : entry.fields) {
            sawStep = sawStep || core::lifeSituationStepOf(core::FieldId{field}).has_value();
        }
    }
    CHECK(sawStep);
}

TEST_CASE("life situation: a step the situation lacks, or steps without a situation, save nothing") {
    StoreFixture f;
    auto s = f.unlock();
    auto c = passportCase();
    c.lifeSituation = "retirement";
    c.lifeSituationDone = {5}; // retirement has four steps
    CHECK(s->createCase(c).error().code == "unknown_life_situation_step");
    c.lifeSituation = "divorce";
    CHECK(s->createCase(c).error().code == "unknown_life_situation");
    c.lifeSituation.clear();
    CHECK(s->createCase(c).error().code == "unknown_life_situation_step");
    CHECK(s->listCases({})->empty());
}

TEST_CASE("a walk-up's case and contact are one transaction") {
    StoreFixture f;
    auto s = f.unlock();
    auto c = passportCase();
    c.contact = store::ContactRecord{"", "", "transaction", true, "", ""};
    auto created = s->createCase(c);
    REQUIRE(created.ok());
    const auto day = s->contactStatistics(0, std::numeric_limits<std::int64_t>::max());
    REQUIRE(day.ok());
    CHECK(day->total == 1);
    CHECK(day->perService.at("passport") == 1); // the case's service and channel
    CHECK(day->perChannel.at("bike") == 1);
    // The contact's pseudonymous reference is the case's citizen (the CPR's blind hash).
    CHECK(*f.store->database().queryInt("SELECT count(*) FROM contacts c JOIN blind_index b ON b.hash = "
                                        "c.citizen_ref") == 1);

    // A contact that cannot be saved takes the case with it: nothing half-written.
    c.contact->type = "chat";
    CHECK_FALSE(s->createCase(c).ok());
    CHECK(s->listCases({})->size() == 1);
    CHECK(s->contactStatistics(0, std::numeric_limits<std::int64_t>::max())->total == 1);
}
