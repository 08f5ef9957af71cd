#include "service_templates.hpp"
#include "vocabulary.hpp"

#include <array>
#include <cctype>
#include <cstdio>
#include <fieldkit/casegen/case_generator.hpp>
#include <string>

namespace fieldkit::casegen {

namespace {

template <typename T, std::size_t N>
std::string_view pick(SplitMix64& random, const std::array<T, N>& items) {
    return random.pick(std::span<const T>(items));
}

std::string_view pickFrom(SplitMix64& random, std::initializer_list<std::string_view> items) {
    return *(items.begin() + random.below(items.size()));
}

bool isLeap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysIn(int month, int year) {
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeap(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

/** The century rule of DOMAIN.md: full year from YY and the 7th digit, or 0 if the pair is impossible. */
int fullYear(int yy, int seventh) {
    if (seventh <= 3) {
        return 1900 + yy;
    }
    if (seventh == 4 || seventh == 9) {
        return yy <= 36 ? 2000 + yy : 1900 + yy;
    }
    return yy <= 57 ? 2000 + yy : 1800 + yy;
}

bool mod11(const std::array<int, 10>& digits) {
    static constexpr std::array<int, 10> kWeights = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
    int sum = 0;
    for (std::size_t i = 0; i < 10; ++i) {
        sum += digits[i] * kWeights[i];
    }
    return sum % 11 == 0;
}

void replaceAll(std::string& text, std::string_view token, const std::string& value) {
    for (std::size_t pos = text.find(token); pos != std::string::npos;
         pos = text.find(token, pos + value.size())) {
        text.replace(pos, token.size(), value);
    }
}

} // namespace

std::span<const std::string_view> CaseGenerator::serviceCodes() {
    static const std::array<std::string_view, 13> kCodes = [] {
        std::array<std::string_view, 13> codes{};
        for (std::size_t i = 0; i < codes.size(); ++i) {
            codes[i] = templates::services[i].code;
        }
        return codes;
    }();
    return kCodes;
}

std::string CaseGenerator::cpr(bool male) {
    const int year = m_random.between(1925, 2012);
    const int month = m_random.between(1, 12);
    const int day = m_random.between(1, daysIn(month, year));
    const int yy = year % 100;
    // 7th digits that give this year's century.
    std::array<int, 10> candidates{};
    std::size_t count = 0;
    for (int d = 0; d <= 9; ++d) {
        if (fullYear(yy, d) == year) {
            candidates[count++] = d;
        }
    }
    std::array<int, 10> digits = {day / 10, day % 10, month / 10, month % 10, yy / 10, yy % 10, 0, 0, 0, 0};
    // Numbers issued before October 2007 pass modulus 11; later ones need not, so do not force it there.
    const bool wantMod11 = year < 2007;
    for (int attempt = 0;; ++attempt) {
        digits[6] = candidates[m_random.below(count)];
        digits[7] = m_random.between(0, 9);
        digits[8] = m_random.between(0, 9);
        digits[9] = m_random.between(0, 9);
        if ((digits[9] % 2 == 1) != male) {
            continue;
        }
        if (!wantMod11 || mod11(digits) || attempt > 1000) {
            break;
        }
    }
    std::string out;
    for (std::size_t i = 0; i < 10; ++i) {
        if (i == 6) {
            out.push_back('-');
        }
        out.push_back(static_cast<char>('0' + digits[i]));
    }
    return out;
}

std::string CaseGenerator::phone() {
    static constexpr std::array kMobilePrefixes = {"20", "21", "22", "23", "24", "25", "26", "27", "28",
                                                   "29", "30", "31", "40", "41", "42", "50", "51", "52",
                                                   "53", "60", "61", "71", "81", "91", "93", "42", "60"};
    std::string digits(m_random.pick(std::span<const char* const>(kMobilePrefixes)));
    for (int i = 0; i < 6; ++i) {
        digits.push_back(static_cast<char>('0' + m_random.between(0, 9)));
    }
    if (m_random.chance(50)) {
        return "+45 " + digits.substr(0, 2) + " " + digits.substr(2, 2) + " " + digits.substr(4, 2) + " " +
               digits.substr(6, 2);
    }
    return digits;
}

GeneratedCase CaseGenerator::next() {
    GeneratedCase c;
    const auto& service = templates::services[m_random.below(templates::services.size())];
    c.service = service.code;
    c.channel = pick(m_random, vocabulary::channels);

    const bool male = m_random.chance(50);
    c.cpr = cpr(male);
    c.name = male ? pick(m_random, vocabulary::maleNames) : pick(m_random, vocabulary::femaleNames);
    if (m_random.chance(30)) {
        c.name += " ";
        c.name += !male && m_random.chance(50) ? pick(m_random, vocabulary::femaleMiddleNames)
                                               : pick(m_random, vocabulary::middleNames);
    }
    c.name += " ";
    c.name += pick(m_random, vocabulary::surnames);

    c.address =
        std::string(pick(m_random, vocabulary::streets)) + " " + std::to_string(m_random.between(1, 180));
    if (m_random.chance(15)) {
        c.address.push_back(static_cast<char>('A' + m_random.between(0, 3)));
    }
    if (m_random.chance(55)) {
        c.address += ", " + std::string(pick(m_random, vocabulary::floors));
        if (m_random.chance(80)) {
            c.address += " " + std::string(pick(m_random, vocabulary::sides));
        }
    }
    c.address += ", " + std::string(pick(m_random, vocabulary::towns));
    c.phone = phone();

    for (std::string_view item : service.checklist) {
        c.checklist.emplace_back(item, pick(m_random, vocabulary::answers));
    }

    const int noteCount = m_random.between(1, 4);
    for (int n = 0; n < noteCount; ++n) {
        std::string note;
        if (n == 0) {
            note = pick(m_random, vocabulary::openings);
            note += " ";
        }
        const std::string_view first = pickFrom(m_random, service.sentences);
        note += first;
        if (m_random.chance(60)) {
            const std::string_view second = pickFrom(m_random, service.sentences);
            if (second != first) {
                note += " ";
                note += second;
            }
        }
        if (m_random.chance(50)) {
            note += " ";
            note += pick(m_random, vocabulary::remarks);
        }
        note += " ";
        note += pick(m_random, vocabulary::closings);
        replaceAll(note, "{place}", std::string(pick(m_random, vocabulary::places)));
        replaceAll(note, "{days}", std::to_string(m_random.between(3, 14)));
        char date[16];
        static_cast<void>(std::snprintf(date, sizeof date, "%d.%d.%d", m_random.between(1, 28),
                                        m_random.between(1, 12), m_random.between(2024, 2026)));
        replaceAll(note, "{date}", date);
        c.notes.push_back(std::move(note));
    }

    if (m_random.chance(30)) {
        // A handwritten signature captured on the touch screen as a short SVG path.
        std::string path =
            "M" + std::to_string(m_random.between(10, 60)) + "," + std::to_string(m_random.between(40, 90));
        const int strokes = m_random.between(12, 30);
        for (int i = 0; i < strokes; ++i) {
            path += " L" + std::to_string(m_random.between(10, 400)) + "," +
                    std::to_string(m_random.between(10, 120));
        }
        c.signature = std::move(path);
    }
    if (m_random.chance(15)) {
        static constexpr std::array kFiles = {"pasfoto.jpg", "laegeattest.pdf", "loenseddel.pdf",
                                              "lejekontrakt.pdf", "vielsesattest.pdf"};
        char id[33];
        static_cast<void>(std::snprintf(id, sizeof id, "%016llx%016llx",
                                        static_cast<unsigned long long>(m_random.next()),
                                        static_cast<unsigned long long>(m_random.next())));
        c.attachment = std::string("{\"id\":\"") + id + "\",\"name\":\"" +
                       m_random.pick(std::span<const char* const>(kFiles)) +
                       "\",\"size\":" + std::to_string(m_random.between(40'000, 4'000'000)) + "}";
    }
    return c;
}

bool isPlausibleCpr(std::string_view cpr) {
    if (cpr.size() != 11 || cpr[6] != '-') {
        return false;
    }
    std::array<int, 10> d{};
    for (std::size_t i = 0, j = 0; i < cpr.size(); ++i) {
        if (i == 6) {
            continue;
        }
        if (std::isdigit(static_cast<unsigned char>(cpr[i])) == 0) {
            return false;
        }
        d[j++] = cpr[i] - '0';
    }
    const int day = d[0] * 10 + d[1];
    const int month = d[2] * 10 + d[3];
    const int year = fullYear(d[4] * 10 + d[5], d[6]);
    return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month, year);
}

} // namespace fieldkit::casegen
