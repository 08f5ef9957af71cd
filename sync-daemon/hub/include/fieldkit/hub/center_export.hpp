#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <fieldkit/crypto/field_values.hpp>
#include <fieldkit/crypto/record_key.hpp>
#include <fieldkit/hub/center_dir.hpp>
#include <string>
#include <vector>

namespace fieldkit::hub {

/** The field values one operation carries, opened with its case's record key (the AAD binds case, device,
 *  device_seq and field ids). Used by the export and by the center console. */
[[nodiscard]] Result<std::vector<crypto::FieldValue>>
openOperationValues(const crypto::RecordKey& key, const std::vector<std::uint8_t>& caseId,
                    const protocol::Operation& op);

/** As JSON: "cases", every case with its decrypted fields (each register's open versions: several = conflict)
 *  and add-only entries; "quarantined_operations", what devices ordered wiped pushed last (never applied),
 * for review; "wipe_orders", each order with its issue, delivery and confirmation times and its state at
 * `nowMs` (wipe_order_state.hpp). Reading with the
 * center key is what the center is for; the export is for the municipal case system and for tests, and it
 * says which device wrote each value. */
[[nodiscard]] Result<std::string> exportCases(Center& center, std::int64_t nowMs);

/** Counts of devices, units, cases, operations, conflicts, refusals, quarantined operations and wipe orders
 *  (confirmed, and delivered but unconfirmed past the grace period; each order with its times and state at
 *  `nowMs`) as JSON. */
[[nodiscard]] Result<std::string> centerStatsJson(CenterStore& store, std::int64_t nowMs);

} // namespace fieldkit::hub
