#include "sodium_guard.hpp"

#include <cassert>
#include <fieldkit/crypto/row_mac.hpp>
#include <sodium.h>

namespace fieldkit::crypto {
namespace {

// Fixed forever: changing either breaks verification of every sealed case row.
constexpr char kContext[crypto_kdf_CONTEXTBYTES + 1] = "fkrowmc1";
constexpr std::uint64_t kSubkeyId = 1;

} // namespace

RowMac::RowMac(const DataKey& dek)
    : m_subkey(crypto_generichash_KEYBYTES) {
    detail::ensureSodium();
    const int rc = crypto_kdf_derive_from_key(m_subkey.data(), m_subkey.size(), kSubkeyId, kContext,
                                              dek.secret().data());
    assert(rc == 0);
    (void)rc;
}

std::array<std::uint8_t, 32> RowMac::mac(ByteView row) const {
    std::array<std::uint8_t, 32> out{};
    crypto_generichash(out.data(), out.size(), row.data(), row.size(), m_subkey.data(), m_subkey.size());
    return out;
}

bool RowMac::matches(ByteView row, ByteView mac) const {
    const auto expected = this->mac(row);
    return mac.size() == expected.size() && sodium_memcmp(mac.data(), expected.data(), expected.size()) == 0;
}

} // namespace fieldkit::crypto
