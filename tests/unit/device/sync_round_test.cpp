// The device's side of a sync round against the real hub: two real device stores of one unit, the real
// SQLite center store and sync service, frames passed by hand so a reply can be lost on the way.
#include "../store/store_fixture.hpp"

#include <doctest/doctest.h>
#include <fieldkit/core/field.hpp>
#include <fieldkit/core/life_situation_answers.hpp>
#include <fieldkit/crypto/box_key_pair.hpp>
#include <fieldkit/device/sync_round.hpp>
#include <fieldkit/engine/handshake.hpp>
#include <fieldkit/hub/center_store.hpp>
#include <fieldkit/hub/sync_service.hpp>
#include <fieldkit/store/sync_queue.hpp>
#include <filesystem>
#include <random>

using namespace fieldkit;
using fieldkit::testing::cheapKdf;
namespace fields = core::fields;

namespace {

/** A center with unit bike-07, and devices of that unit enrolled with its key. */
struct Center {
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("fieldkit-round-" + std::to_string(std::random_device{}()));
    crypto::BoxKeyPair centerKey = crypto::BoxKeyPair::generate();
    crypto::BoxKeyPair unitKey = crypto::BoxKeyPair::generate();
    std::unique_ptr<hub::CenterStore> store;
    std::unique_ptr<hub::SyncService> service;
    store::ManualClock clock{1'700'000'000'000};

