#include <doctest/doctest.h>
#include <fieldkit/hub/wipe_order_state.hpp>

using namespace fieldkit::hub;

namespace {

WipeOrderRecord order(std::int64_t deliveredMs, std::int64_t confirmedMs) {
    WipeOrderRecord o;
    o.deviceId = "d1";
    o.orderId = "o1";
    o.issuedMs = 1'000;
    o.deliveredMs = deliveredMs;
    o.confirmedMs = confirmedMs;
    return o;
}

} // namespace

TEST_CASE(
    "a wipe order waits for contact, then for its confirmation, and is unconfirmed after the grace period") {
    const std::int64_t delivered = 5'000;
    CHECK(wipeOrderState(order(0, 0), delivered + 10 * kWipeConfirmationGraceMs) ==
          WipeOrderState::AwaitingContact); // a device that never calls in stays "awaiting", however long
    CHECK(wipeOrderState(order(delivered, 0), delivered) == WipeOrderState::Delivered);
    CHECK(wipeOrderState(order(delivered, 0), delivered + kWipeConfirmationGraceMs - 1) ==
          WipeOrderState::Delivered);
    CHECK(wipeOrderState(order(delivered, 0), delivered + kWipeConfirmationGraceMs) ==
          WipeOrderState::Unconfirmed);
    // A device that comes back later and confirms is confirmed, whenever that is.
    CHECK(wipeOrderState(order(delivered, delivered + 3 * kWipeConfirmationGraceMs),
                         delivered + 4 * kWipeConfirmationGraceMs) == WipeOrderState::Confirmed);
}

TEST_CASE("each wipe order state has its own word in the export") {
    CHECK(toString(WipeOrderState::AwaitingContact) == "awaiting_contact");
    CHECK(toString(WipeOrderState::Delivered) == "delivered");
    CHECK(toString(WipeOrderState::Confirmed) == "confirmed");
    CHECK(toString(WipeOrderState::Unconfirmed) == "unconfirmed");
}
