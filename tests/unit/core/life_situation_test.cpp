#include <array>
#include <cstddef>
#include <doctest/doctest.h>
#include <fieldkit/core/life_situation.hpp>
#include <fieldkit/core/service_catalogue.hpp>
#include <set>
#include <string_view>

using fieldkit::core::LifeSituation;
using fieldkit::core::lifeSituationSteps;

TEST_CASE("LifeSituation: codes round-trip and unknown codes are errors") {
    const std::array<std::string_view, 3> codes{"moving", "new-child", "retirement"};
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const LifeSituation situation = fieldkit::core::kAllLifeSituations[i];
        CHECK(fieldkit::core::toString(situation) == codes[i]);
        auto parsed = fieldkit::core::lifeSituationFromString(codes[i]);
        REQUIRE(parsed.ok());
        CHECK(*parsed == situation);
        CHECK_FALSE(fieldkit::core::lifeSituationName(situation).da.empty());
        CHECK_FALSE(fieldkit::core::lifeSituationName(situation).en.empty());
    }
    auto bad = fieldkit::core::lifeSituationFromString("new_child");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == "unknown_life_situation");
}

TEST_CASE("LifeSituation: steps are complete and link only to known services") {
    for (const LifeSituation situation : fieldkit::core::kAllLifeSituations) {
        CAPTURE(fieldkit::core::toString(situation));
        const auto steps = lifeSituationSteps(situation);
        CHECK(steps.size() >= 4);
        std::set<std::uint16_t> ids;
        for (const auto& step : steps) {
            CHECK(ids.insert(step.id).second);
            CHECK_FALSE(step.text.da.empty());
            CHECK_FALSE(step.text.en.empty());
            if (!step.serviceCode.empty()) {
                CAPTURE(step.serviceCode);
                CHECK(fieldkit::core::serviceCatalogue().find(step.serviceCode) != nullptr);
            }
        }
    }
}

TEST_CASE("LifeSituation: each checklist offers the services DOMAIN.md names") {
    struct Row {
        LifeSituation situation;
        std::array<std::string_view, 2> services;
    };
    const Row rows[] = {
        {LifeSituation::Moving, {"moving", "health-card"}},
        {LifeSituation::NewChild, {"free-place", "child-benefit"}},
        {LifeSituation::Retirement, {"pension", "mitid"}},
    };
    for (const Row& row : rows) {
        std::set<std::string_view> linked;
        for (const auto& step : lifeSituationSteps(row.situation)) {
            linked.insert(step.serviceCode);
        }
        for (std::string_view code : row.services) {
            CAPTURE(code);
            CHECK(linked.count(code) == 1);
        }
    }
    // The first moving step is the notification itself.
    CHECK(lifeSituationSteps(LifeSituation::Moving).front().serviceCode == "moving");
}

TEST_CASE("LifeSituation: the shared-custody step states no deadline number") {
    bool found = false;
    for (const auto& step : lifeSituationSteps(LifeSituation::NewChild)) {
        for (std::string_view text : {step.text.da, step.text.en}) {
            CHECK(text.find("14") == std::string_view::npos);
            CHECK(text.find("28") == std::string_view::npos);
        }
        if (step.text.en.find("custody") != std::string_view::npos) {
            found = true;
            CHECK(step.text.en.find("check the current deadline") != std::string_view::npos);
            CHECK(step.text.da.find("gældende frist") != std::string_view::npos);
        }
    }
    CHECK(found);
}
