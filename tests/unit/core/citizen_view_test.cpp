#include <doctest/doctest.h>
#include <fieldkit/core/citizen_view.hpp>

using namespace fieldkit::core;

TEST_CASE("a citizen view survives its encoding and holds codes, numbers and units only") {
    CitizenView view;
    view.service = "passport";
    view.timeline = {{CaseStatus::Opened, 1000}, {CaseStatus::Informed, 2000}};
    view.missingItems = {1, 3};
    view.lookups = {{1500, "case-page", "bike-07"}, {2500, "find-citizen", "center"}};
    const auto text = encodeCitizenView(view);
    auto back = decodeCitizenView(text);
    REQUIRE(back.ok());
    CHECK(*back == view);
    CHECK(currentStatus(*back) == CaseStatus::Informed);
}

TEST_CASE("citizen view: tabs and newlines in a value cannot forge lines") {
    CitizenView view;
    view.service = "passport";
    view.lookups = {{1, "case-page\nmissing\t9", "bike\t07"}};
    auto back = decodeCitizenView(encodeCitizenView(view));
    REQUIRE(back.ok());
    CHECK(back->missingItems.empty());
    CHECK(back->lookups.size() == 1);
}

TEST_CASE("citizen view: malformed views are refused and unknown lines skipped") {
    CHECK(decodeCitizenView("").error().code == "malformed_view");
    CHECK(decodeCitizenView("v2\nservice\tx\n").error().code == "malformed_view");
    CHECK(decodeCitizenView("v1\nstatus\topened\t1\n").error().code == "malformed_view"); // no service
    CHECK(decodeCitizenView("v1\nservice\tx\nstatus\tnope\t1\n").error().code == "malformed_view");
    CHECK(decodeCitizenView("v1\nservice\tx\nmissing\t-1\n").error().code == "malformed_view");
    CHECK(decodeCitizenView("v1\nservice\tx").error().code == "malformed_view");
    auto future = decodeCitizenView("v1\nservice\tx\nqueue\t12\n");
    REQUIRE(future.ok());
    CHECK(future->service == "x");
}
