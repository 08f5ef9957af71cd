#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <fieldkit/hub/center_dir.hpp>
#include <string>

namespace fieldkit::hub {

/** Orders a device wiped: a random order id, signed now with the center signing key, stored together with the
 *  device's revocation in one transaction. The device gets the order on its next contact, after its last push
 *  is taken into quarantine. */
[[nodiscard]] Result<WipeOrderRecord> orderWipe(Center& center, const std::string& deviceId,
                                                std::int64_t nowMs);

} // namespace fieldkit::hub
