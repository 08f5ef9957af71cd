#pragma once

#include <array>
#include <cstdint>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/crypto/random_source.hpp>
#include <fieldkit/crypto/secret_bytes.hpp>

namespace fieldkit::crypto {

/** An Ed25519 public key. */
struct SigningPublicKey {
    std::array<std::uint8_t, 32> bytes{};

    [[nodiscard]] static Result<SigningPublicKey> fromBytes(ByteView bytes);
    friend bool operator==(const SigningPublicKey&, const SigningPublicKey&) = default;
};

/** A detached Ed25519 signature. */
struct Signature {
    std::array<std::uint8_t, 64> bytes{};

    [[nodiscard]] static Result<Signature> fromBytes(ByteView bytes);
    friend bool operator==(const Signature&, const Signature&) = default;
};

/** An Ed25519 key pair kept as its 32-byte seed (what gets stored) plus the expanded secret key. */
class SigningKeyPair {
public:
    [[nodiscard]] static SigningKeyPair generate(RandomSource& random = systemRandom());
    /** Deterministic from a 32-byte seed; code "malformed" on wrong size. */
    [[nodiscard]] static Result<SigningKeyPair> fromSeed(SecretBytes seed);

    [[nodiscard]] const SigningPublicKey& publicKey() const { return m_public; }
    [[nodiscard]] const SecretBytes& seed() const { return m_seed; }
    [[nodiscard]] Signature sign(ByteView message) const;

private:
    SigningKeyPair(SigningPublicKey publicKey, SecretBytes seed, SecretBytes secretKey);
    SigningPublicKey m_public;
    SecretBytes m_seed;
    SecretBytes m_secretKey; // libsodium's 64-byte form, kept to avoid re-deriving per signature
};

/** Code "bad_signature" when the signature does not match. */
[[nodiscard]] Status verifySignature(const SigningPublicKey& key, ByteView message,
                                     const Signature& signature);

} // namespace fieldkit::crypto
