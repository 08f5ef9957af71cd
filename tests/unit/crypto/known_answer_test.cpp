// Known-answer tests: formats pinned byte for byte, so data written today opens tomorrow. If one of these
// fails, a format changed: add a new version instead of editing the expected hex.
#include "test_support.hpp"

#include <fieldkit/crypto/attachment_stream.hpp>
#include <fieldkit/crypto/blind_index.hpp>
#include <fieldkit/crypto/device_identity.hpp>
#include <fieldkit/crypto/field_values.hpp>
#include <fieldkit/crypto/key_sealer.hpp>
#include <fieldkit/crypto/key_slot.hpp>
#include <fieldkit/crypto/operation_aad.hpp>
#include <fieldkit/crypto/operation_seal.hpp>
#include <fieldkit/crypto/record_key.hpp>
#include <vector>

using namespace fieldkit::crypto;

namespace {

// Keys: data key 00..1f, record key 20..3f, attachment key e0..ff; box secret c0..df; signing seed 10..2f.
const DataKey& dek() {
    static const auto key = test::countingKey<DataKey>(0x00);
    return key;
}
const RecordKey& recordKey() {
    static const auto key = test::countingKey<RecordKey>(0x20);
    return key;
}

const std::vector<FieldValue> kValues = {{2, "Søren Østergaard"},
                                         {3, "Vestergade 12, 2. th., 8000 Aarhus C"}};
const std::vector<std::uint32_t> kFieldIds = {2, 3};

constexpr const char* kPlainHex =
    "0102021253c3b872656e20c3987374657267616172640324566573746572676164652031322c20322e"
    "2074682e2c2038303030204161726875732043";
constexpr const char* kAadHex =
    "666b6f7001a0a1a2a3a4a5a6a7a8a9aaabacadaeaf080000007461626c65742d3708070605040302010200"
    "0000020000000300000001000000";
// sealOperation with nonce a0..b7 (dictionary cases-v1).
constexpr const char* kOperationHex = "01a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7fc0f0c4ba33ef1fe4a41"
                                      "8cbda48b08a22ddbd6186bfe5514abf6287c2bd48d"
                                      "2c45a1a0fbb8bf91a89fb870a0015829faa8fa7f3b34d03c02b4";
// wrapRecordKey for case A with nonce 40..57.
constexpr const char* kWrappedRecordKeyHex = "0101404142434445464748494a4b4c4d4e4f5051525354555657f4182753f4c"
                                             "55f31a7ddad9583b14bbda28b9ff7276c65ad5208c77e3539"
                                             "1dafe90265d370c52f5d4812cb48fb1a3727";
// Key slot: PIN "1234", opslimit 1, memlimit 8192, salt 60..6f, nonce 80..97.
constexpr const char* kSlotHex =
    "010201000000000000000020000000000000606162636465666768696a6b6c6d6e6f808182838485868788898a8b8c8d8e8f9091"
    "92939495"
    "9697d5614af045b99e99653da0754ac3d9162a029fac7d52cfa16c6f486a9dce65af138d380b07498f0e5fd448ce9d97d5ae";
constexpr const char* kBoxPublicHex = "dc2cca31e8e43bbd91dff7e475cca3347eb478107d5bd765aba4ae4a30c35d44";
// sealRecordKey to that box key for case A (crypto_box_seal is randomised, so only opening is pinned).
constexpr const char* kSealedRecordKeyHex =
    "01638483d98465dd1dc1ef61cfe6d762e4f9022a7d4a4d0f7de6b05fbf5ee743666fb508dfdec14c0ea0cfb8a4b147bbe249f029"
    "a312c19f"
    "db8723db44e815afe6bf795f3f58be05ec585420e7160f58ea879842ff325766f17d69d4a059e37c2ace";
// KeySealer(that box key, ephemeral key counting from 0xd0).sealRecordKey(record key, case A): format 0x02.
constexpr const char* kSealerRecordKeyHex =
    "026b3ee67463583cbe3dc08fe9d0765c2666ff5210dd527c9d8705e44927c80d555a88ddd19d1df49af63ecf71ded797c948"
    "cba40dc91a3b85cf8f84db85eae0021fa0680a7394e664b0172d7a274e0e0be6b4076536aeb716ae6e05c790c1745940";
// One FINAL chunk "fieldkit attachment" (secretstream headers are randomised inside libsodium: opening is
// pinned).
constexpr const char* kAttachmentHeaderHex = "013b036e2f18c3344b96f1586a55a0e3827fd534ed82985cb2";
constexpr const char* kAttachmentChunkHex =
    "93f040cd2d03330466103652e4972309319a7ad4eb2d286d63c53cb6c2ead5016d45f091";
// Checked independently with Python hashlib.blake2b (crypto_kdf = BLAKE2b with salt = subkey id, person =
// context).
constexpr const char* kBlindIndexHex = "04e4d0d90109f20d02af6a916bf0db4ab021810ccab7be38c153b7e19c5f2502";
constexpr const char* kSigningPublicHex = "7776e870b93354f2a0b24c23f2a36cc4e80e223218c1b97926fdd018396a2b9b";
constexpr const char* kSignatureHex =
    "5a220f0ff275fe54e01a2ab8393cb12cffc7609ad272d0d2b132ef7a152fa36875e06099c6284dcf"
    "a07b1bf5f8a87a080fd8823d165cca45c10c3d098ecb2402";
// DeviceIdentity::generate(counting from 0x30).serialise(dek, counting from 0x50).
constexpr const char* kIdentityHex = "018bb04e1c1b83dddf311f5bcddf7c50ede3c0802f47ec796e2a131cf41298d9f3392d1"
                                     "74a38b3b1beafaf1fe824870841c5fa531bc6eafd"
                                     "b6402c124664488c1c4a0000000104505152535455565758595a5b5c5d5e5f606162636"
                                     "4656667983422d95b72a1e44b04543075bdf9c6"
                                     "1b928613cd53420e8fae2f1b151d3618ef8b84dbd06447e749498392403b2b144a00000"
                                     "0010568696a6b6c6d6e6f70717273747576777879"
                                     "7a7b7c7d7e7f9362c880e95fada008a77d973d1373fe2b1d33c6829903897591b4fff4f"
                                     "bd13157566d0ae8030fcdf5dd6bf693a1ddd0";

} // namespace

