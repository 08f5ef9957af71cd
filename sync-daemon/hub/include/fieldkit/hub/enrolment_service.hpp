#pragma once

#include <chrono>
#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <fieldkit/hub/center_dir.hpp>
#include <fieldkit/protocol/codec.hpp>
#include <fieldkit/tls/enrolment_code.hpp>
#include <functional>
#include <string>

namespace fieldkit::hub {

/** How long a new enrolment code works when the administrator does not say. */
inline constexpr std::chrono::seconds kDefaultCodeValidity{24 * 60 * 60};

/** Creates a one-time code for `unit` that works until `nowMs + validFor`; the center keeps only values
 *  derived from it and the unit's secret wrapped under a key derived from it (opened now with the center key,
 *  which is why only an administrator's Center can make codes). */
[[nodiscard]] Result<tls::EnrolmentCode> createEnrolmentCode(Center& center, const std::string& unit,
                                                             std::chrono::seconds validFor,
                                                             std::int64_t nowMs);

/** The hub's side of enrolment without any I/O: checks the device's proof of the code, issues its
 *  certificate, redeems the code and registers the device in one transaction, hands over the unit secret
 *  still wrapped under the code (the hub cannot open it) and proves the code back. */
class EnrolmentService {
public:
    EnrolmentService(HubCenter& center, std::function<std::int64_t()> nowMs)
        : m_center(center)
        , m_nowMs(std::move(nowMs)) {}

    /** A refusal is a reply with status REFUSED and a reason for staff (unknown or wrong code, used, expired,
     *  device already enrolled); only an OK reply carries keys and the hub's MAC. */
    [[nodiscard]] protocol::EnrolReply enrol(const protocol::EnrolRequest& request,
                                             const tls::Bytes& channelBinding);

private:
    HubCenter& m_center;
    std::function<std::int64_t()> m_nowMs;
};

} // namespace fieldkit::hub
