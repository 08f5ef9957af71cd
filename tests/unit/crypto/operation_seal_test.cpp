#include "test_support.hpp"

#include <fieldkit/casegen/case_generator.hpp>
#include <fieldkit/crypto/field_values.hpp>
#include <fieldkit/crypto/operation_aad.hpp>
#include <fieldkit/crypto/operation_seal.hpp>
#include <vector>

using namespace fieldkit::crypto;

namespace {

const std::vector<std::uint32_t> kFields = {field_id::name, field_id::address};

Bytes aadFor(std::span<const std::uint8_t, 16> caseId, std::uint64_t seq,
             const std::vector<std::uint32_t>& fields, std::string_view device = "tablet-7",
             std::uint32_t schema = 1) {
    return operationAad(caseId, device, seq, fields, schema);
}

Bytes samplePlaintext() {
    return encodeFieldValues(
        {{field_id::name, "Mette Frederiksen"}, {field_id::address, "Algade 3, 4000 Roskilde"}});
}

} // namespace

TEST_CASE("an operation round-trips and is smaller than it would be without the dictionary") {
    const RecordKey key = RecordKey::generate();
    fieldkit::casegen::CaseGenerator generator(99);
    for (int i = 0; i < 20; ++i) {
        const Bytes plain = encodeFieldValues(fieldkit::casegen::toFieldValues(generator.next()));
        const Bytes aad = aadFor(test::kCaseA, static_cast<std::uint64_t>(i), kFields);
        const Bytes sealed = sealOperation(key, aad, plain);
        CHECK(sealed.size() < plain.size());
        auto opened = openOperation(key, aad, sealed);
        REQUIRE(opened.ok());
        CHECK(*opened == plain);
    }
}

TEST_CASE("two seals of the same save differ (random nonce)") {
    const RecordKey key = RecordKey::generate();
    const Bytes aad = aadFor(test::kCaseA, 1, kFields);
    CHECK(sealOperation(key, aad, samplePlaintext()) != sealOperation(key, aad, samplePlaintext()));
}

TEST_CASE("empty and large plaintexts round-trip") {
    const RecordKey key = RecordKey::generate();
    const Bytes aad = aadFor(test::kCaseA, 1, kFields);
    for (std::size_t size : {std::size_t{0}, std::size_t{1}, std::size_t{200'000}}) {
        Bytes plain(size);
        for (std::size_t i = 0; i < size; ++i) {
            plain[i] = static_cast<std::uint8_t>((i * 7919) >> 3);
        }
        auto opened = openOperation(key, aad, sealOperation(key, aad, plain));
        REQUIRE(opened.ok());
        CHECK(*opened == plain);
    }
}

TEST_CASE("a sealed operation moved, relabelled or altered does not open") {
    const RecordKey key = RecordKey::generate();
    const Bytes aad = aadFor(test::kCaseA, 42, kFields);
    const Bytes sealed = sealOperation(key, aad, samplePlaintext());

    auto failsWith = [&](const RecordKey& k, const Bytes& a, const Bytes& s) {
        auto r = openOperation(k, a, s);
        REQUIRE_FALSE(r.ok());
        return r.error().code;
    };

    SUBCASE("moved to another case") {
        CHECK(failsWith(key, aadFor(test::kCaseB, 42, kFields), sealed) == errc::bad_mac);
    }
    SUBCASE("moved to another operation of the same device") {
        CHECK(failsWith(key, aadFor(test::kCaseA, 43, kFields), sealed) == errc::bad_mac);
    }
    SUBCASE("claimed by another device") {
        CHECK(failsWith(key, aadFor(test::kCaseA, 42, kFields, "tablet-8"), sealed) == errc::bad_mac);
    }
    SUBCASE("relabelled with other field ids, reordered, fewer or more") {
        CHECK(failsWith(key, aadFor(test::kCaseA, 42, {field_id::name, field_id::phone}), sealed) ==
              errc::bad_mac);
        CHECK(failsWith(key, aadFor(test::kCaseA, 42, {field_id::address, field_id::name}), sealed) ==
              errc::bad_mac);
        CHECK(failsWith(key, aadFor(test::kCaseA, 42, {field_id::name}), sealed) == errc::bad_mac);
        CHECK(failsWith(key, aadFor(test::kCaseA, 42, {field_id::name, field_id::address, field_id::note}),
                        sealed) == errc::bad_mac);
    }
    SUBCASE("under another schema version") {
        CHECK(failsWith(key, aadFor(test::kCaseA, 42, kFields, "tablet-7", 2), sealed) == errc::bad_mac);
    }
    SUBCASE("under another record key") {
        CHECK(failsWith(RecordKey::generate(), aad, sealed) == errc::bad_mac);
    }
    SUBCASE("any flipped byte after the version") {
        for (std::size_t i = 1; i < sealed.size(); ++i) {
            Bytes bad = sealed;
            bad[i] ^= 0x04;
            CHECK(failsWith(key, aad, bad) == errc::bad_mac);
        }
    }
    SUBCASE("version byte changed, truncated or empty") {
        Bytes future = sealed;
        future[0] = 0x02;
        CHECK(failsWith(key, aad, future) == errc::unsupported_version);
        Bytes zero = sealed;
        zero[0] = 0x00;
        CHECK(failsWith(key, aad, zero) == errc::unsupported_version);
        CHECK(failsWith(key, aad, {}) == errc::truncated);
        CHECK(failsWith(key, aad, Bytes(sealed.begin(), sealed.begin() + 40)) == errc::truncated);
        CHECK(failsWith(key, aad, Bytes(sealed.begin(), sealed.end() - 1)) == errc::bad_mac);
    }
}

TEST_CASE("the AAD encoding is unambiguous") {
    // Shifting a byte between the device id and the sequence must change the encoding.
    const std::vector<std::uint32_t> none;
    CHECK(operationAad(test::kCaseA, "ab", 0, none, 1) != operationAad(test::kCaseA, "a", 0x62, none, 1));
    CHECK(operationAad(test::kCaseA, "", 0, std::vector<std::uint32_t>{0}, 1) !=
          operationAad(test::kCaseA, "", 0, none, 1));
    CHECK(operationAad(test::kCaseA, asBytes("tablet-7"), 5, kFields, 1) ==
          operationAad(test::kCaseA, std::string_view("tablet-7"), 5, kFields, 1));
}
