#include "test_support.hpp"

#include <fieldkit/crypto/citizen_access.hpp>
#include <set>

using namespace fieldkit::crypto;

TEST_CASE("citizen receipts are Crockford base32 of the documented lengths and differ every time") {
    std::set<std::string> seen;
    for (int i = 0; i < 50; ++i) {
        const auto access = CitizenAccess::generate();
        CHECK(access.reference.size() == kCitizenReferenceLength);
        CHECK(access.code.size() == kCitizenCodeLength);
        CHECK(parseCitizenReference(access.reference).value() == access.reference);
        CHECK(parseCitizenCode(access.code).value() == access.code);
        CHECK(seen.insert(access.code).second);
    }
}

TEST_CASE("citizen codes typed are normalised, misreadings forgiven, wrong lengths and letters refused") {
    CHECK(parseCitizenCode("abcd-efgh-jkmn-pqrs").value() == "ABCDEFGHJKMNPQRS");
    CHECK(parseCitizenCode("oIl0 efgh jkmn pqrs").value() == "0110EFGHJKMNPQRS");
    CHECK(parseCitizenCode("ABCD-EFGH-JKMN-PQR").error().code == "bad_code");
    CHECK(parseCitizenCode("ABCD-EFGH-JKMN-PQRST").error().code == "bad_code");
    CHECK(parseCitizenCode("ABCD-EFGH-JKMN-PQRU").error().code == "bad_code"); // U is not Crockford
    CHECK(parseCitizenReference("12345-6789a").value() == "123456789A");
    CHECK(displayCitizenCode("ABCDEFGHJKMNPQRS") == "ABCD-EFGH-JKMN-PQRS");
    CHECK(displayCitizenReference("123456789A") == "12345-6789A");
}

TEST_CASE(
    "citizen keys: the derivation is deterministic per reference and code, and the verifier is not the key") {
    auto a = deriveCitizenKeys("123456789A", "ABCDEFGHJKMNPQRS");
    auto b = deriveCitizenKeys("123456789A", "ABCDEFGHJKMNPQRS");
    auto otherCode = deriveCitizenKeys("123456789A", "ABCDEFGHJKMNPQRT");
    auto otherReference = deriveCitizenKeys("123456789B", "ABCDEFGHJKMNPQRS");
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a->verifier == b->verifier);
    CHECK(a->viewKey.equals(b->viewKey));
    CHECK(a->verifier != otherCode->verifier);
    CHECK(a->verifier != otherReference->verifier); // the reference salts the derivation
    CHECK(Bytes(a->viewKey.view().begin(), a->viewKey.view().end()) != a->verifier);
    CHECK(a->verifier.size() == 32);
    // Known answer: pins salt, cost and layout, so a change to any of them (which would orphan every
    // published view) fails here first.
    CHECK(toHex(a->verifier) == "67ccdfb740bb081ead3598ea8971041d81369d6e3d02f5c296d7a21b799b9b78");
}

TEST_CASE("citizen view sealed: opens only with the right code and for its own reference") {
    auto keys = deriveCitizenKeys("123456789A", "ABCDEFGHJKMNPQRS");
    auto wrong = deriveCitizenKeys("123456789A", "ABCDEFGHJKMNPQRT");
    REQUIRE(keys.ok());
    const std::string view = "v1\nservice\tpassport\n";
    const Bytes sealed = sealCitizenView(*keys, "123456789A", asBytes(view));
    CHECK(openCitizenView(*keys, "123456789A", sealed).value() == view);
    CHECK(openCitizenView(*wrong, "123456789A", sealed).error().code == "tampered");
    CHECK(openCitizenView(*keys, "123456789B", sealed).error().code == "tampered");
    Bytes flipped = sealed;
    flipped.back() ^= 1;
    CHECK(openCitizenView(*keys, "123456789A", flipped).error().code == "tampered");
    CHECK(openCitizenView(*keys, "123456789A", ByteView(sealed).first(20)).error().code == "tampered");
    // The plaintext is nowhere in the sealed bytes.
    const std::string sealedText(sealed.begin(), sealed.end());
    CHECK(sealedText.find("passport") == std::string::npos);
}
