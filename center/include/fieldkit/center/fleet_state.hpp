#pragma once

#include <fieldkit/hub/center_records.hpp>
#include <string>
#include <string_view>

namespace fieldkit::center {

/** Where a device stands, as IT sees it on the fleet page. */
enum class DeviceState {
    AwaitingContact, // enrolled, has not synced since
    Active,
    Revoked,
    WipeOrdered, // the order waits for the device's next contact or its confirmation
    Wiped,       // the device confirmed it wiped itself
};

/** Pure: the state the center's records put the device in. */
[[nodiscard]] DeviceState deviceState(const hub::FleetDevice& device);

/** Pure: may IT revoke it (not already revoked, ordered wiped or wiped)? */
[[nodiscard]] bool mayRevoke(DeviceState state);
/** Pure: may IT order it wiped (no order yet; a revoked device may still be wiped at its next contact)? */
[[nodiscard]] bool mayOrderWipe(DeviceState state);

/** "active", "revoked", … (for texts and CSS classes). */
[[nodiscard]] std::string_view toString(DeviceState state);

} // namespace fieldkit::center
