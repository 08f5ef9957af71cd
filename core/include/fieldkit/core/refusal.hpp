#pragma once

#include <array>
#include <string_view>

namespace fieldkit::core {

/**
 * Why a save was refused — by the center, or by the device before it could be sent — so that the person
 * holding the tablet learns what to do in their own language. The code travels beside the center's
 * English sentence (PushAck.reason_code, AttachmentStatus/ChunkAck.refused_code) and is stored with the
 * operation; the app words it (field-app's refusal_text). Codes are persisted and sent: never rename one.
 */
enum class Refusal {
    Unknown,           // a code this build does not know (a newer center): show the center's sentence
    Stale,             // older than what the center already applied: the device and center are out of step
    OtherDevice,       // the operation names another device
    OtherUnit,         // the case belongs to another unit
    Malformed,         // the center cannot read or apply the operation
    Quarantined,       // the device is to be wiped: kept at the center for review, never applied
    DependsOnRefused,  // builds on one of this device's changes that the center refused
    TooLarge,          // too large to send (only an old or damaged store can hold one)
    AttachmentRefused, // the center will not take an attachment (damaged, or not as offered)
};

inline constexpr std::array<Refusal, 8> kKnownRefusals{
    Refusal::Stale,       Refusal::OtherDevice,      Refusal::OtherUnit, Refusal::Malformed,
    Refusal::Quarantined, Refusal::DependsOnRefused, Refusal::TooLarge,  Refusal::AttachmentRefused,
};

/** The stable code: "stale", "other_device", ...; "" for Unknown. */
[[nodiscard]] constexpr std::string_view refusalCode(Refusal refusal) {
    switch (refusal) {
    case Refusal::Stale:
        return "stale";
    case Refusal::OtherDevice:
        return "other_device";
    case Refusal::OtherUnit:
        return "other_unit";
    case Refusal::Malformed:
        return "malformed";
    case Refusal::Quarantined:
        return "quarantined";
    case Refusal::DependsOnRefused:
        return "depends_on_refused";
    case Refusal::TooLarge:
        return "too_large";
    case Refusal::AttachmentRefused:
        return "attachment_refused";
    case Refusal::Unknown:
        break;
    }
    return "";
}

/** The refusal a code names; Unknown for an empty or unknown code (never an error: a newer center may
 *  know more reasons than this build). */
[[nodiscard]] constexpr Refusal refusalFromCode(std::string_view code) {
    for (const auto refusal : kKnownRefusals) {
        if (refusalCode(refusal) == code) {
            return refusal;
        }
    }
    return Refusal::Unknown;
}

} // namespace fieldkit::core
