// The pure decisions: which role reaches which route, the lockout back-off, the page language.
#include <doctest/doctest.h>
#include <fieldkit/center/access_policy.hpp>
#include <fieldkit/center/console_texts.hpp>
#include <fieldkit/center/login_policy.hpp>

using namespace fieldkit::center;

TEST_CASE("case work is for caseworkers and team leads, administration for administrators only") {
    for (auto route : {Route::Inbox, Route::CaseView, Route::RevealCpr, Route::ChangeStatus}) {
        CHECK(allowed(route, Role::Caseworker));
        CHECK(allowed(route, Role::Teamlead));
        CHECK_FALSE(allowed(route, Role::Admin));
    }
    CHECK(allowed(Route::AdminAudit, Role::Admin));
    CHECK_FALSE(allowed(Route::AdminAudit, Role::Caseworker));
    CHECK_FALSE(allowed(Route::AdminAudit, Role::Teamlead));
    CHECK(roleFromString("teamlead") == Role::Teamlead);
    CHECK_FALSE(roleFromString("root").has_value());
}

TEST_CASE("the fifth failed login locks the account for 5 minutes, doubling after, at most a day") {
    const std::int64_t now = 1'000'000;
    for (std::int64_t before = 0; before < 4; ++before) {
        const auto after = afterFailedLogin(before, now);
        CHECK(after.failedLogins == before + 1);
        CHECK_FALSE(after.lockedNow);
        CHECK(after.lockedUntilMs == 0);
    }
    const auto fifth = afterFailedLogin(4, now);
    CHECK(fifth.lockedNow);
    CHECK(fifth.lockedUntilMs == now + 5 * 60 * 1000);
    CHECK(afterFailedLogin(5, now).lockedUntilMs == now + 10 * 60 * 1000);
    CHECK(afterFailedLogin(100, now).lockedUntilMs == now + 24LL * 60 * 60 * 1000);
    CHECK(lockedOut(now + 1, now));
    CHECK_FALSE(lockedOut(now, now));
}

TEST_CASE("pages are Danish unless ?lang=en or the browser prefers English") {
    using fieldkit::core::Language;
    CHECK(chooseLanguage("", "") == Language::Danish);
    CHECK(chooseLanguage("en", "da") == Language::English);
    CHECK(chooseLanguage("da", "en-GB") == Language::Danish);
    CHECK(chooseLanguage("", "en-GB,en;q=0.9,da;q=0.8") == Language::English);
    CHECK(chooseLanguage("", "da-DK,da;q=0.9,en;q=0.8") == Language::Danish);
    CHECK(text(Language::Danish, "inbox.title") == "Sager fra de mobile enheder");
    CHECK(statusName(Language::Danish, "ordered") == "Bestilt");
}
