#include <doctest/doctest.h>
#include <fieldkit/core/utf8.hpp>
#include <string>

using fieldkit::core::isValidUtf8;

TEST_CASE("well-formed UTF-8 passes: ASCII, Danish letters, CJK, emoji, the limits of each length") {
    for (const std::string& good :
         {std::string(), std::string("Anna Jensen"), std::string("S\xc3\xb8ren \xc3\x86"),
          std::string("\xe6\x97\xa5\xe6\x9c\xac"), std::string("\xf0\x9f\x9a\xb2"), std::string("\xc2\x80"),
          std::string("\xdf\xbf"), std::string("\xe0\xa0\x80"), std::string("\xed\x9f\xbf"),
          std::string("\xee\x80\x80"), std::string("\xf4\x8f\xbf\xbf"), std::string("a\0b", 3)}) {
        CHECK_MESSAGE(isValidUtf8(good), good);
    }
}

TEST_CASE(
    "malformed UTF-8 is refused: stray bytes, overlong forms, surrogates, beyond U+10FFFF, truncation") {
    for (const std::string& bad :
         {std::string("\xff"), std::string("\x80"), std::string("abc\xbf"), std::string("\xc0\xaf"),
          std::string("\xc1\xbf"), std::string("\xe0\x80\xaf"), std::string("\xe0\x9f\xbf"),
          std::string("\xed\xa0\x80"), std::string("\xed\xbf\xbf"), std::string("\xf0\x80\x80\xaf"),
          std::string("\xf4\x90\x80\x80"), std::string("\xf5\x80\x80\x80"), std::string("\xc3"),
          std::string("\xe6\x97"), std::string("\xf0\x9f\x9a"), std::string("\xc3\x28"),
          std::string("\xe6\x28\xa5"), std::string("Anna \xff Jensen")}) {
        CHECK_MESSAGE(!isValidUtf8(bad), bad);
    }
}

TEST_CASE("toValidUtf8 keeps valid text and replaces each malformed byte with U+FFFD") {
    using fieldkit::core::toValidUtf8;
    CHECK(toValidUtf8("S\xc3\xb8ren") == "S\xc3\xb8ren");
    CHECK(toValidUtf8("a\xff"
                      "b") == "a\xef\xbf\xbd"
                              "b");
    CHECK(toValidUtf8("\xe6\x97") == "\xef\xbf\xbd\xef\xbf\xbd");
    CHECK(toValidUtf8("\xed\xa0\x80!") == "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd!");
    for (const std::string& odd :
         {std::string("\xc3"), std::string("x\xf4\x90\x80\x80y"), std::string("\x80\x80")}) {
        CHECK(isValidUtf8(toValidUtf8(odd)));
    }
}
