#include <fieldkit/center/fleet_actions.hpp>
#include <fieldkit/hub/enrolment_service.hpp>
#include <fieldkit/hub/wipe_orders.hpp>

namespace fieldkit::center {

Result<EnrolmentInvite> CenterFleetActions::createEnrolmentCode(const std::string& unit,
                                                                std::chrono::seconds validFor) {
    const auto now = m_nowMs();
    auto code = hub::createEnrolmentCode(m_center, unit, validFor, now);
    if (!code) {
        return code.error();
    }
    return EnrolmentInvite{unit, code->display(),
                           now + std::chrono::duration_cast<std::chrono::milliseconds>(validFor).count()};
}

Status CenterFleetActions::revoke(const std::string& deviceId) {
    return m_center.store->devices().revokeDevice(deviceId);
}

Status CenterFleetActions::orderWipe(const std::string& deviceId) {
    auto order = hub::orderWipe(m_center, deviceId, m_nowMs());
    return order ? Status() : Status(order.error());
}

} // namespace fieldkit::center
