#pragma once

#include <fieldkit/crypto/box_key_pair.hpp>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/crypto/signing_key_pair.hpp>
#include <fieldkit/crypto/symmetric_key.hpp>

namespace fieldkit::crypto {

/** A device's two key pairs, kept separate: Ed25519 to sign (enrolment, sync hello), X25519 to receive sealed
 * keys. */
class DeviceIdentity {
public:
    [[nodiscard]] static DeviceIdentity generate(RandomSource& random = systemRandom());

    /** Public keys in the clear, secret halves wrapped by the DEK.
     *  Format v1: 0x01 | signPk[32] | boxPk[32] | u32le len | wrapped seed | u32le len | wrapped box secret.
     */
    [[nodiscard]] Bytes serialise(const DataKey& dek, RandomSource& random = systemRandom()) const;
    /** Checks that the unwrapped secrets derive the stored public keys (code "malformed" if not). */
    [[nodiscard]] static Result<DeviceIdentity> deserialise(const DataKey& dek, ByteView serialised);
    /** Public keys only, without the DEK (the daemon needs them to talk to the hub). */
    [[nodiscard]] static Result<SigningPublicKey> signingPublicKeyOf(ByteView serialised);
    [[nodiscard]] static Result<BoxPublicKey> boxPublicKeyOf(ByteView serialised);

    [[nodiscard]] const SigningKeyPair& signing() const { return m_signing; }
    [[nodiscard]] const BoxKeyPair& box() const { return m_box; }

private:
    DeviceIdentity(SigningKeyPair signing, BoxKeyPair box);
    SigningKeyPair m_signing;
    BoxKeyPair m_box;
};

} // namespace fieldkit::crypto