TEST_CASE("KAT: field values and operation AAD encodings") {
    CHECK(toHex(encodeFieldValues(kValues)) == kPlainHex);
    CHECK(toHex(operationAad(test::kCaseA, "tablet-7", 0x0102030405060708ull, kFieldIds, 1)) == kAadHex);
}

TEST_CASE("KAT: a sealed operation of format 0x01 opens") {
    auto opened = openOperation(recordKey(), test::hex(kAadHex), test::hex(kOperationHex));
    REQUIRE(opened.ok());
    CHECK(toHex(*opened) == kPlainHex);
    auto values = decodeFieldValues(*opened);
    REQUIRE(values.ok());
    CHECK(*values == kValues);
}

TEST_CASE("KAT: sealing puts version and the injected nonce first") {
    test::CountingRandom random(0xa0);
    const Bytes sealed = sealOperation(recordKey(), test::hex(kAadHex), test::hex(kPlainHex), random);
    // The ciphertext bytes depend on the zstd compressor version; the layout and the nonce do not.
    CHECK(toHex(ByteView(sealed).first(25)) == std::string(kOperationHex).substr(0, 50));
}

TEST_CASE("KAT: record key wrapped by the DEK") {
    test::CountingRandom random(0x40);
    CHECK(toHex(wrapRecordKey(dek(), recordKey(), test::kCaseA, random)) == kWrappedRecordKeyHex);
    auto opened = unwrapRecordKey(dek(), test::hex(kWrappedRecordKeyHex), test::kCaseA);
    REQUIRE(opened.ok());
    CHECK(opened->secret().equals(recordKey().secret()));
}

TEST_CASE("KAT: key slot (Argon2id13)") {
    test::CountingRandom salt(0x60);
    test::CountingRandom nonce(0x80);
    auto slot = wrapKey(dek(), "1234", KdfParams::withCosts(1, 8192, salt), nonce);
    REQUIRE(slot.ok());
    CHECK(toHex(slot->bytes) == kSlotHex);
    auto opened = unwrapKey(WrappedKey{test::hex(kSlotHex)}, "1234");
    REQUIRE(opened.ok());
    CHECK(opened->secret().equals(dek().secret()));
    CHECK(unwrapKey(WrappedKey{test::hex(kSlotHex)}, "1235").error().code == errc::wrong_pin);
}

TEST_CASE("KAT: X25519 key and a sealed record key") {
    test::CountingRandom random(0xc0);
    const auto box = BoxKeyPair::generate(random);
    CHECK(toHex(box.publicKey().bytes) == kBoxPublicHex);
    auto opened = openSealedRecordKey(box, test::hex(kSealedRecordKeyHex), test::kCaseA);
    REQUIRE(opened.ok());
    CHECK(opened->secret().equals(recordKey().secret()));
}

TEST_CASE("KAT: a record key sealed by a KeySealer (format 0x02) is deterministic for its ephemeral key") {
    test::CountingRandom boxRandom(0xc0);
    const auto box = BoxKeyPair::generate(boxRandom);
    test::CountingRandom ephemeralRandom(0xd0);
    const KeySealer sealer(box.publicKey(), ephemeralRandom);
    const Bytes sealed = sealer.sealRecordKey(recordKey(), test::kCaseA);
    CHECK(toHex(sealed) == kSealerRecordKeyHex);
    auto opened = openSealedRecordKey(box, test::hex(kSealerRecordKeyHex), test::kCaseA);
    REQUIRE(opened.ok());
    CHECK(opened->secret().equals(recordKey().secret()));
}

TEST_CASE("KAT: attachment stream") {
    auto dec =
        AttachmentDecryptor::create(test::countingKey<AttachmentKey>(0xe0), test::hex(kAttachmentHeaderHex));
    REQUIRE(dec.ok());
    auto chunk = dec->pull(test::hex(kAttachmentChunkHex));
    REQUIRE(chunk.ok());
    CHECK(*chunk == test::hex(toHex(asBytes("fieldkit attachment"))));
    CHECK(dec->finish().ok());
}

TEST_CASE("KAT: blind index") {
    CHECK(toHex(BlindIndex(dek()).compute(asBytes("0102031234"))) == kBlindIndexHex);
}

TEST_CASE("KAT: Ed25519 signature and device identity") {
    test::CountingRandom seed(0x10);
    const auto signing = SigningKeyPair::generate(seed);
    CHECK(toHex(signing.publicKey().bytes) == kSigningPublicHex);
    CHECK(toHex(signing.sign(asBytes("fieldkit")).bytes) == kSignatureHex);

    test::CountingRandom keys(0x30);
    test::CountingRandom nonces(0x50);
    CHECK(toHex(DeviceIdentity::generate(keys).serialise(dek(), nonces)) == kIdentityHex);
    auto restored = DeviceIdentity::deserialise(dek(), test::hex(kIdentityHex));
    REQUIRE(restored.ok());
    CHECK(toHex(restored->signing().publicKey().bytes) == std::string(kIdentityHex).substr(2, 64));
}
