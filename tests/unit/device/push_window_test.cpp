// The push window against a real store: pushes are byte-bounded slices of the outbox that never overlap,
// at most the pace's number are in flight, pulls wait for an answer, and answers teach the pace.
#include "store_fixture.hpp"

#include <doctest/doctest.h>
#include <fieldkit/device/push_window.hpp>
#include <fieldkit/device/sync_round.hpp>
#include <fieldkit/store/sync_queue.hpp>

using namespace fieldkit;
using namespace fieldkit::testing;
using std::chrono::milliseconds;

namespace {

/** A store with `count` pending cases (one operation each). */
struct Backlog {
    StoreFixture f;
    explicit Backlog(int count) {
        auto s = f.unlock();
        for (int i = 0; i < count; ++i) {
            REQUIRE(s->createCase(passportCase()).ok());
        }
    }
};

protocol::SyncReply answerFor(const protocol::PushBatch& push, std::uint64_t& serverSeq, bool more) {
    protocol::SyncReply reply;
    for (const auto& op : push.ops()) {
        auto* ack = reply.add_acks();
        ack->set_device_seq(op.device_seq());
        ack->set_server_seq(++serverSeq);
    }
    reply.set_more(more);
    return reply;
}

} // namespace

TEST_CASE("pushes are byte-bounded, do not overlap, and fill the window, answers free room for more") {
    Backlog b(60);
    store::SyncQueue queue(*b.f.store);
    engine::PaceLimits limits;
    limits.startPushBytes = 4 * 1024;
    engine::LinkPace pace(limits);
    device::PushWindow window(pace, 1000);
    const auto t0 = device::WindowClock::time_point{};

    std::vector<protocol::PushBatch> sent;
    while (auto next = *window.next(queue)) {
        REQUIRE(next->ops_size() > 0);
        CHECK(next->ByteSizeLong() <= limits.startPushBytes);
        CHECK(next->page_bytes() == pace.pageBytes());
        window.sent(*next, next->ByteSizeLong(), t0);
        sent.push_back(*next);
    }
    REQUIRE(sent.size() == pace.maxInFlight());
    std::uint64_t expected = 1;
    for (const auto& push : sent) {
        for (const auto& op : push.ops()) {
            CHECK(op.device_seq() == expected++);
        }
    }

    // The first answer arrives after 200 ms: the pace learns the rate, and one more push may go.
    std::uint64_t serverSeq = 0;
    const auto reply = answerFor(sent.front(), serverSeq, false);
    std::vector<store::PushResult> acks;
    for (const auto& ack : reply.acks()) {
        acks.push_back({ack.device_seq(), ack.server_seq(), false, "", ""});
    }
    REQUIRE(queue.acknowledge(acks).ok());
    window.answered(reply, reply.ByteSizeLong(), t0 + milliseconds(200));
    REQUIRE(pace.bytesPerSecond().has_value());
    auto more = *window.next(queue);
    REQUIRE(more.has_value());
    CHECK(more->ops(0).device_seq() == expected); // after everything in flight, not after what was acked
    CHECK(window.inFlight() == pace.maxInFlight() - 1);
}

TEST_CASE("with nothing to push, one pull goes, a second only once an answer said more is waiting") {
    StoreFixture f;
    store::SyncQueue queue(*f.store);
    engine::LinkPace pace;
    device::PushWindow window(pace, 1000);
    const auto t0 = device::WindowClock::time_point{};
    auto pull = *window.next(queue);
    REQUIRE(pull.has_value());
    CHECK(pull->ops_size() == 0);
    window.sent(*pull, 10, t0);
    CHECK_FALSE(window.next(queue)->has_value()); // no speculative pulls before an answer

    std::uint64_t serverSeq = 0;
    window.answered(answerFor(*pull, serverSeq, true), 3000, t0 + milliseconds(100));
    CHECK(window.more());
    auto next = *window.next(queue);
    REQUIRE(next.has_value());
    window.sent(*next, 10, t0 + milliseconds(100));
    auto third = *window.next(queue); // while more waits, pulls may be in flight together
    REQUIRE(third.has_value());
    window.sent(*third, 10, t0 + milliseconds(100));
    window.answered(answerFor(*next, serverSeq, false), 100, t0 + milliseconds(200));
    CHECK_FALSE(window.more());
    CHECK_FALSE(window.next(queue)->has_value()); // the head is reached: nothing more to ask
    window.answered(answerFor(*third, serverSeq, false), 100, t0 + milliseconds(250));
    CHECK(window.empty());
    CHECK_FALSE(window.next(queue)->has_value());
}

TEST_CASE("a stopped window sends nothing more, and an operation too large for any frame is set aside") {
    Backlog b(3);
    store::SyncQueue queue(*b.f.store);
    engine::LinkPace pace;
    device::PushWindow window(pace, 1000);
    window.stop();
    CHECK_FALSE(window.next(queue)->has_value());

    REQUIRE(b.f.store->database()
                .exec("UPDATE operations SET ciphertext = zeroblob(700000) WHERE device_seq = 2")
                .ok());
    auto push = device::buildPush(queue, 0, 1000, 1024 * 1024);
    REQUIRE(push.ok());
    REQUIRE(push->ops_size() == 2);
    CHECK(push->ops(0).device_seq() == 1);
    CHECK(push->ops(1).device_seq() == 3);
    const auto position = queue.position();
    CHECK(position->rejectedOps == 1);
    CHECK(position->lastRefusal.find("too large") != std::string::npos);
    CHECK(position->lastRefusalCode == "too_large"); // the app words it for the staff
    CHECK(position->pendingOps == 2);
}
