#include <boost/json.hpp>
#include <doctest/doctest.h>
#include <fieldkit/common/json_text.hpp>

using namespace fieldkit::common;

TEST_CASE("JSON written from unchecked values is always valid: malformed UTF-8 becomes U+FFFD") {
    boost::json::object value{{"name", "Anna \xff Jensen"},
                              {"list", boost::json::array{"ok \xc3\xa6", "\xe6\x97", "\"quoted\"\n\x01"}},
                              {"bad key \xc0", 1}};
    // Boost.JSON on its own would write the bytes through, and a parser would refuse the whole document.
    boost::json::error_code ec;
    (void)boost::json::parse(boost::json::serialize(value), ec);
    REQUIRE(ec);
    const auto text = serializeValidJson(value);
    const auto back = boost::json::parse(text, ec);
    REQUIRE_MESSAGE(!ec, text);
    CHECK(back.at("name").as_string() == "Anna \xef\xbf\xbd Jensen");
    CHECK(back.at("list").as_array().at(0).as_string() == "ok \xc3\xa6");
    CHECK(back.at("list").as_array().at(2).as_string() == "\"quoted\"\n\x01");
    CHECK(back.as_object().contains("bad key \xef\xbf\xbd"));
}
