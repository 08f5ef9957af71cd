#pragma once

#include <fieldkit/core/result.hpp>
#include <fieldkit/hub/center_dir.hpp>
#include <string>

namespace fieldkit::hub {

/** As JSON: "cases", every case with its decrypted fields (each register's open versions: several = conflict)
 *  and add-only entries; "quarantined_operations", what devices ordered wiped pushed last (never applied),
 * for review; "wipe_orders", each order with its issue, delivery and confirmation times. Reading with the
 * center key is what the center is for; the export is for the municipal case system and for tests, and it
 * says which device wrote each value. */
[[nodiscard]] Result<std::string> exportCases(Center& center);

/** Counts of devices, units, cases, operations, conflicts, refusals, quarantined operations and wipe orders
 *  (with each order's times) as JSON. */
[[nodiscard]] Result<std::string> centerStatsJson(CenterStore& store);

} // namespace fieldkit::hub
