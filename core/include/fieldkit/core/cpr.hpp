#pragma once

#include <compare>
#include <fieldkit/core/result.hpp>
#include <string>
#include <string_view>

namespace fieldkit::core {

/** A calendar date as written in a CPR number; no time zone because a birth date has none. */
struct BirthDate {
    int year = 0;
    int month = 0; // 1..12
    int day = 0;   // 1..31

    friend auto operator<=>(const BirthDate&, const BirthDate&) = default;
};

/** True for Gregorian leap years; CPR dates go back to 1858, all Gregorian in Denmark. */
[[nodiscard]] bool isLeapYear(int year);

/** Days in a month of a year (28..31), or 0 when the month is not 1..12. */
[[nodiscard]] int daysInMonth(int year, int month);

/**
 * A Danish CPR number whose date is a real calendar date.
 *
 * Only parseCpr() makes one, so holding a Cpr means the number was validated. Modulus 11 is kept as a
 * flag, not a rule: numbers issued since 1 Oct 2007 may fail it and are still valid.
 * The digits are personal data: show masked() unless a staff member chose to reveal (which is audited).
 */
class Cpr {
public:
    /** The ten digits without a dash, e.g. for the blind index. */
    [[nodiscard]] const std::string& digits() const { return m_digits; }
    /** `DDMMYY-SSSS`: only for a revealed view. */
    [[nodiscard]] std::string formatted() const;
    /** `DDMMYY-XXXX`: the default way to show a CPR number. */
    [[nodiscard]] std::string masked() const;
    [[nodiscard]] BirthDate birthDate() const { return m_birthDate; }
    /** The last digit is odd for men and even for women (as registered in CPR). */
    [[nodiscard]] bool isMale() const;
    [[nodiscard]] bool isFemale() const { return !isMale(); }
    /** False means "show a soft warning", never "reject": see DOMAIN.md. */
    [[nodiscard]] bool passesModulus11() const { return m_passesModulus11; }

    friend bool operator==(const Cpr&, const Cpr&) = default;

private:
    friend Result<Cpr> parseCpr(std::string_view text);
    Cpr(std::string digits, BirthDate birthDate, bool passesModulus11);

    std::string m_digits;
    BirthDate m_birthDate;
    bool m_passesModulus11 = false;
};

/**
 * Parses `DDMMYYSSSS` or `DDMMYY-SSSS` (surrounding spaces are ignored, because numbers are often pasted).
 *
 * Error codes: `cpr_empty`, `cpr_wrong_length`, `cpr_misplaced_dash`, `cpr_not_digits`, `cpr_invalid_month`,
 * `cpr_invalid_day`. Messages never contain any part of the input: it is personal data.
 */
[[nodiscard]] Result<Cpr> parseCpr(std::string_view text);

/** The full birth year from the two-digit year and the 7th digit (DOMAIN.md century rule). */
[[nodiscard]] int cprBirthYear(int twoDigitYear, int seventhDigit);

} // namespace fieldkit::core
