#include <algorithm>
#include <doctest/doctest.h>
#include <fieldkit/core/case_search.hpp>

using namespace fieldkit::core;
using Strings = std::vector<std::string>;

TEST_CASE("case search: names fold to lower-case words, and Danish letters stay") {
    CHECK(nameWords("Karen Skovgaard-Rasmussen") == Strings{"karen", "skovgaard", "rasmussen"});
    CHECK(nameWords("  ÅSE  Ærø-Østergård ") == Strings{"åse", "ærø", "østergård"});
    CHECK(nameWords("José Müller O'Brien") == Strings{"jose", "muller", "o", "brien"});
    CHECK(nameWords("") == Strings{});
}

TEST_CASE("case search: a name's keys are its words' prefixes of 3 to 6 letters") {
    CHECK(nameIndexKeys("Bo Nielsen") ==
          Strings{"bo", "nie", "niel", "niels", "nielse"}); // "Bo" is its own key; Nielsen stops at 6
    CHECK(nameIndexKeys("Åse Åse") == Strings{"åse"});      // letters, not bytes; each key once
    // Every query word that starts a name word finds it, up to the whole word.
    const auto keys = nameIndexKeys("Karen Margrethe Nielsen");
    for (const char* typed : {"kar", "karen", "marg", "margrethe", "MARGRE", "Nielsen", "niel"}) {
        const auto q = parseSearch(typed);
        REQUIRE(q.kind == SearchKind::Name);
        REQUIRE(q.nameKeys.size() == 1);
        CHECK_MESSAGE(std::find(keys.begin(), keys.end(), q.nameKeys.front()) != keys.end(), typed);
    }
    const auto other = parseSearch("jens");
    CHECK(std::find(keys.begin(), keys.end(), other.nameKeys.front()) == keys.end());
    // A long name indexes at most kNameMaxIndexedWords words.
    CHECK(nameIndexKeys("Aaa Bbb Ccc Ddd Eee Fff Ggg Hhh").size() == kNameMaxIndexedWords);
}

TEST_CASE("case search: what the text asks for") {
    CHECK(parseSearch("").kind == SearchKind::Empty);
    CHECK(parseSearch("  - ").kind == SearchKind::Empty);
    CHECK(parseSearch("070761").kind == SearchKind::Incomplete);
    CHECK(parseSearch("070761-428").kind == SearchKind::Incomplete);
    CHECK(parseSearch("999999-4285").kind == SearchKind::Incomplete); // not a date: not a CPR number
    const auto cpr = parseSearch("070761-4285");
    CHECK(cpr.kind == SearchKind::Cpr);
    CHECK(cpr.cprDigits == "0707614285");
    CHECK(parseSearch("0707614285").kind == SearchKind::Cpr);

    CHECK(parseSearch("ka").kind == SearchKind::Incomplete);
    CHECK(parseSearch("bo li").kind == SearchKind::Incomplete);
    const auto two = parseSearch("Nielsen  karen");
    CHECK(two.kind == SearchKind::Name);
    CHECK(two.nameKeys == Strings{"karen", "nielse"});
    CHECK(parseSearch("bo nielsen").nameKeys == Strings{"bo", "nielse"}); // a short word narrows too
}
