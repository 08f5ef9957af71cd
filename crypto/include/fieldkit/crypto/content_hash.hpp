#pragma once

#include <array>
#include <cstdint>
#include <fieldkit/crypto/bytes.hpp>

namespace fieldkit::crypto {

/** Unkeyed BLAKE2b-256 of some bytes: the checksum attachment chunks travel with, so the daemon (which holds
 *  no key) can tell a chunk damaged in transit from a good one before it stores it. Not an authenticator:
 *  the secretstream MAC is what proves a chunk genuine. */
[[nodiscard]] std::array<std::uint8_t, 32> contentHash(ByteView bytes);

} // namespace fieldkit::crypto
