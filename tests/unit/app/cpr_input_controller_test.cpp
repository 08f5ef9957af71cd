#include <QSignalSpy>
#include <doctest/doctest.h>
#include <fieldkit/app/cpr_input_controller.hpp>

using fieldkit::app::CprInputController;

TEST_CASE("a valid CPR number is shown masked until revealed, and the reveal is audited first") {
    CprInputController cpr;
    QSignalSpy audit(&cpr, &CprInputController::auditRequested);
    cpr.setText(QStringLiteral("070761-4285"));
    CHECK(cpr.valid());
    CHECK(cpr.display() == QStringLiteral("070761-XXXX"));
    CHECK(cpr.birthDate() == QStringLiteral("1961-07-07"));
    CHECK_FALSE(cpr.modulus11Warning());
    cpr.reveal(QStringLiteral("identity-check"));
    REQUIRE(audit.count() == 1);
    CHECK(audit.at(0).at(0).toString() == QStringLiteral("identity-check"));
    CHECK(cpr.revealed());
    CHECK(cpr.display() == QStringLiteral("070761-4285"));
    cpr.hide();
    CHECK(cpr.display() == QStringLiteral("070761-XXXX"));
}

TEST_CASE("an impossible date is an error with its code, nothing is revealed") {
    CprInputController cpr;
    QSignalSpy audit(&cpr, &CprInputController::auditRequested);
    cpr.setText(QStringLiteral("3102611234"));
    CHECK(cpr.complete());
    CHECK_FALSE(cpr.valid());
    CHECK(cpr.errorCode() == QStringLiteral("cpr_invalid_day"));
    CHECK(cpr.display().isEmpty());
    cpr.reveal(QStringLiteral("x"));
    CHECK(audit.count() == 0);
    CHECK_FALSE(cpr.revealed());
}

TEST_CASE("incomplete input is neither valid nor an error yet") {
    CprInputController cpr;
    cpr.setText(QStringLiteral("07076"));
    CHECK_FALSE(cpr.complete());
    CHECK_FALSE(cpr.valid());
    CHECK(cpr.errorCode().isEmpty());
}

TEST_CASE("a modulus 11 failure is only a soft warning") {
    CprInputController cpr;
    cpr.setText(QStringLiteral("010100-1234"));
    CHECK(cpr.valid());
    CHECK(cpr.modulus11Warning());
}

TEST_CASE("editing the number ends a reveal, letters are dropped") {
    CprInputController cpr;
    cpr.setText(QStringLiteral("070761-4285"));
    cpr.reveal(QStringLiteral("identity-check"));
    cpr.setText(QStringLiteral("a070761-428b"));
    CHECK(cpr.text() == QStringLiteral("070761-428"));
    CHECK_FALSE(cpr.revealed());
    CHECK_FALSE(cpr.valid());
}
