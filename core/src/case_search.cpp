#include <algorithm>
#include <cstdint>
#include <fieldkit/core/case_search.hpp>
#include <fieldkit/core/cpr.hpp>

namespace fieldkit::core {

namespace {

/** One decoded code point and the bytes it took; malformed bytes decode as U+FFFD, one byte each. */
struct CodePoint {
    char32_t value = 0;
    std::size_t length = 1;
};

CodePoint decode(std::string_view s, std::size_t at) {
    const auto b0 = static_cast<unsigned char>(s[at]);
    if (b0 < 0x80) {
        return {b0, 1};
    }
    const std::size_t length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
    if (length == 0 || at + length > s.size()) {
        return {0xFFFD, 1};
    }
    char32_t value = b0 & (0x3F >> (length - 1));
    for (std::size_t i = 1; i < length; ++i) {
        const auto b = static_cast<unsigned char>(s[at + i]);
        if ((b & 0xC0) != 0x80) {
            return {0xFFFD, 1};
        }
        value = (value << 6) | (b & 0x3F);
    }
    return {value, length};
}

void append(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

/** Lower case with accents folded, for Latin letters; 0 for a separator. Æ, Ø and Å are letters of their
 *  own in Danish (Ålborg is not Alborg), so they are only lowered. Other scripts pass through as letters. */
char32_t fold(char32_t c) {
    if (c >= 'A' && c <= 'Z') {
        return c + 0x20;
    }
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        return c;
    }
    if (c < 0xC0) {
        return 0; // ASCII punctuation, spaces, controls and Latin-1 symbols separate words
    }
    if (c == 0xD7 || c == 0xF7) {
        return 0; // × ÷
    }
    if (c <= 0xDE && c != 0xC5 && c != 0xC6 && c != 0xD8) {
        c += 0x20; // Latin-1 capitals (except Å Æ Ø, lowered below)
    }
    switch (c) {
    case 0xC5:
        return 0xE5; // Å → å
    case 0xC6:
        return 0xE6; // Æ → æ
    case 0xD8:
        return 0xF8; // Ø → ø
    case 0xE5:
    case 0xE6:
    case 0xF8:
    case 0xDF: // ß
        return c;
    default:
        break;
    }
    if (c >= 0xE0 && c <= 0xFF) {
        // Indexed from U+00E0; '_' keeps the letter (å æ ø þ) or marks ÷ (a separator, handled above).
        static constexpr char kBase[] = "aaaaa__ceeeeiiiidnooooo__uuuuy_y";
        static_assert(sizeof(kBase) == 33);
        const char base = kBase[c - 0xE0];
        return base == '_' ? c : static_cast<char32_t>(base);
    }
    if (c == 0x2010 || c == 0x2011 || c == 0x2013 || c == 0x2014 || c == 0x2019 || c == 0xFFFD ||
        (c >= 0x2000 && c <= 0x206F)) {
        return 0; // dashes, quotes and spaces of general punctuation
    }
    return c;
}

/** A word as its code points (prefixes are counted in letters, not bytes). */
using Word = std::vector<char32_t>;

std::vector<Word> words(std::string_view text) {
    std::vector<Word> out;
    Word current;
    for (std::size_t at = 0; at < text.size();) {
        const CodePoint cp = decode(text, at);
        at += cp.length;
        const char32_t f = fold(cp.value);
        if (f == 0) {
            if (!current.empty()) {
                out.push_back(std::move(current));
                current.clear();
            }
            continue;
        }
        current.push_back(f);
    }
    if (!current.empty()) {
        out.push_back(std::move(current));
    }
    return out;
}

std::string encode(const Word& word, std::size_t letters) {
    std::string out;
    for (std::size_t i = 0; i < letters && i < word.size(); ++i) {
        append(out, word[i]);
    }
    return out;
}

/** The key a query word looks up: its first 6 letters (shorter words are their own key). */
std::string queryKey(const Word& word) {
    return encode(word, kNameKeyMaxLetters);
}

} // namespace

std::vector<std::string> nameWords(std::string_view utf8Name) {
    std::vector<std::string> out;
    for (const auto& w : words(utf8Name)) {
        out.push_back(encode(w, w.size()));
    }
    return out;
}

std::vector<std::string> nameIndexKeys(std::string_view utf8Name) {
    std::vector<std::string> keys;
    const auto all = words(utf8Name);
    for (std::size_t i = 0; i < all.size() && i < kNameMaxIndexedWords; ++i) {
        const Word& w = all[i];
        if (w.size() < kNameKeyMinLetters) {
            keys.push_back(encode(w, w.size()));
            continue;
        }
        for (std::size_t n = kNameKeyMinLetters; n <= std::min(w.size(), kNameKeyMaxLetters); ++n) {
            keys.push_back(encode(w, n));
        }
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

SearchQuery parseSearch(std::string_view text) {
    SearchQuery q;
    std::size_t digits = 0;
    bool letters = false;
    for (std::size_t at = 0; at < text.size();) {
        const CodePoint cp = decode(text, at);
        at += cp.length;
        if (cp.value >= '0' && cp.value <= '9') {
            ++digits;
        } else if (fold(cp.value) != 0) {
            letters = true;
        }
    }
    if (digits == 0 && !letters) {
        return q; // Empty: blank or only punctuation
    }
    if (!letters) {
        // Digits, spaces and dashes only: a CPR number once it is whole.
        std::string only;
        for (const char c : text) {
            if (c >= '0' && c <= '9') {
                only += c;
            }
        }
        if (only.size() == 10 && parseCpr(only)) {
            q.kind = SearchKind::Cpr;
            q.cprDigits = only;
        } else {
            q.kind = SearchKind::Incomplete;
        }
        return q;
    }
    bool longEnough = false;
    for (const auto& w : words(text)) {
        longEnough = longEnough || w.size() >= kNameKeyMinLetters;
        q.nameKeys.push_back(queryKey(w));
    }
    std::sort(q.nameKeys.begin(), q.nameKeys.end());
    q.nameKeys.erase(std::unique(q.nameKeys.begin(), q.nameKeys.end()), q.nameKeys.end());
    if (!longEnough) {
        q.nameKeys.clear();
        q.kind = SearchKind::Incomplete;
        return q;
    }
    q.kind = SearchKind::Name;
    return q;
}

} // namespace fieldkit::core
