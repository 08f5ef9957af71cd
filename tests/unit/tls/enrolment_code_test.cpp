#include <doctest/doctest.h>
#include <fieldkit/tls/enrolment_code.hpp>
#include <set>

using namespace fieldkit::tls;

TEST_CASE("an enrolment code reads back the same however staff type it") {
    auto code = EnrolmentCode::generate();
    REQUIRE(code.ok());
    CHECK(code->normalised.size() == 20);
    const auto shown = code->display();
    CHECK(shown.size() == 23);
    CHECK(shown[5] == '-');
    auto typed = EnrolmentCode::parse(" " + shown + " ");
    REQUIRE(typed.ok());
    CHECK(typed->normalised == code->normalised);
    // O, I and L are read as 0, 1 and 1, and case does not matter.
    auto misread = EnrolmentCode::parse("oilab-cdefg-hjkmn-pqrst");
    REQUIRE(misread.ok());
    CHECK(misread->normalised == "011ABCDEFGHJKMNPQRST");
    CHECK(misread->lookup() == EnrolmentCode::parse("011AB-CDEFG-HJKMN-PQRST")->lookup());
}

TEST_CASE("a malformed enrolment code is refused with what is wrong") {
    auto shortCode = EnrolmentCode::parse("ABCDE");
    REQUIRE_FALSE(shortCode.ok());
    CHECK(shortCode.error().message == "An enrolment code has 20 letters and digits; this one has 5.");
    auto symbol = EnrolmentCode::parse("ABCDE-FGHJK-MNPQR-STVW!");
    REQUIRE_FALSE(symbol.ok());
    CHECK(symbol.error().code == "bad_code");
    CHECK_FALSE(EnrolmentCode::parse("UUUUU-UUUUU-UUUUU-UUUUU").ok()); // U is not in the alphabet
}

TEST_CASE("lookup and MAC key are different values and differ between codes") {
    const auto a = *EnrolmentCode::parse("ABCDE-FGHJK-MNPQR-STVWX");
    const auto b = *EnrolmentCode::parse("ABCDE-FGHJK-MNPQR-STVWY");
    CHECK(a.lookup().size() == 32);
    CHECK(a.lookup() != a.macKey());
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
