// The decisions of one push, without a database: what both center stores write.
#include "center_store_fixture.hpp"

#include <doctest/doctest.h>
#include <fieldkit/hub/push_plan.hpp>
#include <numeric>

using namespace fieldkit;
using hub::CaseKey;
using hub::PushSnapshot;

namespace {

protocol::Operation op(std::uint64_t seq, char caseByte, std::uint64_t base, const std::string& meta = "",
                       const std::string& device = "dev-a") {
    return hub::testing::op(device, seq, caseByte, base, meta);
}

CaseKey key(char caseByte) {
    return CaseKey(16, static_cast<std::uint8_t>(caseByte));
}

std::vector<std::uint64_t> seqsFrom(std::uint64_t first, std::size_t count) {
    std::vector<std::uint64_t> seqs(count);
    std::iota(seqs.begin(), seqs.end(), first);
    return seqs;
}

const hub::DeviceRecord kDevice{"dev-a", "bike-07"};

} // namespace

TEST_CASE(
    "a push plan creates a case, keeps the newest metadata and takes one sequence number per operation") {
    const std::vector ops{op(1, 'x', 0, "service=passport;channel=bike"), op(2, 'x', 0, "status=informed"),
                          op(3, 'x', 0, "status=decided")};
    PushSnapshot snapshot;
    REQUIRE(hub::seqsNeeded(kDevice, ops, snapshot) == 3);
    auto plan = hub::planPush(kDevice, ops, snapshot, seqsFrom(100, 3));
    REQUIRE(plan.ok());
    REQUIRE(plan->acks.size() == 3);
    CHECK(plan->acks[0].server_seq() == 100);
    CHECK(plan->acks[2].server_seq() == 102);
    REQUIRE(plan->newCases.size() == 1);
    CHECK(plan->newCases[0].service == "passport");
    CHECK(plan->newCases[0].channel == "bike");
    REQUIRE(plan->caseUpdates.size() == 1);
    CHECK(plan->caseUpdates[0].status == "decided");
    // Ops 2 and 3 name base 0 while 1 is open: each supersedes nothing and conflicts with what is open.
    CHECK(plan->acks[1].conflicted());
    CHECK(plan->caseUpdates[0].conflicted);
    CHECK(plan->operations.size() == 3);
    CHECK(plan->acksToStore.size() == 3);
    CHECK(plan->lastApplied == 3);
    CHECK(plan->changed);
}

TEST_CASE("a push plan writes only the difference of the heads: a version opened and closed within it is "
          "never written") {
    // 1 sets the name; 2 builds on 1 (by its own device_seq), so it closes 1's version in the same push.
    auto second = op(2, 'x', 0);
    second.mutable_fields(0)->set_base_device_seq(1);
    const std::vector ops{op(1, 'x', 0, "service=passport"), second};
    PushSnapshot snapshot;
    auto plan = hub::planPush(kDevice, ops, snapshot, seqsFrom(10, 2));
    REQUIRE(plan.ok());
    CHECK_FALSE(plan->acks[1].conflicted());
    REQUIRE(plan->acks[1].closes_size() == 1);
    CHECK(plan->acks[1].closes(0) == 10);
    CHECK(plan->closedHeads.empty());
    REQUIRE(plan->openedHeads.size() == 1);
    CHECK(plan->openedHeads[0].serverSeq == 11);
    CHECK_FALSE(plan->caseUpdates[0].conflicted);
}

TEST_CASE("a push plan closes a stored version it supersedes") {
    PushSnapshot snapshot;
    snapshot.caseUnits[key('x')] = "bike-07";
    snapshot.heads[{key('x'), 2}].open.push_back({7, false});
    auto plan = hub::planPush(kDevice, {op(1, 'x', 7)}, snapshot, seqsFrom(20, 1));
    REQUIRE(plan.ok());
    CHECK(plan->newCases.empty());
    REQUIRE(plan->closedHeads.size() == 1);
    CHECK(plan->closedHeads[0].serverSeq == 7);
    REQUIRE(plan->openedHeads.size() == 1);
    CHECK(plan->openedHeads[0].serverSeq == 20);
    // An existing case's operation is stored without the record keys (the case row holds them).
    protocol::Operation stored;
    REQUIRE(stored.ParseFromString(plan->operations[0].message));
    CHECK(stored.sealed_key_center().empty());
    CHECK(stored.unit() == "bike-07");
}

TEST_CASE("a push plan answers repeats, stale, foreign and other-unit operations without applying them") {
    PushSnapshot snapshot;
    snapshot.lastApplied = 5;
    protocol::PushAck earlier;
    earlier.set_device_seq(5);
    earlier.set_server_seq(50);
    earlier.set_result(protocol::PushAck::APPLIED);
    snapshot.storedAcks[5] = earlier;
    snapshot.caseUnits[key('o')] = "bike-09";
    const std::vector ops{op(5, 'x', 0),                              // a repeat
                          op(4, 'x', 0),                              // older than applied
                          op(6, 'y', 0, "service=passport", "dev-b"), // another device's
                          op(7, 'o', 0),                              // another unit's case
                          op(8, 'z', 0),                              // a new case without its keys' service
                          op(8, 'z', 0, "service=moving")};           // a repeat of 8 within the push
    REQUIRE(hub::seqsNeeded(kDevice, ops, snapshot) == 2);
    auto plan = hub::planPush(kDevice, ops, snapshot, seqsFrom(60, 2));
    REQUIRE(plan.ok());
    REQUIRE(plan->acks.size() == 6);
    CHECK(plan->acks[0].result() == protocol::PushAck::DUPLICATE);
    CHECK(plan->acks[0].server_seq() == 50);
    CHECK(plan->acks[1].reason_code() == "stale");
    CHECK(plan->acks[2].reason_code() == "other_device");
    CHECK(plan->acks[3].reason_code() == "other_unit");
    CHECK(plan->acks[4].reason_code() == "malformed");
    CHECK(plan->acks[5].result() == protocol::PushAck::REJECTED); // 8 was answered: the repeat gets that
    CHECK_FALSE(plan->changed);
    CHECK(plan->operations.empty());
    CHECK(plan->newCases.empty());
    CHECK(plan->acksToStore.size() == 3); // stale, other unit, malformed: never the foreign one or repeats
    CHECK(plan->lastApplied == 8);
}

TEST_CASE("a push plan refuses an operation that builds on a refused one of the same device") {
    auto second = op(2, 'x', 0, "service=passport");
    second.mutable_fields(0)->set_base_device_seq(1);
    const std::vector ops{op(1, 'x', 0), second}; // 1 lacks a service: refused, so 2 depends on a refusal
    auto plan = hub::planPush(kDevice, ops, PushSnapshot{}, seqsFrom(1, 2));
    REQUIRE(plan.ok());
    CHECK(plan->acks[0].reason_code() == "malformed");
    CHECK(plan->acks[1].reason_code() == "depends_on_refused");
}

TEST_CASE("a push plan asked to apply more than it was given numbers for fails instead of inventing one") {
    auto plan = hub::planPush(kDevice, {op(1, 'x', 0, "service=passport")}, PushSnapshot{}, {});
    REQUIRE_FALSE(plan.ok());
    CHECK(plan.error().code == "too_few_seqs");
}
