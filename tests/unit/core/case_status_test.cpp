#include <array>
#include <cstddef>
#include <doctest/doctest.h>
#include <fieldkit/core/case_status.hpp>
#include <string>
#include <string_view>

using fieldkit::core::CaseStatus;
using fieldkit::core::kAllCaseStatuses;

TEST_CASE("CaseStatus: codes round-trip and unknown codes are errors") {
    const std::array<std::string_view, 8> codes{"opened", "informed", "decided",  "ordered",
                                                "done",   "closed",   "referred", "withdrawn"};
    for (std::size_t i = 0; i < kAllCaseStatuses.size(); ++i) {
        CHECK(fieldkit::core::toString(kAllCaseStatuses[i]) == codes[i]);
        auto parsed = fieldkit::core::caseStatusFromString(codes[i]);
        REQUIRE(parsed.ok());
        CHECK(*parsed == kAllCaseStatuses[i]);
    }
    for (std::string_view bad : {"", "Opened", "OPENED", "open", " closed", "cancelled"}) {
        CAPTURE(bad);
        auto parsed = fieldkit::core::caseStatusFromString(bad);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().code == "unknown_case_status");
    }
}

TEST_CASE("CaseStatus: only closed and withdrawn are final") {
    for (const CaseStatus status : kAllCaseStatuses) {
        CAPTURE(fieldkit::core::toString(status));
        CHECK(fieldkit::core::isFinal(status) ==
              (status == CaseStatus::Closed || status == CaseStatus::Withdrawn));
    }
}

TEST_CASE("CaseStatus: the full transition matrix") {
    // Row = from, column = to, in kAllCaseStatuses order. "" = allowed, otherwise the error code.
    constexpr std::string_view ok;
    constexpr std::string_view same = "status_unchanged";
    constexpr std::string_view back = "status_backwards";
    constexpr std::string_view early = "status_close_before_done";
    constexpr std::string_view fin = "status_final";
    constexpr std::string_view ref = "status_after_referral";
    const std::array<std::array<std::string_view, 8>, 8> expected{{
        //  opened informed decided ordered done  closed referred withdrawn
        {same, ok, ok, ok, ok, early, ok, ok},       // opened
        {back, same, ok, ok, ok, early, ok, ok},     // informed
        {back, back, same, ok, ok, early, ok, ok},   // decided
        {back, back, back, same, ok, early, ok, ok}, // ordered
        {back, back, back, back, same, ok, ok, ok},  // done
        {fin, fin, fin, fin, fin, same, fin, fin},   // closed
        {ref, ref, ref, ref, ref, ok, same, ok},     // referred
        {fin, fin, fin, fin, fin, fin, fin, same},   // withdrawn
    }};
    for (std::size_t f = 0; f < kAllCaseStatuses.size(); ++f) {
        for (std::size_t t = 0; t < kAllCaseStatuses.size(); ++t) {
            const CaseStatus from = kAllCaseStatuses[f];
            const CaseStatus to = kAllCaseStatuses[t];
            CAPTURE(fieldkit::core::toString(from));
            CAPTURE(fieldkit::core::toString(to));
            const auto status = fieldkit::core::checkTransition(from, to);
            if (expected[f][t].empty()) {
                CHECK(status.ok());
            } else {
                REQUIRE_FALSE(status.ok());
                CHECK(status.error().code == expected[f][t]);
                // The reason names both statuses so staff can see what was attempted.
                const std::string& message = status.error().message;
                CHECK(message.find("'" + std::string(fieldkit::core::toString(from)) + "'") !=
                      std::string::npos);
                CHECK(message.find("'" + std::string(fieldkit::core::toString(to)) + "'") !=
                      std::string::npos);
            }
        }
    }
}

TEST_CASE("CaseStatus: guidance can go straight from opened to done, then closed") {
    CHECK(fieldkit::core::checkTransition(CaseStatus::Opened, CaseStatus::Done).ok());
    CHECK(fieldkit::core::checkTransition(CaseStatus::Done, CaseStatus::Closed).ok());
}

TEST_CASE("CaseStatus: allowedNextStatuses agrees with checkTransition") {
    using V = std::vector<CaseStatus>;
    CHECK(fieldkit::core::allowedNextStatuses(CaseStatus::Opened) ==
          V{CaseStatus::Informed, CaseStatus::Decided, CaseStatus::Ordered, CaseStatus::Done,
            CaseStatus::Referred, CaseStatus::Withdrawn});
    CHECK(fieldkit::core::allowedNextStatuses(CaseStatus::Done) ==
          V{CaseStatus::Closed, CaseStatus::Referred, CaseStatus::Withdrawn});
    CHECK(fieldkit::core::allowedNextStatuses(CaseStatus::Referred) ==
          V{CaseStatus::Closed, CaseStatus::Withdrawn});
    CHECK(fieldkit::core::allowedNextStatuses(CaseStatus::Closed).empty());
    CHECK(fieldkit::core::allowedNextStatuses(CaseStatus::Withdrawn).empty());
}
