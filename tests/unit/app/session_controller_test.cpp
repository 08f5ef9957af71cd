#include "test_support.hpp"

#include <QSignalSpy>
#include <doctest/doctest.h>
#include <fieldkit/app/session_controller.hpp>
#include <fieldkit/hw/fake_sensors.hpp>

using namespace fieldkit::app;
using namespace std::chrono_literals;

TEST_CASE("a wrong PIN says how many attempts are left, the right one unlocks") {
    InMemorySessionService service(demoAccounts(), 3);
    fieldkit::hw::FakeClock clock;
    SessionController session(service, test::shippedProfile("bike-tablet"), clock);
    CHECK(session.staff().size() == 2);
    CHECK_FALSE(session.unlock(QStringLiteral("staff-1"), QStringLiteral("0000")));
    CHECK(session.errorCode() == QStringLiteral("wrong_pin"));
    CHECK(session.attemptsLeft() == 2);
    CHECK_FALSE(session.unlocked());
    CHECK(session.unlock(QStringLiteral("staff-1"), QStringLiteral("1234")));
    CHECK(session.unlocked());
    CHECK(session.staffName() == QStringLiteral("Mette Jensen"));
    CHECK(session.errorCode().isEmpty());
}

TEST_CASE("too many wrong PINs lock the staff member out") {
    InMemorySessionService service(demoAccounts(), 2);
    fieldkit::hw::FakeClock clock;
    SessionController session(service, test::shippedProfile("bike-tablet"), clock);
    CHECK_FALSE(session.unlock(QStringLiteral("staff-1"), QStringLiteral("1")));
    CHECK_FALSE(session.unlock(QStringLiteral("staff-1"), QStringLiteral("2")));
    CHECK(session.errorCode() == QStringLiteral("locked_out"));
    CHECK_FALSE(session.unlock(QStringLiteral("staff-1"), QStringLiteral("1234")));
    CHECK(session.errorCode() == QStringLiteral("locked_out"));
}

TEST_CASE("idle beyond the profile's minutes locks, activity postpones it") {
    InMemorySessionService service(demoAccounts());
    fieldkit::hw::FakeClock clock;
    SessionController session(service, test::shippedProfile("bike-tablet"), clock); // 5 min idle lock
    QSignalSpy locked(&session, &SessionController::locked);
    REQUIRE(session.unlock(QStringLiteral("staff-2"), QStringLiteral("2468")));
    clock.advance(4min);
    session.noteActivity();
    clock.advance(4min);
    session.checkIdle();
    CHECK(session.unlocked());
    clock.advance(1min);
    session.checkIdle();
    CHECK_FALSE(session.unlocked());
    CHECK(locked.count() == 1);
    CHECK_FALSE(service.isUnlocked());
}

TEST_CASE("kiosk: idle seconds hide citizen data but keep the session, the operator takes over") {
    InMemorySessionService service(demoAccounts());
    fieldkit::hw::FakeClock clock;
    SessionController session(service, test::shippedProfile("station-kiosk"), clock); // 60 s reset
    QSignalSpy hide(&session, &SessionController::citizenDataHideRequested);
    CHECK(session.kioskMode());
    CHECK(session.citizenDataHidden()); // the welcome screen first
    REQUIRE(session.unlock(QStringLiteral("staff-1"), QStringLiteral("1234")));
    CHECK_FALSE(session.citizenDataHidden());
    clock.advance(59s);
    session.checkIdle();
    CHECK_FALSE(session.citizenDataHidden());
    clock.advance(1s);
    session.checkIdle();
    CHECK(session.citizenDataHidden());
    CHECK(session.unlocked());
    CHECK(hide.count() == 1);
    session.checkIdle(); // already hidden: no second request
    CHECK(hide.count() == 1);
    session.showCitizenData();
    CHECK_FALSE(session.citizenDataHidden());
}

TEST_CASE("the bike profile has no kiosk reset") {
    InMemorySessionService service(demoAccounts());
    fieldkit::hw::FakeClock clock;
    SessionController session(service, test::shippedProfile("bike-tablet"), clock);
    REQUIRE(session.unlock(QStringLiteral("staff-1"), QStringLiteral("1234")));
    clock.advance(3min);
    session.checkIdle();
    CHECK_FALSE(session.citizenDataHidden());
    CHECK(session.unlocked());
}

TEST_CASE("a new PIN is checked before the key is touched: current given, 4 characters, typed twice alike") {
    CHECK(checkNewPin({}, QStringLiteral("1234"), QStringLiteral("1234")) == QStringLiteral("pin_empty"));
    CHECK(checkNewPin(QStringLiteral("1111"), QStringLiteral("123"), QStringLiteral("123")) ==
          QStringLiteral("pin_too_short"));
    CHECK(checkNewPin(QStringLiteral("1111"), QStringLiteral("1234"), QStringLiteral("1243")) ==
          QStringLiteral("pin_mismatch"));
    CHECK(checkNewPin(QStringLiteral("1234"), QStringLiteral("1234"), QStringLiteral("1234")) ==
          QStringLiteral("pin_unchanged"));
    CHECK(checkNewPin(QStringLiteral("1111"), QStringLiteral("1234"), QStringLiteral("1234")).isEmpty());
}

TEST_CASE("changing the PIN needs the current one and an unlocked device") {
    InMemorySessionService service(demoAccounts());
    fieldkit::hw::FakeClock clock;
    SessionController session(service, test::shippedProfile("bike-tablet"), clock);
    session.changePin(QStringLiteral("1234"), QStringLiteral("4321"), QStringLiteral("4321"));
    CHECK(session.pinChange() == QStringLiteral("locked"));
    REQUIRE(session.unlock(QStringLiteral("staff-1"), QStringLiteral("1234")));
    session.changePin(QStringLiteral("9999"), QStringLiteral("4321"), QStringLiteral("4321"));
    CHECK(session.pinChange() == QStringLiteral("wrong_pin"));
    session.changePin(QStringLiteral("1234"), QStringLiteral("4321"), QStringLiteral("4321"));
    CHECK(session.pinChange() == QStringLiteral("done"));
    session.clearPinChange();
    CHECK(session.pinChange().isEmpty());
    session.lock();
    CHECK_FALSE(session.unlock(QStringLiteral("staff-1"), QStringLiteral("1234")));
    CHECK(session.unlock(QStringLiteral("staff-1"), QStringLiteral("4321")));
}
