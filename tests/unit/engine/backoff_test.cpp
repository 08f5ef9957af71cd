#include <doctest/doctest.h>
#include <fieldkit/engine/backoff.hpp>

using namespace fieldkit::engine;
using std::chrono::milliseconds;

TEST_CASE(
    "full jitter: the delay lies between zero and the smaller of the cap and base times two to the attempt") {
    const BackoffPolicy policy;
    CHECK(backoffDelay(policy, 0, 0.0) == milliseconds(0));
    CHECK(backoffDelay(policy, 0, 0.5) == milliseconds(500));
    CHECK(backoffDelay(policy, 3, 0.5) == milliseconds(4000));
    CHECK(backoffDelay(policy, 3, 0.999).count() < 8000);
    // Capped at about ten minutes however many failures, and no overflow for absurd counts.
    CHECK(backoffDelay(policy, 30, 0.5) == milliseconds(300000));
    CHECK(backoffDelay(policy, 4000000000u, 0.999).count() < 600000);
}
