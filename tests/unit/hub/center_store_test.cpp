#include "center_store_fixture.hpp"

#include <doctest/doctest.h>
#include <fieldkit/hub/center_store.hpp>
#include <fieldkit/hub/hub_metrics.hpp>
#include <filesystem>
#include <random>

using namespace fieldkit;
using namespace fieldkit::hub;
using fieldkit::hub::testing::op;
using fieldkit::hub::testing::PostgresBackend;
using fieldkit::hub::testing::SqliteBackend;
using fieldkit::hub::testing::TempStore;

namespace {} // namespace

TEST_CASE_TEMPLATE(
    "a batch applies once: a repeat gets its original acks, and the device's sequence is recorded", Backend,
    SqliteBackend, PostgresBackend) {
    TempStore t{Backend{}};
    auto device = *t.store->devices().device("dev-a");
    auto first = t.store->operations().applyBatch(
        device, {op("dev-a", 1, 'x', 0, "service=passport"), op("dev-a", 2, 'x', 1)});
    REQUIRE(first.ok());
    CHECK((*first)[0].result() == protocol::PushAck::APPLIED);
    CHECK((*first)[1].server_seq() == 2);
    auto again = t.store->operations().applyBatch(*t.store->devices().device("dev-a"),
                                                  {op("dev-a", 1, 'x', 0, "service=passport")});
    REQUIRE(again.ok());
    CHECK((*again)[0].result() == protocol::PushAck::DUPLICATE);
    CHECK((*again)[0].server_seq() == 1);
    CHECK(t.store->devices().device("dev-a")->lastAppliedDeviceSeq == 2);
    CHECK(t.store->reports().stats()->operations == 2);
}

TEST_CASE_TEMPLATE("concurrent edits of one field are kept side by side, other devices pull them", Backend,
                   SqliteBackend, PostgresBackend) {
    TempStore t{Backend{}};
    REQUIRE(t.store->operations()
                .applyBatch(*t.store->devices().device("dev-a"), {op("dev-a", 1, 'x', 0, "service=passport")})
                .ok());
    REQUIRE(
        t.store->operations().applyBatch(*t.store->devices().device("dev-a"), {op("dev-a", 2, 'x', 1)}).ok());
    auto late = t.store->operations().applyBatch(*t.store->devices().device("dev-b"),
                                                 {op("dev-b", 1, 'x', 1)}); // saw only seq 1
    REQUIRE(late.ok());
    CHECK((*late)[0].conflicted());
    CHECK(t.store->operations().fieldHeads(std::vector<std::uint8_t>(16, 'x'))->size() == 2);
    CHECK(t.store->operations().cases()->front().conflicted);
    auto page = t.store->operations().changesSince("bike-07", 0, "dev-b", 10, protocol::kDefaultPageBytes);
    REQUIRE(page.ok());
    CHECK(page->ops.size() == 2); // dev-b's own change is left out
    CHECK(page->checkpoint == 3); // but the cursor moves past it
    CHECK_FALSE(page->more);
    // ... and its ack stands in for it, as a repeat gets it: dev-b may have lost the first one.
    REQUIRE(page->ownAcks.size() == 1);
    CHECK(page->ownAcks[0].device_seq() == 1);
    CHECK(page->ownAcks[0].server_seq() == 3);
    CHECK(page->ownAcks[0].result() == protocol::PushAck::DUPLICATE);
    CHECK(t.store->operations()
              .changesSince("bike-07", 0, "dev-a", 10, protocol::kDefaultPageBytes)
              ->ownAcks.size() == 2);
}

TEST_CASE_TEMPLATE(
    "a page of changes is bounded in bytes, always carries one, and the next page starts after it", Backend,
    SqliteBackend, PostgresBackend) {
    TempStore t{Backend{}};
    std::vector<protocol::Operation> ops;
    for (std::uint64_t seq = 1; seq <= 6; ++seq) {
        auto o = op("dev-a", seq, static_cast<char>('a' + seq), 0, "service=passport");
        o.set_ciphertext(std::string(1000, 'c'));
        ops.push_back(o);
    }
    REQUIRE(t.store->operations().applyBatch(*t.store->devices().device("dev-a"), ops).ok());
    const std::size_t one = ops[0].ByteSizeLong();
    std::uint64_t cursor = 0;
    std::vector<std::size_t> pages;
    for (int i = 0; i < 10; ++i) {
        auto page = t.store->operations().changesSince("bike-07", cursor, "dev-b", 100, 2 * one + one / 2);
        REQUIRE(page.ok());
        pages.push_back(page->ops.size());
        cursor = page->checkpoint;
        if (!page->more) {
            break;
        }
    }
    CHECK(pages == std::vector<std::size_t>{2, 2, 2});
    CHECK(cursor == 6);
    // A budget smaller than one change still moves: one per page.
    auto tiny = t.store->operations().changesSince("bike-07", 0, "dev-b", 100, 10);
    REQUIRE(tiny.ok());
    CHECK(tiny->ops.size() == 1);
    CHECK(tiny->more);
    CHECK(tiny->checkpoint == 1);
}

