#include "sodium_guard.hpp"

#include <algorithm>
#include <cassert>
#include <fieldkit/crypto/errors.hpp>
#include <fieldkit/crypto/signing_key_pair.hpp>
#include <sodium.h>
#include <utility>

namespace fieldkit::crypto {

static_assert(crypto_sign_PUBLICKEYBYTES == 32 && crypto_sign_SEEDBYTES == 32 && crypto_sign_BYTES == 64);

Result<SigningPublicKey> SigningPublicKey::fromBytes(ByteView bytes) {
    SigningPublicKey key;
    if (bytes.size() != key.bytes.size()) {
        return makeError(errc::malformed, "A signing public key must be 32 bytes.");
    }
    std::ranges::copy(bytes, key.bytes.begin());
    return key;
}

Result<Signature> Signature::fromBytes(ByteView bytes) {
    Signature sig;
    if (bytes.size() != sig.bytes.size()) {
        return makeError(errc::malformed, "A signature must be 64 bytes.");
    }
    std::ranges::copy(bytes, sig.bytes.begin());
    return sig;
}

SigningKeyPair::SigningKeyPair(SigningPublicKey publicKey, SecretBytes seed, SecretBytes secretKey)
    : m_public(publicKey)
    , m_seed(std::move(seed))
    , m_secretKey(std::move(secretKey)) {}

SigningKeyPair SigningKeyPair::generate(RandomSource& random) {
    SecretBytes seed(crypto_sign_SEEDBYTES);
    random.fill(seed.span());
    auto pair = fromSeed(std::move(seed));
    assert(pair.ok());
    return std::move(pair).value();
}

Result<SigningKeyPair> SigningKeyPair::fromSeed(SecretBytes seed) {
    detail::ensureSodium();
    if (seed.size() != crypto_sign_SEEDBYTES) {
        return makeError(errc::malformed, "A signing seed must be 32 bytes.");
    }
    SigningPublicKey pk;
    SecretBytes sk(crypto_sign_SECRETKEYBYTES);
    crypto_sign_seed_keypair(pk.bytes.data(), sk.data(), seed.data());
    return SigningKeyPair(pk, std::move(seed), std::move(sk));
}

Signature SigningKeyPair::sign(ByteView message) const {
    Signature sig;
    crypto_sign_detached(sig.bytes.data(), nullptr, message.data(), message.size(), m_secretKey.data());
    return sig;
}

Status verifySignature(const SigningPublicKey& key, ByteView message, const Signature& signature) {
    detail::ensureSodium();
    if (crypto_sign_verify_detached(signature.bytes.data(), message.data(), message.size(),
                                    key.bytes.data()) != 0) {
        return makeError(errc::bad_signature, "The signature does not match.");
    }
    return {};
}

} // namespace fieldkit::crypto
