#include <array>
#include <cassert>
#include <cstddef>
#include <fieldkit/core/cpr.hpp>
#include <utility>

namespace fieldkit::core {

namespace {

constexpr std::size_t kDigitCount = 10;
constexpr std::size_t kDatePartLength = 6;

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int digitAt(const std::string& digits, std::size_t index) {
    return digits[index] - '0';
}

int twoDigits(const std::string& digits, std::size_t index) {
    return digitAt(digits, index) * 10 + digitAt(digits, index + 1);
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && isSpace(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && isSpace(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

bool modulus11Holds(const std::string& digits) {
    constexpr std::array<int, kDigitCount> kWeights{4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
    int sum = 0;
    for (std::size_t i = 0; i < kDigitCount; ++i) {
        sum += digitAt(digits, i) * kWeights[i];
    }
    return sum % 11 == 0;
}

} // namespace

bool isLeapYear(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month) {
    constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) {
        return 0;
    }
    if (month == 2 && isLeapYear(year)) {
        return 29;
    }
    return kDays[static_cast<std::size_t>(month - 1)];
}

int cprBirthYear(int twoDigitYear, int seventhDigit) {
    assert(twoDigitYear >= 0 && twoDigitYear <= 99);
    assert(seventhDigit >= 0 && seventhDigit <= 9);
    if (seventhDigit <= 3) {
        return 1900 + twoDigitYear;
    }
    if (seventhDigit == 4 || seventhDigit == 9) {
        return twoDigitYear <= 36 ? 2000 + twoDigitYear : 1900 + twoDigitYear;
    }
    // 5..8: the range that also covers the 19th-century records (1858-1899).
    return twoDigitYear <= 57 ? 2000 + twoDigitYear : 1800 + twoDigitYear;
}

Cpr::Cpr(std::string digits, BirthDate birthDate, bool passesModulus11)
    : m_digits(std::move(digits))
    , m_birthDate(birthDate)
    , m_passesModulus11(passesModulus11) {}

std::string Cpr::formatted() const {
    return m_digits.substr(0, kDatePartLength) + '-' + m_digits.substr(kDatePartLength);
}

std::string Cpr::masked() const {
    return m_digits.substr(0, kDatePartLength) + "-XXXX";
}

bool Cpr::isMale() const {
    return digitAt(m_digits, kDigitCount - 1) % 2 == 1;
}

Result<Cpr> parseCpr(std::string_view text) {
    const std::string_view input = trim(text);
    if (input.empty()) {
        return makeError("cpr_empty", "Enter a CPR number.");
    }
    std::string digits;
    digits.reserve(kDigitCount);
    for (const char c : input) {
        if (isDigit(c)) {
            digits.push_back(c);
        } else if (c != '-') {
            return makeError("cpr_not_digits",
                             "A CPR number may only contain digits and one dash after the sixth digit.");
        }
    }
    if (digits.size() != kDigitCount) {
        return makeError("cpr_wrong_length",
                         "A CPR number has ten digits, written DDMMYYSSSS or DDMMYY-SSSS.");
    }
    const bool dashed = input.size() == kDigitCount + 1 && input[kDatePartLength] == '-';
    if (input.size() != kDigitCount && !dashed) {
        return makeError("cpr_misplaced_dash",
                         "A CPR number may only have a dash after the sixth digit (DDMMYY-SSSS).");
    }

    const int day = twoDigits(digits, 0);
    const int month = twoDigits(digits, 2);
    const int year = cprBirthYear(twoDigits(digits, 4), digitAt(digits, 6));
    if (month < 1 || month > 12) {
        return makeError("cpr_invalid_month", "The month in the CPR number (digits 3-4) must be 01-12.");
    }
    if (day < 1 || day > daysInMonth(year, month)) {
        return makeError("cpr_invalid_day",
                         "The day in the CPR number (digits 1-2) does not exist in that month and year.");
    }

    const bool mod11 = modulus11Holds(digits);
    return Cpr(std::move(digits), BirthDate{year, month, day}, mod11);
}

} // namespace fieldkit::core