TEST_CASE_TEMPLATE("bad operations are refused with a reason and do not stop the batch", Backend,
                   SqliteBackend, PostgresBackend) {
    TempStore t{Backend{}};
    auto device = *t.store->devices().device("dev-a");
    auto noKeys = op("dev-a", 1, 'y', 0, "service=passport");
    noKeys.clear_sealed_key_center();
    auto acks = t.store->operations().applyBatch(
        device, {noKeys, op("dev-b", 2, 'z', 0, "service=x"), op("dev-a", 3, 'w', 0, "service=moving")});
    REQUIRE(acks.ok());
    CHECK((*acks)[0].result() == protocol::PushAck::REJECTED);
    CHECK((*acks)[0].reason().find("sealed record keys") != std::string::npos);
    CHECK((*acks)[0].reason_code() == "malformed"); // the code the app words for the staff
    CHECK((*acks)[1].reason() == "the operation names another device");
    CHECK((*acks)[1].reason_code() == "other_device");
    CHECK((*acks)[2].reason_code().empty());
    CHECK((*acks)[2].result() == protocol::PushAck::APPLIED);
    // The foreign op is refused without a stored ack: only dev-a's own refusal is recorded.
    CHECK(t.store->reports().stats()->rejected == 1);
    // ...and without raising dev-a's last applied sequence past its own operations.
    CHECK(t.store->devices().device("dev-a")->lastAppliedDeviceSeq == 3);
    auto next = t.store->operations().applyBatch(*t.store->devices().device("dev-a"),
                                                 {op("dev-a", 4, 'v', 0, "service=moving")});
    CHECK((*next)[0].result() == protocol::PushAck::APPLIED);
}

TEST_CASE("metrics render as Prometheus text") {
    HubMetrics m;
    m.sessionsTotal = 3;
    m.observeSyncDuration(0.02);
    const auto text = renderPrometheus(m);
    CHECK(text.find("fieldkit_hub_sessions_total 3") != std::string::npos);
    CHECK(text.find("fieldkit_hub_sync_duration_seconds_bucket{le=\"0.05\"} 1") != std::string::npos);
    CHECK(text.find("fieldkit_hub_sync_duration_seconds_bucket{le=\"0.01\"} 0") != std::string::npos);
}

TEST_CASE_TEMPLATE("after a restore, changes sent again keep their numbers where they may, and bases follow",
                   Backend, SqliteBackend, PostgresBackend) {
    TempStore t{Backend{}};
    auto& ops = t.store->operations();
    const auto device = [&](const std::string& id) { return *t.store->devices().device(id); };
    const auto carrying = [](protocol::Operation o, std::uint64_t number) {
        o.set_server_seq(number);
        return o;
    };
    REQUIRE(
        ops.applyBatch(device("dev-a"), {op("dev-a", 1, 'x', 0, "service=passport"), op("dev-a", 2, 'x', 1)})
            .ok());
    // The backup held numbers 1 and 2; the devices hold more.
    auto range = ops.setAsideAfterRestore(1);
    REQUIRE(range.ok());
    CHECK(range->first == 3);
    CHECK(range->last == 2 + kRestoreSetAside);
    const std::uint64_t next = range->last + 1;

    auto fresh = ops.applyBatch(device("dev-b"), {op("dev-b", 1, 'z', 0, "service=passport")});
    REQUIRE(fresh.ok());
    CHECK((*fresh)[0].server_seq() == next); // new changes come after the set-aside numbers

    auto again = ops.applyBatch(device("dev-a"),
                                {carrying(op("dev-a", 3, 'y', 0, "service=passport"), 5),
                                 carrying(op("dev-a", 4, 'x', 2), 6), carrying(op("dev-a", 5, 'z', 7), 8)});
    REQUIRE(again.ok());
    CHECK((*again)[0].server_seq() == 5); // a lost new case: its number back
    CHECK((*again)[1].server_seq() == 6); // newer than x's version in force: its number back
    CHECK_FALSE((*again)[1].conflicted());
    CHECK((*again)[2].server_seq() == next + 1); // z has a newer version: a new number
    CHECK((*again)[2].conflicted());             // its base 7 is still lost: it closes nothing
    CHECK((*again)[2].result() == protocol::PushAck::APPLIED);

    // An edit based on the lost number 8 means the change that now has next + 1.
    auto follow = ops.applyBatch(device("dev-b"), {op("dev-b", 2, 'z', 8)});
    REQUIRE(follow.ok());
    REQUIRE((*follow)[0].result() == protocol::PushAck::APPLIED);
    REQUIRE((*follow)[0].closes_size() == 1);
    CHECK((*follow)[0].closes(0) == next + 1);
    CHECK((*follow)[0].server_seq() > next + 1);
    CHECK(ops.serverHead("bike-07").value() == (*follow)[0].server_seq());
}
