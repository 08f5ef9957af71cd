#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <fieldkit/crypto/box_key_pair.hpp>
#include <fieldkit/hub/center_store.hpp>
#include <string>
#include <vector>

namespace fieldkit::center {

/** The device id the console writes a unit's operations under: one per unit, derived from its name, so
 *  the hub's exactly-once apply and sequencing treat the console like any device of the unit. */
[[nodiscard]] std::string consoleDeviceId(const std::string& unit);

/** A status change authored at the center: an operation sealed with the case's record key (no field
 *  values, `status=CODE` in its clear metadata), applied through the operation store like a device's push,
 *  and so delivered to the unit's devices on their next sync. Checks the transition (core::checkTransition).
 *  Answers the server sequence it got. Codes: unknown_case, unreadable_case, status_*, rejected. */
[[nodiscard]] Result<std::uint64_t> changeStatusAtCenter(hub::CenterStore& store,
                                                         const crypto::BoxKeyPair& centerKey,
                                                         const std::vector<std::uint8_t>& caseId,
                                                         const std::string& newStatus,
                                                         const std::string& staff, std::int64_t nowMs);

} // namespace fieldkit::center
