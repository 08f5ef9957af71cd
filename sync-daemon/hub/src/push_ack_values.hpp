#pragma once
// Acks both center backends build the same way.

#include <cstdint>
#include <fieldkit/core/refusal.hpp>
#include <fieldkit/core/result.hpp>
#include <fieldkit/protocol/codec.hpp>
#include <optional>
#include <string>

namespace fieldkit::hub {

// Applying an operation fails either for storage (the whole push is dropped, the device retries) or because
// the center refuses that one operation; the second kind carries its refusal in the error code, prefixed so
// that no storage error code can be mistaken for one.
inline constexpr std::string_view kRefusalPrefix = "refused:";

/** The center refuses one operation: `message` is for people, never personal. */
inline Error refusal(core::Refusal why, std::string message) {
    return makeError(std::string(kRefusalPrefix) + std::string(core::refusalCode(why)), std::move(message));
}

/** The refusal an apply error stands for; nullopt for a storage failure. */
inline std::optional<core::Refusal> refusalOf(const Error& error) {
    if (!error.code.starts_with(kRefusalPrefix)) {
        return std::nullopt;
    }
    return core::refusalFromCode(std::string_view(error.code).substr(kRefusalPrefix.size()));
}

inline protocol::PushAck rejectedAck(std::uint64_t deviceSeq, core::Refusal why, const std::string& reason) {
    protocol::PushAck ack;
    ack.set_device_seq(deviceSeq);
    ack.set_result(protocol::PushAck::REJECTED);
    ack.set_reason(reason);
    ack.set_reason_code(std::string(core::refusalCode(why)));
    return ack;
}

inline protocol::PushAck rejectedAck(std::uint64_t deviceSeq, const Error& refused) {
    return rejectedAck(deviceSeq, refusalOf(refused).value_or(core::Refusal::Malformed), refused.message);
}

inline protocol::PushAck quarantinedAck(std::uint64_t deviceSeq) {
    protocol::PushAck ack;
    ack.set_device_seq(deviceSeq);
    ack.set_result(protocol::PushAck::QUARANTINED);
    ack.set_reason("taken into quarantine at the center: this device is to be wiped");
    ack.set_reason_code(std::string(core::refusalCode(core::Refusal::Quarantined)));
    return ack;
}

} // namespace fieldkit::hub
