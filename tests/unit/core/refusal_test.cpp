#include <doctest/doctest.h>
#include <fieldkit/core/refusal.hpp>
#include <set>
#include <string>

using fieldkit::core::kKnownRefusals;
using fieldkit::core::Refusal;
using fieldkit::core::refusalCode;
using fieldkit::core::refusalFromCode;

TEST_CASE("Refusal: every known refusal has its own code, and the code names it again") {
    std::set<std::string> seen;
    for (const auto refusal : kKnownRefusals) {
        const std::string code(refusalCode(refusal));
        CHECK_FALSE(code.empty());
        CHECK(seen.insert(code).second); // no two refusals share a code
        CHECK(refusalFromCode(code) == refusal);
    }
}

TEST_CASE("Refusal: the codes are the persisted ones (never rename: stores and the app hold them)") {
    CHECK(refusalCode(Refusal::Stale) == "stale");
    CHECK(refusalCode(Refusal::OtherUnit) == "other_unit");
    CHECK(refusalCode(Refusal::TooLarge) == "too_large");
    CHECK(refusalCode(Refusal::AttachmentRefused) == "attachment_refused");
}

TEST_CASE("Refusal: an empty or unknown code (a newer center) is Unknown, never an error") {
    CHECK(refusalFromCode("") == Refusal::Unknown);
    CHECK(refusalFromCode("from_a_newer_center") == Refusal::Unknown);
    CHECK(refusalFromCode("STALE") == Refusal::Unknown);
    CHECK(refusalCode(Refusal::Unknown).empty());
}
