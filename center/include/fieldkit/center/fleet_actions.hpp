#pragma once

#include <chrono>
#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <fieldkit/hub/center_dir.hpp>
#include <functional>
#include <string>

namespace fieldkit::center {

/** A new enrolment code as the administrator is shown it once. */
struct EnrolmentInvite {
    std::string unit;
    std::string code; // as displayed, "ABCD-EFGH-…"
    std::int64_t expiresMs = 0;
};

/** What IT does to the fleet from the console: the center's own machinery (hub's enrolment codes, revocation,
 *  signed wipe orders), behind a seam so the console's routes are tested without a center folder. */
class FleetActions {
public:
    virtual ~FleetActions() = default;
    /** Codes: unknown_unit, and the store's. */
    [[nodiscard]] virtual Result<EnrolmentInvite> createEnrolmentCode(const std::string& unit,
                                                                      std::chrono::seconds validFor) = 0;
    /** Code unknown_device. */
    [[nodiscard]] virtual Status revoke(const std::string& deviceId) = 0;
    /** Codes: unknown_device, wipe_ordered. */
    [[nodiscard]] virtual Status orderWipe(const std::string& deviceId) = 0;
    /** Where devices reach the hub ("HOST:PORT"), for the enrolment QR code; empty when not configured. */
    [[nodiscard]] virtual std::string hubAddress() const = 0;
};

/** The real actions on an administrator's Center (it holds the center key and signing key). */
class CenterFleetActions final : public FleetActions {
public:
    CenterFleetActions(hub::Center& center, std::string hubAddress, std::function<std::int64_t()> nowMs)
        : m_center(center)
        , m_hubAddress(std::move(hubAddress))
        , m_nowMs(std::move(nowMs)) {}

    Result<EnrolmentInvite> createEnrolmentCode(const std::string& unit,
                                                std::chrono::seconds validFor) override;
    Status revoke(const std::string& deviceId) override;
    Status orderWipe(const std::string& deviceId) override;
    std::string hubAddress() const override { return m_hubAddress; }

private:
    hub::Center& m_center;
    std::string m_hubAddress;
    std::function<std::int64_t()> m_nowMs;
};

} // namespace fieldkit::center
