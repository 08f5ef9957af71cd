#include <doctest/doctest.h>
#include <fieldkit/engine/link_pace.hpp>
#include <limits>

using namespace fieldkit::engine;
using std::chrono::milliseconds;
using std::chrono::seconds;

namespace {

/** Feeds `n` answers of a link carrying `bytesPerSecond`, each push as large as the pace asks. */
void settle(LinkPace& pace, double bytesPerSecond, int n = 20) {
    for (int i = 0; i < n; ++i) {
        const auto bytes = pace.pushBytes();
        pace.answered(bytes, std::chrono::duration_cast<PaceDuration>(
                                 std::chrono::duration<double>(static_cast<double>(bytes) / bytesPerSecond)));
    }
}

} // namespace

TEST_CASE("pushes are sized to the measured link: small on 2G, large on LTE") {
    LinkPace twoG;
    settle(twoG, 5'800); // 2G through a store-and-forward emulator
    CHECK(twoG.pushBytes() >= 4'000);
    CHECK(twoG.pushBytes() <= 6'000); // about pushTime (0.8 s) of the link
    LinkPace lte;
    settle(lte, 2'500'000);
    CHECK(lte.pushBytes() == lte.limits().maxPushBytes);
}

TEST_CASE("a push grows at most fourfold per answer") {
    LinkPace pace;
    const auto first = pace.pushBytes();
    pace.answered(first, milliseconds(1)); // absurdly fast: proves little
    CHECK(pace.pushBytes() == 4 * first);
}

TEST_CASE("a cut halves the push, and answers bring it back") {
    LinkPace pace;
    settle(pace, 100'000);
    const auto before = pace.pushBytes();
    pace.cut();
    CHECK(pace.pushBytes() == before / 2);
    pace.cut();
    pace.cut();
    CHECK(pace.pushBytes() < before / 4);
    settle(pace, 100'000, 40);
    CHECK(pace.pushBytes() == before);
}

TEST_CASE("sizes stay within their bounds however the link behaves") {
    LinkPace pace;
    for (int i = 0; i < 50; ++i) {
        pace.cut();
    }
    CHECK(pace.pushBytes() == pace.limits().minPushBytes);
    CHECK(pace.pageBytes() >= pace.limits().minPageBytes);
    pace.answered(1, seconds(1000)); // one byte in a thousand seconds
    CHECK(pace.pushBytes() == pace.limits().minPushBytes);
    pace.answered(0, milliseconds(0));
    CHECK(pace.pushBytes() >= pace.limits().minPushBytes);
}

TEST_CASE("the wait for an answer follows the bytes outstanding and the rate, within floor and ceiling") {
    LinkPace pace;
    // Nothing measured: a conservative rate, so a first 8 KiB push on 2G is not given up on too soon.
    CHECK(pace.answerDeadline(0) == pace.limits().floor);
    CHECK(pace.answerDeadline(8 * 1024) > pace.limits().floor + seconds(7));
    settle(pace, 5'800);
    // 580 KB over 2G needs far longer than any fixed 60 s deadline, and gets it (up to the ceiling).
    CHECK(pace.answerDeadline(580'000) == pace.limits().ceiling);
    const auto small = pace.answerDeadline(6'000);
    CHECK(small > pace.limits().floor);
    CHECK(small < pace.limits().floor + seconds(3));
    LinkPace fast;
    settle(fast, 2'500'000);
    CHECK(fast.answerDeadline(256 * 1024) > fast.limits().floor + milliseconds(200));
    CHECK(fast.answerDeadline(256 * 1024) < fast.limits().floor + milliseconds(220));
    // However many bytes are said to be outstanding, the wait is the ceiling (no overflow on the way).
    CHECK(pace.answerDeadline(std::numeric_limits<std::size_t>::max()) == pace.limits().ceiling);
}

TEST_CASE("a pace remembered between processes goes on where it left off, within its limits") {
    LinkPace pace;
    settle(pace, 13'000);
    pace.cut();
    const auto memory = pace.memory();
    LinkPace again(memory, PaceLimits{});
    CHECK(again.pushBytes() == pace.pushBytes());
    CHECK(again.pageBytes() == pace.pageBytes());
    CHECK(again.bytesPerSecond() == pace.bytesPerSecond());

    // A damaged memory cannot push the pace outside its bounds.
    LinkPace wild(LinkPace::Memory{-5, 1u << 30, 7.0}, PaceLimits{});
    CHECK(wild.pushBytes() == PaceLimits{}.maxPushBytes);
    CHECK_FALSE(wild.bytesPerSecond().has_value());
    LinkPace empty(LinkPace::Memory{}, PaceLimits{});
    CHECK(empty.pushBytes() == PaceLimits{}.startPushBytes);
}

TEST_CASE("cuts alone bring push and page to their minimum, however fast the link was measured") {
    LinkPace pace;
    settle(pace, 2'500'000); // LTE
    REQUIRE(pace.pushBytes() == pace.limits().maxPushBytes);
    REQUIRE(pace.pageBytes() == pace.limits().maxPageBytes);
    for (int i = 0; i < 8; ++i) {
        pace.cut();
    }
    CHECK(pace.pushBytes() == pace.limits().minPushBytes);
    CHECK(pace.pageBytes() == pace.limits().minPageBytes);
    // An answer between cuts lets them grow only a little: the link has shown it cuts.
    pace.answered(pace.pushBytes(), std::chrono::milliseconds(1));
    CHECK(pace.pushBytes() <= 4 * pace.limits().minPushBytes);
    CHECK(pace.pageBytes() <= 4 * pace.limits().minPageBytes);
}
