#pragma once

#include <cstdint>
#include <fieldkit/hub/center_store.hpp>
#include <string_view>

namespace fieldkit::hub {

/** Where a wipe order stands, as the center's staff need to read it. */
enum class WipeOrderState {
    AwaitingContact, // the device has not connected since the order (switched off, or lost for good); revoked
    Delivered,       // sent, and the confirmation may still be on its way
    Confirmed,       // the device confirmed it is wiping itself
    Unconfirmed,     // sent long ago and never confirmed: presumed wiped, not proven
};

/** How long after delivery a missing confirmation is still expected. The device confirms on the connection
 *  that brought the order, before it wipes; a link that drops in between leaves a wiped device with no
 *  identity left to confirm with, so the order would otherwise look pending for ever. */
inline constexpr std::int64_t kWipeConfirmationGraceMs = 60 * 60 * 1000;

/** Derived from the order's times: a device that comes back later and confirms turns Unconfirmed into
 *  Confirmed. */
[[nodiscard]] WipeOrderState wipeOrderState(const WipeOrderRecord& order, std::int64_t nowMs);

/** "awaiting_contact", "delivered", "confirmed" or "unconfirmed": the export's and the stats' word for it. */
[[nodiscard]] std::string_view toString(WipeOrderState state);

} // namespace fieldkit::hub
