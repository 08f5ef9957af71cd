#include "test_support.hpp"

#include <fieldkit/crypto/box_key_pair.hpp>
#include <fieldkit/crypto/key_wrap.hpp>
#include <fieldkit/crypto/record_key.hpp>

using namespace fieldkit::crypto;

TEST_CASE("a record key wrapped by the DEK opens only with that DEK and case") {
    const DataKey dek = DataKey::generate();
    const RecordKey key = RecordKey::generate();
    const Bytes wrapped = wrapRecordKey(dek, key, test::kCaseA);
    CHECK(wrapped.size() == 2 + 24 + 32 + 16);

    auto opened = unwrapRecordKey(dek, wrapped, test::kCaseA);
    REQUIRE(opened.ok());
    CHECK(opened->secret().equals(key.secret()));

    CHECK(unwrapRecordKey(DataKey::generate(), wrapped, test::kCaseA).error().code == errc::bad_mac);
    CHECK(unwrapRecordKey(dek, wrapped, test::kCaseB).error().code == errc::bad_mac);
    for (std::size_t i = 2; i < wrapped.size(); ++i) {
        Bytes bad = wrapped;
        bad[i] ^= 0x80;
        CHECK(unwrapRecordKey(dek, bad, test::kCaseA).error().code == errc::bad_mac);
    }
    Bytes relabelled = wrapped;
    relabelled[1] = static_cast<std::uint8_t>(WrappedKeyKind::attachment);
    CHECK(unwrapRecordKey(dek, relabelled, test::kCaseA).error().code == errc::wrong_key_kind);
    CHECK(unwrapAttachmentKey(dek, wrapped, test::kCaseA).error().code == errc::wrong_key_kind);
    CHECK(unwrapRecordKey(dek, Bytes(wrapped.begin(), wrapped.begin() + 30), test::kCaseA).error().code ==
          errc::truncated);
    CHECK(unwrapRecordKey(dek, {}, test::kCaseA).error().code == errc::truncated);
}

TEST_CASE("a record key sealed to center and unit opens with their secret keys only") {
    const BoxKeyPair center = BoxKeyPair::generate();
    const BoxKeyPair unit = BoxKeyPair::generate();
    const RecordKey key = RecordKey::generate();

    for (const BoxKeyPair* recipient : {&center, &unit}) {
        const Bytes sealed = sealRecordKey(key, recipient->publicKey(), test::kCaseA);
        auto opened = openSealedRecordKey(*recipient, sealed, test::kCaseA);
        REQUIRE(opened.ok());
        CHECK(opened->secret().equals(key.secret()));

        const BoxKeyPair& other = recipient == &center ? unit : center;
        CHECK(openSealedRecordKey(other, sealed, test::kCaseA).error().code == errc::wrong_key);
        CHECK(openSealedRecordKey(*recipient, sealed, test::kCaseB).error().code == errc::wrong_binding);
        CHECK(openSealedAttachmentKey(*recipient, sealed, test::kCaseA).error().code == errc::wrong_key_kind);
        Bytes bad = sealed;
        bad.back() ^= 1;
        CHECK(openSealedRecordKey(*recipient, bad, test::kCaseA).error().code == errc::wrong_key);
        Bytes future = sealed;
        future[0] = 9;
        CHECK(openSealedRecordKey(*recipient, future, test::kCaseA).error().code ==
              errc::unsupported_version);
        CHECK(openSealedRecordKey(*recipient, Bytes(sealed.begin(), sealed.begin() + 20), test::kCaseA)
                  .error()
                  .code == errc::truncated);
    }
}

TEST_CASE("attachment keys travel like record keys") {
    const DataKey dek = DataKey::generate();
    const BoxKeyPair unit = BoxKeyPair::generate();
    const AttachmentKey key = AttachmentKey::generate();
    const ByteView id = asBytes("attachment-1");
    auto unwrapped = unwrapAttachmentKey(dek, wrapAttachmentKey(dek, key, id), id);
    REQUIRE(unwrapped.ok());
    CHECK(unwrapped->secret().equals(key.secret()));
    auto opened = openSealedAttachmentKey(unit, sealAttachmentKey(key, unit.publicKey(), id), id);
    REQUIRE(opened.ok());
    CHECK(opened->secret().equals(key.secret()));
}

TEST_CASE("the unit secret key is stored wrapped by the DEK and handed over sealed") {
    const DataKey dek = DataKey::generate();
    const BoxKeyPair unit = BoxKeyPair::generate();
    const BoxKeyPair device = BoxKeyPair::generate();

    const Bytes stored = wrapBoxKeyPair(dek, WrappedKeyKind::unitBoxSecret, unit);
    auto restored = unwrapBoxKeyPair(dek, WrappedKeyKind::unitBoxSecret, stored);
    REQUIRE(restored.ok());
    CHECK(restored->publicKey() == unit.publicKey());
    CHECK(unwrapBoxKeyPair(dek, WrappedKeyKind::deviceBoxSecret, stored).error().code ==
          errc::wrong_key_kind);
    CHECK(unwrapBoxKeyPair(DataKey::generate(), WrappedKeyKind::unitBoxSecret, stored).error().code ==
          errc::bad_mac);

    auto received = openSealedBoxKeyPair(device, sealBoxKeyPair(unit, device.publicKey()));
    REQUIRE(received.ok());
    CHECK(received->publicKey() == unit.publicKey());
    CHECK(received->secret().equals(unit.secret()));
}

TEST_CASE("public keys parse only at their size") {
    CHECK(BoxPublicKey::fromBytes(Bytes(31)).error().code == errc::malformed);
    CHECK(BoxPublicKey::fromBytes(Bytes(32)).ok());
    CHECK(BoxKeyPair::fromSecret(SecretBytes(16)).error().code == errc::malformed);
}
