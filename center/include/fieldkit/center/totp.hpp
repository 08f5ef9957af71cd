#pragma once

#include <cstdint>
#include <fieldkit/crypto/bytes.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace fieldkit::center {

/** RFC 6238 time steps of 30 s since the Unix epoch. */
inline constexpr std::int64_t kTotpStepSeconds = 30;

[[nodiscard]] inline std::int64_t totpStep(std::int64_t unixSeconds) {
    return unixSeconds / kTotpStepSeconds;
}

/** RFC 4226 HOTP with HMAC-SHA1 (OpenSSL), truncated to `digits` decimal digits. */
[[nodiscard]] std::uint32_t hotp(crypto::ByteView secret, std::uint64_t counter, int digits = 6);

/** The 6-digit TOTP code for `step`, zero-padded. */
[[nodiscard]] std::string totpCode(crypto::ByteView secret, std::int64_t step);

/** The step a typed code matches within ±1 step of `nowStep` (clock drift), or none. Pure: the caller refuses
 *  a step that is not newer than the last one used (a replay). */
[[nodiscard]] std::optional<std::int64_t> matchTotp(crypto::ByteView secret, std::string_view typed,
                                                    std::int64_t nowStep);

/** RFC 4648 base32 without padding, as authenticator apps take secrets. */
[[nodiscard]] std::string base32(crypto::ByteView bytes);

/** otpauth://totp/fieldkit-center:NAME?secret=...&issuer=fieldkit-center&algorithm=SHA1&digits=6&period=30 */
[[nodiscard]] std::string otpauthUri(const std::string& account, crypto::ByteView secret);

} // namespace fieldkit::center
