#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <fieldkit/hub/center_records.hpp>
#include <optional>
#include <string>
#include <vector>

namespace fieldkit::hub {

/** Remote wipe orders and the quarantine of what a device to be wiped pushes. Every method is one
 *  transaction. */
class WipeStore {
public:
    virtual ~WipeStore() = default;

    /** Records a wipe order and revokes the device, in one transaction. Codes: unknown_device, wipe_ordered
     *  (the device already has one). */
    [[nodiscard]] virtual Status addWipeOrder(const WipeOrderRecord& order) = 0;
    /** The device's wipe order, or nothing when none was given. */
    [[nodiscard]] virtual Result<std::optional<WipeOrderRecord>> wipeOrder(const std::string& deviceId) = 0;
    [[nodiscard]] virtual Result<std::vector<WipeOrderRecord>> wipeOrders() = 0;
    /** Notes the first time the order went out to the device (later deliveries keep that time). */
    [[nodiscard]] virtual Status markWipeDelivered(const std::string& deviceId, std::int64_t nowMs) = 0;
    /** Records the device's confirmation; from then on the device is refused. Code unknown_order when the
     *  device has no pending order with this id. */
    [[nodiscard]] virtual Status confirmWipe(const std::string& deviceId, const std::string& orderId,
                                             std::int64_t nowMs) = 0;
    /** Takes a batch of a device to be wiped into quarantine in one transaction: each new operation is kept
     *  as it came and acked QUARANTINED; a repeat gets its original ack; nothing is applied. */
    [[nodiscard]] virtual Result<std::vector<protocol::PushAck>>
    quarantineBatch(const DeviceRecord& device, const std::vector<protocol::Operation>& ops,
                    std::int64_t nowMs) = 0;
    /** Every quarantined operation, oldest first. */
    [[nodiscard]] virtual Result<std::vector<QuarantinedOperation>> quarantinedOperations() = 0;
};

} // namespace fieldkit::hub
