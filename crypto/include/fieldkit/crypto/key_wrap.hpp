#pragma once

#include <cstdint>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/crypto/random_source.hpp>
#include <fieldkit/crypto/secret_bytes.hpp>
#include <fieldkit/crypto/symmetric_key.hpp>

namespace fieldkit::crypto {

/** What a wrapped key is for; part of the authenticated header so one kind cannot be substituted for another.
 */
enum class WrappedKeyKind : std::uint8_t {
    record = 1,
    attachment = 2,
    unitBoxSecret = 3,
    deviceSigningSeed = 4,
    deviceBoxSecret = 5,
    centerBoxSecret = 6,
    unitBoxSecretForCode = 7,
    citizenViewKey = 8, // a case's citizen view key, derived once from the receipt code and kept wrapped
};

/** Wraps a secret under the data key (XChaCha20-Poly1305). `binding` (for example the case id) is
 * authenticated, so a wrapped key copied to another row fails to unwrap. Format v1: 0x01 | kind | nonce[24] |
 * ciphertext+tag; AAD = "fkwrap1" | 0x01 | kind | u32le len | binding. */
[[nodiscard]] Bytes wrapUnderDataKey(const DataKey& dek, WrappedKeyKind kind, const SecretBytes& secret,
                                     ByteView binding, RandomSource& random = systemRandom());

/** Codes: truncated, unsupported_version, wrong_key_kind, bad_mac (wrong DEK, other binding or altered). */
[[nodiscard]] Result<SecretBytes> unwrapUnderDataKey(const DataKey& dek, WrappedKeyKind kind,
                                                     ByteView wrapped, ByteView binding);

/** The same format under an enrolment code's key instead of a data key (kind unitBoxSecretForCode). */
[[nodiscard]] Bytes wrapUnderCodeKey(const EnrolmentCodeKey& key, const SecretBytes& secret, ByteView binding,
                                     RandomSource& random = systemRandom());
/** Codes as unwrapUnderDataKey; bad_mac also for another code. */
[[nodiscard]] Result<SecretBytes> unwrapUnderCodeKey(const EnrolmentCodeKey& key, ByteView wrapped,
                                                     ByteView binding);

} // namespace fieldkit::crypto