    Center() {
        std::filesystem::create_directories(dir);
        auto opened = hub::openSqliteCenterStore(dir / "center.db", true);
        REQUIRE_MESSAGE(opened.ok(), opened.error().message);
        store = std::move(*opened);
        const auto& pk = unitKey.publicKey().bytes;
        REQUIRE(store->units()
                    .addUnit({"bike-07", std::vector<std::uint8_t>(pk.begin(), pk.end()),
                              crypto::sealBoxKeyPair(unitKey, centerKey.publicKey())})
                    .ok());
        service = std::make_unique<hub::SyncService>(*store, [this] { return clock.nowMs(); });
    }
    ~Center() {
        service.reset();
        store.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    Center(const Center&) = delete;
    Center& operator=(const Center&) = delete;

    /** A device store enrolled in bike-07, its staff member signed in. */
    struct Device {
        std::unique_ptr<store::DeviceStore> store;
        std::unique_ptr<store::Session> session;
    };

    Device enrol(const std::string& name) {
        auto created = store::DeviceStore::create(
            dir / (name + ".db"), {"staff-" + name, "1234", cheapKdf(), "bike-07", false}, clock);
        REQUIRE_MESSAGE(created.ok(), created.error().message);
        Device d{std::move(*created), nullptr};
        REQUIRE(store->devices().registerDevice(d.store->deviceId(), "bike-07").ok());
        auto devicePk = crypto::BoxPublicKey::fromBytes(*d.store->boxPublicKey());
        REQUIRE(devicePk.ok());
        const auto& centerPk = centerKey.publicKey().bytes;
        const auto& unitPk = unitKey.publicKey().bytes;
        REQUIRE(d.store
                    ->installEnrolment({std::vector<std::uint8_t>(centerPk.begin(), centerPk.end()),
                                        "bike-07", std::vector<std::uint8_t>(unitPk.begin(), unitPk.end()),
                                        crypto::sealBoxKeyPair(unitKey, *devicePk)})
                    .ok());
        auto session = d.store->unlock("staff-" + name, "1234");
        REQUIRE_MESSAGE(session.ok(), session.error().message);
        d.session = std::move(*session);
        return d;
    }

    /** Hello and one push of at most `batch` operations; the hub's reply is applied unless it is lost. */
    void round(Device& d, int batch, bool replyLost = false) {
        store::SyncQueue queue(*d.store);
        const auto position = queue.position();
        REQUIRE(position.ok());
        hub::HubSession session;
        auto welcome = service->greet(engine::makeHello({d.store->deviceId(), position->pullCursor,
                                                         position->lastAckedDeviceSeq, "test"}),
                                      d.store->deviceId(), session);
        REQUIRE(welcome.ok());
        auto push = device::buildPush(queue, batch);
        REQUIRE(push.ok());
        auto reply = service->sync(d.store->deviceId(), *push, session);
        REQUIRE_MESSAGE(reply.ok(), reply.error().message);
        if (!replyLost) {
            REQUIRE(device::applyReply(queue, *reply).ok());
        }
    }
};

std::vector<std::string> versionsOf(Center::Device& d, const core::CaseId& id, std::uint32_t field) {
    auto details = d.session->openCase(id, "test");
    REQUIRE(details.ok());
    std::vector<std::string> values;
    if (const auto it = details->registers.find(field); it != details->registers.end()) {
        for (const auto& v : it->second) {
            values.push_back(v.value);
        }
    }
    return values;
}

} // namespace

TEST_CASE("a change that closes one of our versions whose ack was lost closes it here at once") {
    Center center;
    auto a = center.enrol("a");
    auto b = center.enrol("b");
    auto created = a.session->createCase(fieldkit::testing::passportCase());
    REQUIRE(created.ok());
    const auto id = created->id;
    center.round(a, 10);
    center.round(b, 10);

    // Device a changes the name and the phone; the center applies both, but its reply never arrives.
    REQUIRE(a.session->setFields(id, {{fields::kName.value, "Jens A. Jensen"}}).ok());
    REQUIRE(a.session->setFields(id, {{fields::kPhone.value, "+45 11111111"}}).ok());
    center.round(a, 10, /*replyLost*/ true);

    // Device b pulls a's phone and replaces it: the center closes a's version, naming it by its server_seq.
    center.round(b, 10);
    REQUIRE(b.session->setFields(id, {{fields::kPhone.value, "+45 22222222"}}).ok());
    center.round(b, 10);

    // Device a syncs again, one operation per push: the first reply acks only the name, yet its page carries
    // b's change, which closes a's phone by a number only the lost ack told.
    center.round(a, 1);
    CHECK(versionsOf(a, id, fields::kPhone.value) == std::vector<std::string>{"+45 22222222"});
    CHECK_FALSE(a.session->listCases({})->front().conflicted);

    // The page's ack was a real one: the phone left the outbox and the checksum counts it.
    store::SyncQueue queue(*a.store);
    CHECK(queue.position()->pendingOps == 0);
    CHECK(
        queue.position()->checksum ==
        center.store->operations().changesSince("bike-07", 0, "", 0, protocol::kDefaultPageBytes)->checksum);
}

namespace {

core::LifeSituationProgress progressOf(Center::Device& d, const core::CaseId& id) {
    auto details = d.session->openCase(id, "case-view");
    REQUIRE(details.ok());
    std::map<std::uint32_t, std::string> values;
    for (const auto& [field, versions] : details->registers) {
        values[field] = versions.back().value;
    }
    return core::readLifeSituation(values);
}

fieldkit::Status tick(Center::Device& d, const core::CaseId& id, std::uint16_t step, bool done) {
    const auto value = core::lifeSituationStepValue(core::LifeSituation::Moving, step, done);
    REQUIRE(value.ok());
    return d.session->setFields(id, {{value->first.value, value->second}});
}

} // namespace

TEST_CASE("life-situation steps ticked on one tablet show on the partner's, and ticks made on both merge") {
    Center center;
    auto a = center.enrol("a");
    auto b = center.enrol("b");
    auto c = fieldkit::testing::passportCase();
    c.service = "moving";
    c.lifeSituation = "moving";
    c.lifeSituationDone = {1, 2};
    auto created = a.session->createCase(c);
    REQUIRE(created.ok());
    const auto id = created->id;
    center.round(a, 10);
    center.round(b, 10);
    REQUIRE(b.session->indexArrivedCases().ok());
    CHECK(progressOf(b, id) == core::LifeSituationProgress{core::LifeSituation::Moving, {1, 2}});

    // Both tick a different step while apart: separate fields, so no conflict, and both keep both.
    REQUIRE(tick(a, id, 3, true).ok());
    REQUIRE(tick(b, id, 4, true).ok());
    REQUIRE(tick(b, id, 1, false).ok());
    center.round(a, 10);
    center.round(b, 10);
    center.round(a, 10);
    const core::LifeSituationProgress both{core::LifeSituation::Moving, {2, 3, 4}};
    CHECK(progressOf(a, id) == both);
    CHECK(progressOf(b, id) == both);
    CHECK_FALSE(a.session->listCases({})->front().conflicted);
    CHECK_FALSE(b.session->listCases({})->front().conflicted);
}

TEST_CASE("the partner's tablet finds an arrived case by name, and by the new name after a correction") {
    Center center;
    auto a = center.enrol("a");
    auto b = center.enrol("b");
    auto created = a.session->createCase(fieldkit::testing::passportCase()); // Jens Jensen
    REQUIRE(created.ok());
    center.round(a, 10);
    center.round(b, 10);
    CHECK(b.session->findByName("jensen", "find-citizen")->empty()); // the daemon is blind
    REQUIRE(b.session->indexArrivedCases().ok());
    CHECK(b.session->findByName("jensen", "find-citizen")->size() == 1);
    CHECK(b.session->findByCpr("0707614285", "find-citizen")->size() == 1);

    REQUIRE(a.session->setFields(created->id, {{fields::kName.value, "Jens Kristoffersen"}}).ok());
    center.round(a, 10);
    center.round(b, 10);
    REQUIRE(b.session->indexArrivedCases().ok());
    CHECK(b.session->findByName("jensen", "find-citizen")->empty());
    CHECK(b.session->findByName("kristoffer", "find-citizen")->size() == 1);
    CHECK(*b.session->indexArrivedCases() == 0); // nothing new arrived since
}
