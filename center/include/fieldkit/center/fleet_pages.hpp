#pragma once
// The fleet pages' HTML for IT (administrators): devices and their state, a new enrolment code with its QR
// code, and the confirmation steps before a revocation or a wipe order. Clear metadata only.

#include <cstdint>
#include <fieldkit/center/console_texts.hpp>
#include <fieldkit/center/fleet_actions.hpp>
#include <fieldkit/center/fleet_state.hpp>
#include <fieldkit/hub/center_records.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace fieldkit::center {

/** The fleet page: a form for a new enrolment code, then each unit's devices. */
[[nodiscard]] std::string fleetContent(Language language, const std::vector<std::string>& units,
                                       const std::vector<hub::FleetDevice>& devices,
                                       const std::string& csrfToken, std::string_view noticeKey);

/** A new code shown once: as text and (with a hub address) as a QR code of enrolmentLink(). `qrSvg` may be
 *  empty when there is no hub address to put in it. */
[[nodiscard]] std::string enrolmentCodeContent(Language language, const EnrolmentInvite& invite,
                                               const std::string& hubAddress, const std::string& qrSvg);

/** What a revocation (`wipe` false) or wipe order will do to this device, and the form that does it. */
[[nodiscard]] std::string confirmContent(Language language, const hub::FleetDevice& device, bool wipe,
                                         const std::string& csrfToken);

} // namespace fieldkit::center
