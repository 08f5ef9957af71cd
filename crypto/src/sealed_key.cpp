#include "sealed_key.hpp"

#include "little_endian.hpp"
#include "sodium_guard.hpp"

#include <algorithm>
#include <cassert>
#include <cstring>
#include <fieldkit/crypto/errors.hpp>
#include <sodium.h>
#include <string_view>

namespace fieldkit::crypto::detail {

namespace {

constexpr std::uint8_t kVersionSealedBox = 0x01; // crypto_box_seal: a fresh ephemeral key per sealed key
constexpr std::uint8_t kVersionSealerBox = 0x02; // KeySealer: one ephemeral key per sealer, derived nonce
constexpr std::string_view kNonceContext = "fieldkit/sealed-key/v2";

/** Format v2 without its version byte: ephemeral pk | box; opened with the recipient's secret key. */
Result<SecretBytes> openSealerBox(WrappedKeyKind kind, const BoxKeyPair& recipient, ByteView body,
                                  ByteView binding) {
    if (body.size() < crypto_box_PUBLICKEYBYTES + crypto_box_MACBYTES) {
        return makeError(errc::truncated, "The sealed key is cut short.");
    }
    auto ephemeral = BoxPublicKey::fromBytes(body.first(crypto_box_PUBLICKEYBYTES));
    if (!ephemeral) {
        return ephemeral.error();
    }
    const ByteView box = body.subspan(crypto_box_PUBLICKEYBYTES);
    const auto nonce = sealerNonce(*ephemeral, recipient.publicKey(), kind, binding);
    SecretBytes plain(box.size() - crypto_box_MACBYTES);
    if (crypto_box_open_easy(plain.data(), box.data(), box.size(), nonce.data(), ephemeral->bytes.data(),
                             recipient.secret().data()) != 0) {
        return makeError(errc::wrong_key, "The sealed key does not open with this key.");
    }
    return plain;
}

} // namespace

SecretBytes sealedKeyPlaintext(WrappedKeyKind kind, const SecretBytes& key, ByteView binding) {
    SecretBytes plain(1 + key.size() + binding.size());
    plain.data()[0] = static_cast<std::uint8_t>(kind);
    std::memcpy(plain.data() + 1, key.data(), key.size());
    if (!binding.empty()) {
        std::memcpy(plain.data() + 1 + key.size(), binding.data(), binding.size());
    }
    return plain;
}

std::array<std::uint8_t, crypto_box_NONCEBYTES> sealerNonce(const BoxPublicKey& ephemeral,
                                                            const BoxPublicKey& recipient,
                                                            WrappedKeyKind kind, ByteView binding) {
    ensureSodium();
    std::array<std::uint8_t, crypto_box_NONCEBYTES> nonce{};
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, nonce.size());
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(kNonceContext.data()),
                              kNonceContext.size());
    crypto_generichash_update(&state, ephemeral.bytes.data(), ephemeral.bytes.size());
    crypto_generichash_update(&state, recipient.bytes.data(), recipient.bytes.size());
    const auto kindByte = static_cast<std::uint8_t>(kind);
    crypto_generichash_update(&state, &kindByte, 1);
    crypto_generichash_update(&state, binding.data(), binding.size());
    crypto_generichash_final(&state, nonce.data(), nonce.size());
    return nonce;
}

Bytes sealKey(WrappedKeyKind kind, const SecretBytes& key, const BoxPublicKey& recipient, ByteView binding) {
    const SecretBytes plain = sealedKeyPlaintext(kind, key, binding);
    Bytes out{kVersionSealedBox};
    appendBytes(out, sealTo(recipient, plain.view()));
    return out;
}

Bytes sealKeyWithSealer(WrappedKeyKind kind, const SecretBytes& key, const BoxPublicKey& ephemeral,
                        const BoxPublicKey& recipient, const SecretBytes& shared, ByteView binding) {
    // The plaintext lives on the stack and is wiped here: secret memory (sodium_malloc: mmap plus guard
    // pages) per sealed key would cost more than the box itself, which is the point of a sealer.
    std::array<std::uint8_t, 1 + 32 + kMaxSealerBinding> plain{};
    assert(key.size() == 32 && binding.size() <= kMaxSealerBinding);
    const std::size_t plainSize = 1 + key.size() + binding.size();
    plain[0] = static_cast<std::uint8_t>(kind);
    std::memcpy(plain.data() + 1, key.data(), key.size());
    if (!binding.empty()) {
        std::memcpy(plain.data() + 1 + key.size(), binding.data(), binding.size());
    }
    const auto nonce = sealerNonce(ephemeral, recipient, kind, binding);
    Bytes out(1 + ephemeral.bytes.size() + crypto_box_MACBYTES + plainSize);
    out[0] = kVersionSealerBox;
    std::memcpy(out.data() + 1, ephemeral.bytes.data(), ephemeral.bytes.size());
    const int rc = crypto_box_easy_afternm(out.data() + 1 + ephemeral.bytes.size(), plain.data(), plainSize,
                                           nonce.data(), shared.data());
    sodium_memzero(plain.data(), plain.size());
    assert(rc == 0);
    (void)rc;
    return out;
}

Result<SecretBytes> openSealedKey(WrappedKeyKind kind, const BoxKeyPair& recipient, ByteView sealed,
                                  ByteView binding) {
    if (sealed.empty()) {
        return makeError(errc::truncated, "The sealed key is empty.");
    }
    if (sealed[0] != kVersionSealedBox && sealed[0] != kVersionSealerBox) {
        return makeError(errc::unsupported_version, "The sealed key has an unknown format version.");
    }
    auto plain = sealed[0] == kVersionSealedBox ? openSealed(recipient, sealed.subspan(1))
                                                : openSealerBox(kind, recipient, sealed.subspan(1), binding);
    if (!plain) {
        return plain.error();
    }
    constexpr std::size_t kKeySize = 32;
    const ByteView view = plain->view();
    if (view.size() < 1 + kKeySize) {
        return makeError(errc::malformed, "The sealed key is too short to hold a key.");
    }
    if (view[0] != static_cast<std::uint8_t>(kind)) {
        return makeError(errc::wrong_key_kind, "The sealed key is for a different purpose.");
    }
    const ByteView storedBinding = view.subspan(1 + kKeySize);
    if (!std::ranges::equal(storedBinding, binding)) {
        return makeError(errc::wrong_binding, "The sealed key belongs to another record.");
    }
    return SecretBytes::copyOf(view.subspan(1, kKeySize));
}

} // namespace fieldkit::crypto::detail
