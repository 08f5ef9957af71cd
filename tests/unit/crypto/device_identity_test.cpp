#include "test_support.hpp"

#include <fieldkit/crypto/device_identity.hpp>
#include <fieldkit/crypto/signing_key_pair.hpp>

using namespace fieldkit::crypto;

TEST_CASE("signatures verify only for the signed message and key") {
    const SigningKeyPair pair = SigningKeyPair::generate();
    const Signature sig = pair.sign(asBytes("hello hub"));
    CHECK(verifySignature(pair.publicKey(), asBytes("hello hub"), sig).ok());
    CHECK(verifySignature(pair.publicKey(), asBytes("hello hub!"), sig).error().code == errc::bad_signature);
    CHECK(verifySignature(SigningKeyPair::generate().publicKey(), asBytes("hello hub"), sig).error().code ==
          errc::bad_signature);
    Signature bad = sig;
    bad.bytes[10] ^= 1;
    CHECK(verifySignature(pair.publicKey(), asBytes("hello hub"), bad).error().code == errc::bad_signature);
    CHECK(Signature::fromBytes(Bytes(63)).error().code == errc::malformed);
    CHECK(SigningPublicKey::fromBytes(Bytes(33)).error().code == errc::malformed);
}

TEST_CASE("a device identity survives serialisation under the DEK") {
    const DataKey dek = DataKey::generate();
    const DeviceIdentity identity = DeviceIdentity::generate();
    CHECK(identity.box().publicKey().bytes != identity.signing().publicKey().bytes);

    const Bytes stored = identity.serialise(dek);
    auto restored = DeviceIdentity::deserialise(dek, stored);
    REQUIRE(restored.ok());
    CHECK(restored->signing().publicKey() == identity.signing().publicKey());
    CHECK(restored->box().publicKey() == identity.box().publicKey());
    CHECK(restored->box().secret().equals(identity.box().secret()));
    CHECK(
        verifySignature(identity.signing().publicKey(), asBytes("m"), restored->signing().sign(asBytes("m")))
            .ok());

    auto signPk = DeviceIdentity::signingPublicKeyOf(stored);
    auto boxPk = DeviceIdentity::boxPublicKeyOf(stored);
    REQUIRE(signPk.ok());
    REQUIRE(boxPk.ok());
    CHECK(*signPk == identity.signing().publicKey());
    CHECK(*boxPk == identity.box().publicKey());

    CHECK(DeviceIdentity::deserialise(DataKey::generate(), stored).error().code == errc::bad_mac);
    Bytes swappedPk = stored;
    swappedPk[5] ^= 1; // a public key changed: its secret no longer unwraps (the public keys are the binding)
    CHECK(DeviceIdentity::deserialise(dek, swappedPk).error().code == errc::bad_mac);
    Bytes trailing = stored;
    trailing.push_back(0);
    CHECK(DeviceIdentity::deserialise(dek, trailing).error().code == errc::malformed);
    CHECK(DeviceIdentity::deserialise(dek, Bytes(stored.begin(), stored.end() - 1)).error().code ==
          errc::truncated);
    CHECK(DeviceIdentity::deserialise(dek, {}).error().code == errc::truncated);
}
