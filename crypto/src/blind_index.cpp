#include "sodium_guard.hpp"

#include <cassert>
#include <fieldkit/crypto/blind_index.hpp>
#include <sodium.h>

namespace fieldkit::crypto {

namespace {

// Fixed forever: changing either orphans every stored index entry.
constexpr char kContext[crypto_kdf_CONTEXTBYTES + 1] = "fkblind1";
constexpr std::size_t kSubkeySize = crypto_generichash_KEYBYTES;

} // namespace

BlindIndex::BlindIndex(const DataKey& dek, BlindIndexPurpose purpose)
    : m_subkey(kSubkeySize) {
    detail::ensureSodium();
    static_assert(DataKey::kSize == crypto_kdf_KEYBYTES);
    const int rc = crypto_kdf_derive_from_key(
        m_subkey.data(), m_subkey.size(), static_cast<std::uint64_t>(purpose), kContext, dek.secret().data());
    assert(rc == 0);
    (void)rc;
}

std::array<std::uint8_t, 32> BlindIndex::compute(ByteView normalised) const {
    std::array<std::uint8_t, 32> out{};
    crypto_generichash(out.data(), out.size(), normalised.data(), normalised.size(), m_subkey.data(),
                       m_subkey.size());
    return out;
}

std::array<std::uint8_t, 16> BlindIndex::computeShort(ByteView normalised) const {
    std::array<std::uint8_t, 16> out{};
    static_assert(16 >= crypto_generichash_BYTES_MIN);
    crypto_generichash(out.data(), out.size(), normalised.data(), normalised.size(), m_subkey.data(),
                       m_subkey.size());
    return out;
}

} // namespace fieldkit::crypto
