// Forms and queries as browsers send them, read by the console and the citizen's status page alike.
#include <doctest/doctest.h>
#include <fieldkit/common/url_encoding.hpp>

using namespace fieldkit::common;

TEST_CASE("forms and queries are decoded, and malformed escapes are kept as they are") {
    auto form = parseUrlEncoded("name=anna+j&password=a%26b%3D&empty=&bare&bad=%zz&=x&&name2=%C3%A6");
    CHECK(form["name"] == "anna j");
    CHECK(form["password"] == "a&b=");
    CHECK(form["empty"].empty());
    CHECK(form.contains("bare"));
    CHECK(form["bad"] == "%zz");
    CHECK(form[""] == "x");
    CHECK(form["name2"] == "æ");
    CHECK(urlDecode("%") == "%");
    CHECK(urlDecode("%4") == "%4");
    CHECK(urlDecode("100%") == "100%");
    CHECK(parseUrlEncoded("a=1&a=2")["a"] == "2");
    CHECK(parseUrlEncoded("").empty());
}

TEST_CASE("encoding keeps only the unreserved characters and round-trips through the decoder") {
    CHECK(urlEncode("a b/æ") == "a%20b%2F%C3%A6");
    CHECK(urlEncode("A-z_0.9~") == "A-z_0.9~");
    const std::string awkward = "kode=12 34&x=+%/?#æøå";
    CHECK(urlDecode(urlEncode(awkward)) == awkward);
}
