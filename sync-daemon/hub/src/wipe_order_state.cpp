#include <fieldkit/hub/wipe_order_state.hpp>

namespace fieldkit::hub {

WipeOrderState wipeOrderState(const WipeOrderRecord& order, std::int64_t nowMs) {
    if (order.confirmedMs > 0) {
        return WipeOrderState::Confirmed;
    }
    if (order.deliveredMs <= 0) {
        return WipeOrderState::AwaitingContact;
    }
    return nowMs - order.deliveredMs < kWipeConfirmationGraceMs ? WipeOrderState::Delivered
                                                                : WipeOrderState::Unconfirmed;
}

std::string_view toString(WipeOrderState state) {
    switch (state) {
    case WipeOrderState::AwaitingContact:
        return "awaiting_contact";
    case WipeOrderState::Delivered:
        return "delivered";
    case WipeOrderState::Confirmed:
        return "confirmed";
    case WipeOrderState::Unconfirmed:
        return "unconfirmed";
    }
    return "unknown";
}

} // namespace fieldkit::hub
