#pragma once

#include <optional>
#include <string_view>

namespace fieldkit::center {

/** What a console account may do; stored as its lowercase code. */
enum class Role { Caseworker, Teamlead, Admin };

/** The console's routes, as the policy sees them. */
enum class Route {
    Inbox,         // the list of cases (clear metadata only)
    CaseView,      // a case's decrypted values (audited)
    RevealCpr,     // the unmasked CPR number (audited)
    ChangeStatus,  // a status change authored at the center, synced to the unit's devices
    AdminAudit,    // the center audit log and its chain check (administration)
    Fleet,         // units and devices, clear metadata only (administration)
    EnrolmentCode, // a new one-time code for a unit (administration)
    RevokeDevice,  // refuse a device from now on (administration)
    WipeDevice,    // a signed wipe order for a device (administration)
};

[[nodiscard]] std::optional<Role> roleFromString(std::string_view code);
[[nodiscard]] std::string_view toString(Role role);

/** Pure: may `role` use `route`? Case data is for case work (caseworkers and team leads); administration is
 *  for administrators, who do not read citizens' data. */
[[nodiscard]] bool allowed(Route route, Role role);

} // namespace fieldkit::center
