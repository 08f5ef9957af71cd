#include <doctest/doctest.h>
#include <fieldkit/core/cpr.hpp>
#include <string>
#include <string_view>

using fieldkit::core::BirthDate;
using fieldkit::core::cprBirthYear;
using fieldkit::core::daysInMonth;
using fieldkit::core::isLeapYear;
using fieldkit::core::parseCpr;

TEST_CASE("CPR: the century comes from the 7th digit and the year") {
    struct Row {
        int yy;
        int seventh;
        int year;
    };
    const Row rows[] = {
        {0, 0, 1900},  {99, 3, 1999}, {36, 4, 2036}, {37, 4, 1937}, {0, 9, 2000},  {36, 9, 2036},
        {37, 9, 1937}, {99, 9, 1999}, {0, 5, 2000},  {57, 5, 2057}, {58, 5, 1858}, {57, 8, 2057},
        {58, 8, 1858}, {99, 6, 1899}, {10, 7, 2010}, {45, 1, 1945}, {45, 2, 1945},
    };
    for (const Row& row : rows) {
        CAPTURE(row.yy);
        CAPTURE(row.seventh);
        CHECK(cprBirthYear(row.yy, row.seventh) == row.year);
    }
}

TEST_CASE("CPR: leap years follow the Gregorian rule") {
    CHECK(isLeapYear(2000));
    CHECK(isLeapYear(1996));
    CHECK(isLeapYear(1896));
    CHECK_FALSE(isLeapYear(1900));
    CHECK_FALSE(isLeapYear(2001));
    CHECK(daysInMonth(2000, 2) == 29);
    CHECK(daysInMonth(1900, 2) == 28);
    CHECK(daysInMonth(2023, 4) == 30);
    CHECK(daysInMonth(2023, 12) == 31);
    CHECK(daysInMonth(2023, 13) == 0);
    CHECK(daysInMonth(2023, 0) == 0);
}

TEST_CASE("CPR: valid numbers parse with birth date, sex and modulus-11 flag") {
    struct Row {
        std::string_view text;
        BirthDate date;
        bool male;
        bool mod11;
    };
    const Row rows[] = {
        {"0101900002", {1990, 1, 1}, false, true},     {"010190-0002", {1990, 1, 1}, false, true},
        {"1505379019", {1937, 5, 15}, true, true},     {"1505364003", {2036, 5, 15}, true, true},
        {"2902004001", {2000, 2, 29}, true, true},     // 2000 is a leap year
        {"2902965001", {1896, 2, 29}, true, true},     // 7th digit 5 and YY > 57: 19th century
        {"0101585018", {1858, 1, 1}, false, true},     // earliest year the rule can express
        {"0101575004", {2057, 1, 1}, false, true},     // YY = 57 is still 2000s
        {"3112999018", {1999, 12, 31}, false, true},   // 7th digit 9, YY > 36
        {"0101900001", {1990, 1, 1}, true, false},     // fails modulus 11: still valid
        {"010107-4001", {2007, 1, 1}, true, false},    // typical post-2007 number
        {"  0101900002\n", {1990, 1, 1}, false, true}, // pasted with whitespace
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        auto cpr = parseCpr(row.text);
        REQUIRE(cpr.ok());
        CHECK(cpr->birthDate() == row.date);
        CHECK(cpr->isMale() == row.male);
        CHECK(cpr->isFemale() == !row.male);
        CHECK(cpr->passesModulus11() == row.mod11);
        CHECK(cpr->digits().size() == 10);
    }
}

TEST_CASE("CPR: the two accepted forms give the same number") {
    auto plain = parseCpr("0101900002");
    auto dashed = parseCpr("010190-0002");
    REQUIRE(plain.ok());
    REQUIRE(dashed.ok());
    CHECK(*plain == *dashed);
    CHECK(plain->digits() == "0101900002");
    CHECK(plain->formatted() == "010190-0002");
    CHECK(plain->masked() == "010190-XXXX");
}

TEST_CASE("CPR: invalid input is rejected with a specific code and never echoes the number") {
    struct Row {
        std::string_view text;
        std::string_view code;
    };
    const Row rows[] = {
        {"", "cpr_empty"},
        {"   ", "cpr_empty"},
        {"010190000", "cpr_wrong_length"},
        {"010190-000", "cpr_wrong_length"},
        {"0101900002000000000000000000", "cpr_wrong_length"},
        {"010190000212", "cpr_wrong_length"},
        {"01019000021", "cpr_wrong_length"}, // eleven digits, no dash
        {"01019-00002", "cpr_misplaced_dash"},
        {"0101900-002", "cpr_misplaced_dash"},
        {"010190--002", "cpr_wrong_length"}, // nine digits
        {"-0101900002", "cpr_misplaced_dash"},
        {"0101900002-", "cpr_misplaced_dash"},
        {"01019O0002", "cpr_not_digits"},  // letter O
        {"010190 0002", "cpr_not_digits"}, // space as separator
        {"010190/0002", "cpr_not_digits"},
        {"0113900002", "cpr_invalid_month"},
        {"0100900002", "cpr_invalid_month"},
        {"0001900002", "cpr_invalid_day"},
        {"3204900002", "cpr_invalid_day"},
        {"3104900002", "cpr_invalid_day"}, // April has 30 days
        {"2902000006", "cpr_invalid_day"}, // 1900 is not a leap year
        {"2902014007", "cpr_invalid_day"}, // 2001 is not a leap year
        {"3002964005", "cpr_invalid_day"}, // no 30 February even in a leap year
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        auto cpr = parseCpr(row.text);
        REQUIRE_FALSE(cpr.ok());
        CHECK(cpr.error().code == row.code);
        CHECK_FALSE(cpr.error().message.empty());
        // Privacy: no run of four or more input digits may appear in the message.
        const std::string digitsOnly = [&] {
            std::string out;
            for (char c : row.text) {
                if (c >= '0' && c <= '9') {
                    out.push_back(c);
                }
            }
            return out;
        }();
        for (std::size_t i = 0; i + 4 <= digitsOnly.size(); ++i) {
            CHECK(cpr.error().message.find(digitsOnly.substr(i, 4)) == std::string::npos);
        }
    }
}
