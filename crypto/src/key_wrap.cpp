#include "little_endian.hpp"
#include "sodium_guard.hpp"

#include <array>
#include <cassert>
#include <fieldkit/crypto/errors.hpp>
#include <fieldkit/crypto/key_wrap.hpp>
#include <sodium.h>
#include <string_view>

namespace fieldkit::crypto {

namespace {

constexpr std::uint8_t kVersion = 0x01;
constexpr std::size_t kNonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTagSize = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::string_view kDomain = "fkwrap1";

Bytes wrapAad(WrappedKeyKind kind, ByteView binding) {
    Bytes aad;
    detail::appendBytes(aad, asBytes(kDomain));
    aad.push_back(kVersion);
    aad.push_back(static_cast<std::uint8_t>(kind));
    detail::appendU32(aad, static_cast<std::uint32_t>(binding.size()));
    detail::appendBytes(aad, binding);
    return aad;
}

Bytes wrapUnderKey(const SecretBytes& wrappingKey, WrappedKeyKind kind, const SecretBytes& secret,
                   ByteView binding, RandomSource& random) {
    detail::ensureSodium();
    assert(binding.size() <= UINT32_MAX);
    std::array<std::uint8_t, kNonceSize> nonce{};
    random.fill(nonce);
    const Bytes aad = wrapAad(kind, binding);

    Bytes out{kVersion, static_cast<std::uint8_t>(kind)};
    detail::appendBytes(out, nonce);
    const std::size_t headerSize = out.size();
    out.resize(headerSize + secret.size() + kTagSize);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + headerSize, &written, secret.data(),
                                               secret.size(), aad.data(), aad.size(), nullptr, nonce.data(),
                                               wrappingKey.data());
    assert(written == secret.size() + kTagSize);
    return out;
}

Result<SecretBytes> unwrapUnderKey(const SecretBytes& wrappingKey, WrappedKeyKind kind, ByteView wrapped,
                                   ByteView binding) {
    detail::ensureSodium();
    detail::Reader in(wrapped);
    const auto version = in.u8();
    if (!version) {
        return makeError(errc::truncated, "The wrapped key is empty.");
    }
    if (*version != kVersion) {
        return makeError(errc::unsupported_version, "The wrapped key has an unknown format version.");
    }
    const auto storedKind = in.u8();
    const auto nonce = in.take(kNonceSize);
    if (!storedKind || !nonce || in.remaining() < kTagSize) {
        return makeError(errc::truncated, "The wrapped key is cut short.");
    }
    if (*storedKind != static_cast<std::uint8_t>(kind)) {
        return makeError(errc::wrong_key_kind, "The wrapped key is for a different purpose.");
    }
    const ByteView ciphertext = in.rest();
    const Bytes aad = wrapAad(kind, binding);
    SecretBytes plain(ciphertext.size() - kTagSize);
    unsigned long long plainSize = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(plain.data(), &plainSize, nullptr, ciphertext.data(),
                                                   ciphertext.size(), aad.data(), aad.size(), nonce->data(),
                                                   wrappingKey.data()) != 0) {
        return makeError(errc::bad_mac, "The wrapped key does not open with this key.");
    }
    return plain;
}

} // namespace

Bytes wrapUnderDataKey(const DataKey& dek, WrappedKeyKind kind, const SecretBytes& secret, ByteView binding,
                       RandomSource& random) {
    return wrapUnderKey(dek.secret(), kind, secret, binding, random);
}

Result<SecretBytes> unwrapUnderDataKey(const DataKey& dek, WrappedKeyKind kind, ByteView wrapped,
                                       ByteView binding) {
    return unwrapUnderKey(dek.secret(), kind, wrapped, binding);
}

Bytes wrapUnderCodeKey(const EnrolmentCodeKey& key, const SecretBytes& secret, ByteView binding,
                       RandomSource& random) {
    return wrapUnderKey(key.secret(), WrappedKeyKind::unitBoxSecretForCode, secret, binding, random);
}

Result<SecretBytes> unwrapUnderCodeKey(const EnrolmentCodeKey& key, ByteView wrapped, ByteView binding) {
    return unwrapUnderKey(key.secret(), WrappedKeyKind::unitBoxSecretForCode, wrapped, binding);
}

} // namespace fieldkit::crypto
