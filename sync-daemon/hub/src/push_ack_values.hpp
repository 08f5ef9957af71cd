#pragma once
// Acks both center backends build the same way.

#include <cstdint>
#include <fieldkit/protocol/codec.hpp>
#include <string>

namespace fieldkit::hub {

inline protocol::PushAck rejectedAck(std::uint64_t deviceSeq, const std::string& reason) {
    protocol::PushAck ack;
    ack.set_device_seq(deviceSeq);
    ack.set_result(protocol::PushAck::REJECTED);
    ack.set_reason(reason);
    return ack;
}

inline protocol::PushAck quarantinedAck(std::uint64_t deviceSeq) {
    protocol::PushAck ack;
    ack.set_device_seq(deviceSeq);
    ack.set_result(protocol::PushAck::QUARANTINED);
    ack.set_reason("taken into quarantine at the center: this device is to be wiped");
    return ack;
}

} // namespace fieldkit::hub
