#include "sodium_guard.hpp"

#include <cassert>
#include <fieldkit/crypto/audit_mac.hpp>
#include <sodium.h>

namespace fieldkit::crypto {
namespace {

// Fixed forever: changing either breaks verification of every existing audit log.
constexpr char kContext[crypto_kdf_CONTEXTBYTES + 1] = "fkaudit1";
constexpr std::uint64_t kSubkeyId = 1;
constexpr char kCenterContext[crypto_kdf_CONTEXTBYTES + 1] = "fkcaud01";

} // namespace

AuditMac::AuditMac(const DataKey& dek)
    : m_subkey(crypto_generichash_KEYBYTES) {
    detail::ensureSodium();
    const int rc = crypto_kdf_derive_from_key(m_subkey.data(), m_subkey.size(), kSubkeyId, kContext,
                                              dek.secret().data());
    assert(rc == 0);
    (void)rc;
}

AuditMac AuditMac::forCenter(const SecretBytes& centerSecret) {
    detail::ensureSodium();
    assert(centerSecret.size() == crypto_kdf_KEYBYTES);
    SecretBytes subkey(crypto_generichash_KEYBYTES);
    const int rc = crypto_kdf_derive_from_key(subkey.data(), subkey.size(), kSubkeyId, kCenterContext,
                                              centerSecret.data());
    assert(rc == 0);
    (void)rc;
    return AuditMac(std::move(subkey));
}

std::array<std::uint8_t, 32> AuditMac::chain(ByteView previous, ByteView entry) const {
    std::array<std::uint8_t, 32> out{};
    crypto_generichash_state state;
    crypto_generichash_init(&state, m_subkey.data(), m_subkey.size(), out.size());
    crypto_generichash_update(&state, previous.data(), previous.size());
    crypto_generichash_update(&state, entry.data(), entry.size());
    crypto_generichash_final(&state, out.data(), out.size());
    return out;
}

} // namespace fieldkit::crypto
