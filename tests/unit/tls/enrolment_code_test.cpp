#include <doctest/doctest.h>
#include <fieldkit/tls/enrolment_code.hpp>
#include <set>

using namespace fieldkit::tls;

TEST_CASE("an enrolment code reads back the same however staff type it") {
    auto code = EnrolmentCode::generate();
    REQUIRE(code.ok());
    CHECK(code->normalised.size() == 28); // 140 bits: beyond offline search of a stolen center store
    const auto shown = code->display();
    CHECK(shown.size() == 34);
    CHECK(shown[4] == '-');
    auto typed = EnrolmentCode::parse(" " + shown + " ");
    REQUIRE(typed.ok());
    CHECK(typed->normalised == code->normalised);
    // O, I and L are read as 0, 1 and 1, and case does not matter.
    auto misread = EnrolmentCode::parse("oila-bcde-fghj-kmnp-qrst-vwxy-z234");
    REQUIRE(misread.ok());
    CHECK(misread->normalised == "011ABCDEFGHJKMNPQRSTVWXYZ234");
    CHECK(misread->lookup() == EnrolmentCode::parse("011A-BCDE-FGHJ-KMNP-QRST-VWXY-Z234")->lookup());
}

TEST_CASE("a malformed enrolment code is refused with what is wrong") {
    auto shortCode = EnrolmentCode::parse("ABCDE");
    REQUIRE_FALSE(shortCode.ok());
    CHECK(shortCode.error().message == "An enrolment code has 28 letters and digits; this one has 5.");
    auto symbol = EnrolmentCode::parse("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-234!");
    REQUIRE_FALSE(symbol.ok());
    CHECK(symbol.error().code == "bad_code");
    CHECK_FALSE(EnrolmentCode::parse(std::string(28, 'U')).ok()); // U is not in the alphabet
}

TEST_CASE("lookup and MAC key are different values and differ between codes") {
    const auto a = *EnrolmentCode::parse("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345");
    const auto b = *EnrolmentCode::parse("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2346");
    CHECK(a.lookup().size() == 32);
    CHECK(a.lookup() != a.macKey());
    CHECK(a.unitKeyWrapKey().size() == 32);
    CHECK(a.unitKeyWrapKey() != a.lookup());
    CHECK(a.unitKeyWrapKey() != a.macKey());
    CHECK(a.unitKeyWrapKey() != b.unitKeyWrapKey());
    CHECK(a.lookup() != b.lookup());
    CHECK(a.macKey() != b.macKey());
    std::set<std::string> seen;
    for (int i = 0; i < 50; ++i) {
        seen.insert(EnrolmentCode::generate()->normalised);
    }
    CHECK(seen.size() == 50);
}

TEST_CASE("a transcript MAC changes with the key and with where a field boundary lies") {
    const Bytes key(32, 7);
    Transcript ab;
    ab.add("ab").add("c");
    Transcript a_bc;
    a_bc.add("a").add("bc");
    CHECK(transcriptMac(key, ab) != transcriptMac(key, a_bc));
    CHECK(transcriptMac(key, ab) != transcriptMac(Bytes(32, 8), ab));
    CHECK(macEquals(transcriptMac(key, ab), transcriptMac(key, ab)));
    CHECK_FALSE(macEquals({}, {}));
}
