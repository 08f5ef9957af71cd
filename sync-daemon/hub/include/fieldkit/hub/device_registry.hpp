#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <fieldkit/hub/center_records.hpp>
#include <string>
#include <vector>

namespace fieldkit::hub {

/** Enrolled devices and the one-time codes that enrol them. Every method is one transaction. */
class DeviceRegistry {
public:
    virtual ~DeviceRegistry() = default;

    /** Codes: unknown_unit, device_exists. */
    [[nodiscard]] virtual Status registerDevice(const std::string& deviceId, const std::string& unit) = 0;
    /** Code unknown_device. */
    [[nodiscard]] virtual Result<DeviceRecord> device(const std::string& deviceId) = 0;
    /** Code unknown_device. */
    [[nodiscard]] virtual Status revokeDevice(const std::string& deviceId) = 0;
    /** Every device with its wipe order and attachment backlog, by unit then device id, in one read. */
    [[nodiscard]] virtual Result<std::vector<FleetDevice>> fleet() = 0;
    [[nodiscard]] virtual Status recordContact(const std::string& deviceId, std::int64_t nowMs) = 0;
    /** Code unknown_unit. */
    [[nodiscard]] virtual Status addEnrolmentCode(const EnrolmentCodeRecord& code) = 0;
    /** Code "unknown_code" when no code has this lookup value. */
    [[nodiscard]] virtual Result<EnrolmentCodeRecord>
    enrolmentCode(const std::vector<std::uint8_t>& lookup) = 0;
    /** Deletes the wrapped unit key of every code that expired by `nowMs` (a used code loses it as it is
     *  redeemed), so a stolen store holds no more of them than codes still waiting for their device. */
    [[nodiscard]] virtual Status forgetExpiredCodeKeys(std::int64_t nowMs) = 0;
    /** Marks the code used by `deviceId` and registers the device in the code's unit, and deletes the code's
     * wrapped unit key, in one transaction, so a code enrols exactly one device even when two try at once.
     * Codes: code_used, code_expired, unknown_code, device_exists. */
    [[nodiscard]] virtual Status redeemEnrolmentCode(const std::vector<std::uint8_t>& lookup,
                                                     const std::string& deviceId, std::int64_t nowMs) = 0;
};

} // namespace fieldkit::hub
