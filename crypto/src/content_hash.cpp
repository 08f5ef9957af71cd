#include "sodium_guard.hpp"

#include <fieldkit/crypto/content_hash.hpp>
#include <sodium.h>

namespace fieldkit::crypto {

std::array<std::uint8_t, 32> contentHash(ByteView bytes) {
    detail::ensureSodium();
    static_assert(crypto_generichash_BYTES == 32);
    std::array<std::uint8_t, 32> out{};
    crypto_generichash(out.data(), out.size(), bytes.data(), bytes.size(), nullptr, 0);
    return out;
}

} // namespace fieldkit::crypto
