#include "test_support.hpp"

#include <fieldkit/crypto/box_key_pair.hpp>
#include <fieldkit/crypto/key_sealer.hpp>
#include <fieldkit/crypto/record_key.hpp>

using namespace fieldkit::crypto;

TEST_CASE("a sealer's keys open with the recipient's secret key only, for their own case and kind") {
    const BoxKeyPair center = BoxKeyPair::generate();
    const BoxKeyPair unit = BoxKeyPair::generate();
    const KeySealer sealer(center.publicKey());
    const RecordKey key = RecordKey::generate();

    const Bytes sealed = sealer.sealRecordKey(key, test::kCaseA);
    CHECK(sealed.size() == 1 + 32 + 16 + 1 + 32 + 16); // version, ephemeral pk, MAC, kind, key, case id
    CHECK(sealed[0] == 0x02);
    auto opened = openSealedRecordKey(center, sealed, test::kCaseA);
    REQUIRE(opened.ok());
    CHECK(opened->secret().equals(key.secret()));

    // The nonce binds the case and the kind: under another one the box does not open at all.
    CHECK(openSealedRecordKey(unit, sealed, test::kCaseA).error().code == errc::wrong_key);
    CHECK(openSealedRecordKey(center, sealed, test::kCaseB).error().code == errc::wrong_key);
    CHECK(openSealedAttachmentKey(center, sealed, test::kCaseA).error().code == errc::wrong_key);
    for (std::size_t i = 1; i < sealed.size(); ++i) {
        Bytes bad = sealed;
        bad[i] ^= 0x01;
        CHECK(openSealedRecordKey(center, bad, test::kCaseA).error().code == errc::wrong_key);
    }
    CHECK(
        openSealedRecordKey(center, Bytes(sealed.begin(), sealed.begin() + 40), test::kCaseA).error().code ==
        errc::truncated);
}

TEST_CASE("one sealer seals many keys under one ephemeral key, each case under its own nonce") {
    const BoxKeyPair unit = BoxKeyPair::generate();
    const KeySealer sealer(unit.publicKey());
    const RecordKey first = RecordKey::generate();
    const RecordKey second = RecordKey::generate();
    const Bytes a = sealer.sealRecordKey(first, test::kCaseA);
    const Bytes b = sealer.sealRecordKey(second, test::kCaseB);
    CHECK(Bytes(a.begin() + 1, a.begin() + 33) == Bytes(b.begin() + 1, b.begin() + 33)); // same ephemeral pk
    CHECK(openSealedRecordKey(unit, a, test::kCaseA)->secret().equals(first.secret()));
    CHECK(openSealedRecordKey(unit, b, test::kCaseB)->secret().equals(second.secret()));

    const AttachmentKey attachment = AttachmentKey::generate();
    const Bytes c = sealer.sealAttachmentKey(attachment, test::kCaseA);
    CHECK(openSealedAttachmentKey(unit, c, test::kCaseA)->secret().equals(attachment.secret()));
    CHECK(openSealedRecordKey(unit, c, test::kCaseA).error().code == errc::wrong_key);

    // Another sealer (another session) draws another ephemeral key.
    const KeySealer later(unit.publicKey());
    const Bytes d = later.sealRecordKey(first, test::kCaseA);
    CHECK(Bytes(a.begin() + 1, a.begin() + 33) != Bytes(d.begin() + 1, d.begin() + 33));
}
