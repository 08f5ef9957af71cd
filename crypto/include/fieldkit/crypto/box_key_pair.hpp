#pragma once

#include <array>
#include <cstdint>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/crypto/key_wrap.hpp>
#include <fieldkit/crypto/random_source.hpp>
#include <fieldkit/crypto/secret_bytes.hpp>
#include <fieldkit/crypto/symmetric_key.hpp>

namespace fieldkit::crypto {

/** An X25519 public key (center, unit or device) that keys can be sealed to. */
struct BoxPublicKey {
    std::array<std::uint8_t, 32> bytes{};

    /** Code "malformed" unless exactly 32 bytes. */
    [[nodiscard]] static Result<BoxPublicKey> fromBytes(ByteView bytes);
    friend bool operator==(const BoxPublicKey&, const BoxPublicKey&) = default;
};

/** An X25519 key pair for crypto_box_seal; the secret half lives in secret memory. */
class BoxKeyPair {
public:
    [[nodiscard]] static BoxKeyPair generate(RandomSource& random = systemRandom());
    /** Rebuilds the pair from its 32-byte secret (the public key is derived); code "malformed" on wrong size.
     */
    [[nodiscard]] static Result<BoxKeyPair> fromSecret(SecretBytes secret);

    [[nodiscard]] const BoxPublicKey& publicKey() const { return m_public; }
    [[nodiscard]] const SecretBytes& secret() const { return m_secret; }

private:
    BoxKeyPair(BoxPublicKey publicKey, SecretBytes secret);
    BoxPublicKey m_public;
    SecretBytes m_secret;
};

/** Anonymous sealed box (crypto_box_seal): only the holder of the recipient's secret key can open it. */
[[nodiscard]] Bytes sealTo(const BoxPublicKey& recipient, ByteView plaintext);
/** Plaintext goes to secret memory because what we seal are keys. Codes: truncated, wrong_key. */
[[nodiscard]] Result<SecretBytes> openSealed(const BoxKeyPair& recipient, ByteView sealed);

/** Stores a box secret (the unit key, the device box key) under the data key. */
[[nodiscard]] Bytes wrapBoxKeyPair(const DataKey& dek, WrappedKeyKind kind, const BoxKeyPair& pair,
                                   RandomSource& random = systemRandom());
[[nodiscard]] Result<BoxKeyPair> unwrapBoxKeyPair(const DataKey& dek, WrappedKeyKind kind, ByteView wrapped);

/** Enrolment hands a unit secret key to a device sealed to the device's box key. */
[[nodiscard]] Bytes sealBoxKeyPair(const BoxKeyPair& pair, const BoxPublicKey& recipient);
[[nodiscard]] Result<BoxKeyPair> openSealedBoxKeyPair(const BoxKeyPair& recipient, ByteView sealed);

} // namespace fieldkit::crypto
