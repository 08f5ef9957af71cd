// The device's side of the citizen view (issue 18): a receipt at creation, a view sealed under its code that
// follows status changes and looks (Min log), queued for the daemon, which can send it but not open it.
#include "store_fixture.hpp"

#include <fieldkit/core/citizen_view.hpp>
#include <fieldkit/core/field.hpp>
#include <fieldkit/crypto/citizen_access.hpp>
#include <fieldkit/store/sync_queue.hpp>

using namespace fieldkit;
using namespace fieldkit::testing;

namespace {

core::CitizenView openView(const store::PendingCitizenView& pending, const store::CitizenReceipt& receipt) {
    auto keys = crypto::deriveCitizenKeys(receipt.reference, receipt.code);
    REQUIRE(keys.ok());
    CHECK(keys->verifier == pending.verifier);
    auto plain = crypto::openCitizenView(*keys, receipt.reference, pending.sealed);
    REQUIRE_MESSAGE(plain.ok(), plain.error().message);
    auto view = core::decodeCitizenView(*plain);
    REQUIRE(view.ok());
    return *view;
}

} // namespace

TEST_CASE("citizen view: a new case has a receipt and a sealed view waiting for the daemon") {
    StoreFixture f;
    auto s = f.unlock();
    auto created = s->createCase(passportCase());
    REQUIRE(created.ok());
    auto receipt = s->citizenReceipt(created->id, "receipt");
    REQUIRE(receipt.ok());
    REQUIRE(receipt->has_value());
    CHECK(crypto::parseCitizenReference((*receipt)->reference).ok());
    CHECK(crypto::parseCitizenCode((*receipt)->code).ok());

    store::SyncQueue queue(*f.store);
    auto pending = queue.pendingCitizenViews(10);
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 1);
    CHECK(pending->front().reference == (*receipt)->reference);
    CHECK(pending->front().expiresMs == 0);
    const auto view = openView(pending->front(), **receipt);
    CHECK(view.service == "passport");
    CHECK(core::currentStatus(view) == core::CaseStatus::Opened);
    CHECK_FALSE(view.missingItems.empty()); // nothing ticked yet

    // The sealed view holds no personal value in clear.
    const std::string sealed(pending->front().sealed.begin(), pending->front().sealed.end());
    for (const char* canary : {"Jens", "0707614285", "Nørregade", "photo"}) {
        CHECK(sealed.find(canary) == std::string::npos);
    }
}

TEST_CASE("citizen view: status changes and looks are republished, taken views leave the queue") {
    StoreFixture f;
    auto s = f.unlock();
    auto created = s->createCase(passportCase());
    REQUIRE(created.ok());
    auto receipt = s->citizenReceipt(created->id, "receipt");
    REQUIRE(receipt.ok());
    store::SyncQueue queue(*f.store);
    auto first = queue.pendingCitizenViews(10);
    REQUIRE(first.ok());
    REQUIRE(queue.citizenViewsAnswered({{first->front().reference, first->front().updatedMs, ""}}).ok());
    CHECK(queue.pendingCitizenViews(10)->empty());

    f.clock.advance(60'000);
    REQUIRE(s->changeStatus(created->id, core::CaseStatus::Informed).ok());
    f.clock.advance(60'000);
    REQUIRE(s->openCase(created->id, "case-page").ok());
    // Saves and looks only mark the view: sealing waits for publishCitizenViews (app page, ctl command).
    CHECK(queue.pendingCitizenViews(10)->empty());
    auto sealed = s->publishCitizenViews();
    REQUIRE(sealed.ok());
    CHECK(*sealed == 1);
    CHECK(*s->publishCitizenViews() == 0); // nothing marked since
    auto next = queue.pendingCitizenViews(10);
    REQUIRE(next.ok());
    REQUIRE(next->size() == 1);
    CHECK(next->front().updatedMs > first->front().updatedMs);
    const auto view = openView(next->front(), **receipt);
    CHECK(core::currentStatus(view) == core::CaseStatus::Informed);
    REQUIRE(view.timeline.size() == 2);
    REQUIRE_FALSE(view.lookups.empty());
    CHECK(view.lookups.back().purpose == "case-page");
    CHECK(view.lookups.back().unit == "bike-07");
    // Never a staff member's name.
    CHECK(core::encodeCitizenView(view).find("anna") == std::string::npos);

    // An answer for an older version leaves the newer one queued; a refusal is kept with its code.
    REQUIRE(queue.citizenViewsAnswered({{next->front().reference, first->front().updatedMs, ""}}).ok());
    CHECK(queue.pendingCitizenViews(10)->size() == 1);
    REQUIRE(
        queue.citizenViewsAnswered({{next->front().reference, next->front().updatedMs, "hub_too_old"}}).ok());
    CHECK(queue.pendingCitizenViews(10)->empty());
    CHECK(queue.citizenViewBacklog()->first == 1);
    CHECK(queue.citizenViewBacklog()->second == "hub_too_old");
}

TEST_CASE("citizen view: a closed case's receipt expires after the retention period") {
    StoreFixture f;
    auto s = f.unlock();
    auto created = s->createCase(passportCase());
    REQUIRE(created.ok());
    for (auto to : {core::CaseStatus::Informed, core::CaseStatus::Decided, core::CaseStatus::Ordered,
                    core::CaseStatus::Done, core::CaseStatus::Closed}) {
        REQUIRE(s->changeStatus(created->id, to).ok());
    }
    REQUIRE(s->publishCitizenViews().ok());
    store::SyncQueue queue(*f.store);
    auto pending = queue.pendingCitizenViews(10);
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 1);
    CHECK(pending->front().expiresMs == f.clock.nowMs() + core::kCitizenViewRetentionMs);
}
