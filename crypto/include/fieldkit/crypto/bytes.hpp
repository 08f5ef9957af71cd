#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fieldkit::crypto {

/** Non-secret binary data (ciphertexts, public keys, encodings); secrets live in SecretBytes. */
using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

/** Views the characters of a string as bytes, e.g. a device id or a normalised CPR. */
[[nodiscard]] inline ByteView asBytes(std::string_view text) {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

/** Lower-case hex, for test vectors and diagnostics of non-secret data. */
[[nodiscard]] std::string toHex(ByteView bytes);

/** Parses hex (either case); code "malformed" on odd length or a non-hex character. */
[[nodiscard]] Result<Bytes> fromHex(std::string_view hex);

} // namespace fieldkit::crypto
