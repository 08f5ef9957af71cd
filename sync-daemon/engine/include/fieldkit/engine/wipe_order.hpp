#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <fieldkit/crypto/signing_key_pair.hpp>
#include <fieldkit/protocol/codec.hpp>
#include <string>
#include <vector>

namespace fieldkit::engine {

/** The bytes the center signs for a wipe order: a domain-separation label and every order field, each with
 *  its length, so a signature made for anything else (or for another device, time or order) never fits. */
[[nodiscard]] std::vector<std::uint8_t>
wipeOrderSignedBytes(const std::string& deviceId, std::int64_t issuedMs, const std::string& orderId);

/** A wipe order for `deviceId`, signed with the center signing key. */
[[nodiscard]] protocol::WipeOrder signWipeOrder(const crypto::SigningKeyPair& center,
                                                const std::string& deviceId, std::int64_t issuedMs,
                                                const std::string& orderId);

/** Whether a device obeys a wipe order: it must name this device and carry the center's signature over its
 *  fields, checked against the key pinned at enrolment (hex; empty for a device enrolled before wipe orders,
 *  which obeys none). Codes: no_center_key, wrong_device, malformed_order, bad_signature. */
[[nodiscard]] Status checkWipeOrder(const protocol::WipeOrder& order, const std::string& ownDeviceId,
                                    const std::string& centerSigningKeyHex);

} // namespace fieldkit::engine
