// The pure decisions: which role reaches which route, the lockout back-off, the page language.
#include <doctest/doctest.h>
#include <fieldkit/center/access_policy.hpp>
#include <fieldkit/center/console_texts.hpp>
#include <fieldkit/center/fleet_state.hpp>
#include <fieldkit/center/login_policy.hpp>
#include <fieldkit/center/qr_svg.hpp>
#include <fieldkit/common/enrolment_link.hpp>

using namespace fieldkit::center;

TEST_CASE("case work is for caseworkers and team leads, administration for administrators only") {
    for (auto route : {Route::Inbox, Route::CaseView, Route::RevealCpr, Route::ChangeStatus}) {
        CHECK(allowed(route, Role::Caseworker));
        CHECK(allowed(route, Role::Teamlead));
        CHECK_FALSE(allowed(route, Role::Admin));
    }
    for (auto route :
         {Route::AdminAudit, Route::Fleet, Route::EnrolmentCode, Route::RevokeDevice, Route::WipeDevice}) {
        CHECK(allowed(route, Role::Admin));
        CHECK_FALSE(allowed(route, Role::Caseworker));
        CHECK_FALSE(allowed(route, Role::Teamlead));
    }
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

TEST_CASE("a device's state on the fleet page follows its records, and says what IT may still do") {
    using fieldkit::hub::FleetDevice;
    FleetDevice d{"0123456789abcdef0123456789abcdef", "bike-07"};
    CHECK(deviceState(d) == DeviceState::AwaitingContact);
    d.lastSeenMs = 1000;
    CHECK(deviceState(d) == DeviceState::Active);
    CHECK(mayRevoke(DeviceState::Active));
    CHECK(mayOrderWipe(DeviceState::Active));
    d.revoked = true;
    CHECK(deviceState(d) == DeviceState::Revoked);
    CHECK_FALSE(mayRevoke(DeviceState::Revoked));
    CHECK(mayOrderWipe(DeviceState::Revoked)); // it gets the order at its next contact
    d.wipeIssuedMs = 2000;
    CHECK(deviceState(d) == DeviceState::WipeOrdered);
    d.wipeDeliveredMs = 3000;
    CHECK(deviceState(d) == DeviceState::WipeOrdered);
    CHECK_FALSE(mayOrderWipe(DeviceState::WipeOrdered));
    d.wipeConfirmedMs = 4000;
    CHECK(deviceState(d) == DeviceState::Wiped);
    CHECK_FALSE(mayRevoke(DeviceState::Wiped));
    CHECK_FALSE(mayOrderWipe(DeviceState::Wiped));
    for (auto s : {DeviceState::AwaitingContact, DeviceState::Active, DeviceState::Revoked,
                   DeviceState::WipeOrdered, DeviceState::Wiped}) {
        const std::string key = "fleet.state." + std::string(toString(s));
        CHECK(text(fieldkit::core::Language::Danish, key) != key); // every state has its text
        CHECK(text(fieldkit::core::Language::English, key) != key);
    }
}

TEST_CASE("the enrolment QR code is an SVG image with a text alternative and no script") {
    using fieldkit::common::formatEnrolmentLink;
    using fieldkit::common::parseEnrolmentLink;
    const auto link = formatEnrolmentLink({"hub.example:8443", "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345"});
    CHECK(link == "fieldkit-enrol:?hub=hub.example:8443&code=ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345");
    auto parsed = parseEnrolmentLink(link);
    REQUIRE(parsed.ok());
    CHECK(parsed->hub == "hub.example:8443");
    CHECK(parsed->code == "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345");
    CHECK(parseEnrolmentLink("https://example.org/?hub=a&code=b").error().code == "bad_link");
    CHECK(parseEnrolmentLink("fieldkit-enrol:?hub=a:1").error().code == "bad_link");
    auto svg = qrSvg(link, "QR <code>");
    REQUIRE(svg.ok());
    CHECK(svg->rfind("<svg ", 0) == 0);
    CHECK(svg->find("role=\"img\"") != std::string::npos);
    CHECK(svg->find("<title>QR &lt;code&gt;</title>") != std::string::npos);
    CHECK(svg->find("<script") == std::string::npos);
    CHECK(svg->find("ABCD") == std::string::npos); // the code is in the modules, not in clear text
    CHECK_FALSE(qrSvg(std::string(8000, 'x'), "too long").ok());
}
