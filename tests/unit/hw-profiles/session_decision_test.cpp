#include "test_support.hpp"

#include <doctest/doctest.h>
#include <fieldkit/hw/session_decision.hpp>
#include <vector>

using namespace fieldkit::hw;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

TEST_CASE("session decision table for every profile") {
    struct Row {
        const char* profile;
        seconds idle;
        seconds age;
        bool kiosk;
        SessionAction expected;
        seconds recheck;
    };
    const auto N = SessionAction::Nothing;
    const auto L = SessionAction::Lock;
    const auto H = SessionAction::HideCitizenData;
    const std::vector<Row> rows = {
        // bike: lock after 5 min idle or 10 h; reset 120 s only counts in kiosk mode.
        {"bike-tablet", seconds{0}, seconds{0}, false, N, minutes{5}},
        {"bike-tablet", seconds{100}, minutes{30}, false, N, seconds{200}},
        {"bike-tablet", seconds{299}, hours{1}, false, N, seconds{1}},
        {"bike-tablet", seconds{300}, hours{1}, false, L, seconds{0}},
        {"bike-tablet", seconds{0}, hours{10} - seconds{1}, false, N, seconds{1}},
        {"bike-tablet", seconds{0}, hours{10}, false, L, seconds{0}},
        {"bike-tablet", seconds{150}, hours{1}, false, N, seconds{150}},
        {"bike-tablet", seconds{150}, hours{1}, true, H, seconds{150}},
        // to-go: in someone's home, lock after 3 min or 8 h.
        {"togo-tablet", seconds{179}, hours{1}, false, N, seconds{1}},
        {"togo-tablet", seconds{180}, hours{1}, false, L, seconds{0}},
        {"togo-tablet", seconds{10}, hours{8}, false, L, seconds{0}},
        // kiosk: hide the citizen's data after 60 s idle, lock after 10 min or 12 h.
        {"station-kiosk", seconds{30}, hours{1}, true, N, seconds{30}},
        {"station-kiosk", seconds{59}, hours{1}, true, N, seconds{1}},
        {"station-kiosk", seconds{60}, hours{1}, true, H, seconds{540}},
        {"station-kiosk", seconds{599}, hours{1}, true, H, seconds{1}},
        {"station-kiosk", seconds{600}, hours{1}, true, L, seconds{0}},
        {"station-kiosk", seconds{60}, hours{1}, false, N, seconds{540}},
        {"station-kiosk", seconds{0}, hours{12}, true, L, seconds{0}},
        {"station-kiosk", seconds{30}, hours{12} - seconds{10}, true, N, seconds{10}},
        // desktop: 30 min idle, 12 h.
        {"desktop-dev", minutes{29}, hours{1}, false, N, minutes{1}},
        {"desktop-dev", minutes{30}, hours{1}, false, L, seconds{0}},
        {"desktop-dev", seconds{0}, hours{13}, false, L, seconds{0}},
    };
    for (const auto& row : rows) {
        CAPTURE(row.profile);
        CAPTURE(row.idle.count());
        CAPTURE(row.age.count());
        CAPTURE(row.kiosk);
        const auto decision = decideSession(test::shipped(row.profile), row.idle, row.age, row.kiosk);
        CAPTURE(decision.reason);
        CHECK(toText(decision.action) == toText(row.expected));
        CHECK(decision.recheckAfter.count() == row.recheck.count());
        CHECK_FALSE(decision.reason.empty());
    }
}

TEST_CASE("lock wins over hide, and the reason says which limit was hit") {
    const auto& kiosk = test::shipped("station-kiosk");
    const auto idle = decideSession(kiosk, minutes{11}, hours{1}, true);
    CHECK(idle.action == SessionAction::Lock);
    CHECK(idle.reason.find("locks after 10 min") != std::string::npos);
    const auto long_ = decideSession(kiosk, seconds{0}, hours{13}, true);
    CHECK(long_.action == SessionAction::Lock);
    CHECK(long_.reason.find("at most 12 h") != std::string::npos);
    const auto hide = decideSession(kiosk, seconds{61}, hours{1}, true);
    CHECK(hide.reason.find("resets after 60 s") != std::string::npos);
}
