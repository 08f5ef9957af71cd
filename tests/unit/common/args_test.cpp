#include <boost/json.hpp>
#include <doctest/doctest.h>
#include <fieldkit/common/args.hpp>
#include <fieldkit/common/host_port.hpp>
#include <fieldkit/common/json_text.hpp>
#include <vector>

using namespace fieldkit::common;

TEST_CASE("HOST:PORT parses IPv4, bracketed IPv6 and port 0, and refuses the rest") {
    CHECK(parseHostPort("127.0.0.1:8443")->port == 8443);
    CHECK(parseHostPort("[::1]:0")->host == "::1");
    CHECK(parseHostPort("[::1]:0")->toString() == "[::1]:0");
    for (const char* bad : {"localhost", ":80", "host:", "host:70000", "host:8x", "[]:0", "[]:443"}) {
        CHECK_MESSAGE(parseHostPort(bad).error().code == "bad_address", bad);
    }
}

TEST_CASE("command lines: words, options, flags, and typos are errors") {
    const char* argv[] = {"prog", "case", "list", "--json", "--data", "/tmp/d", "--limit", "5"};
    auto args = Args::parse(8, argv, {"json"});
    REQUIRE(args.ok());
    CHECK(args->word(1) == "list");
    CHECK(args->flag("json"));
    CHECK(args->option("data").value() == "/tmp/d");
    CHECK(args->required("staff").error().code == "missing_option");
    CHECK(args->allowOnly({"json", "data"}).error().message == "Unknown option --limit.");
    const char* dangling[] = {"prog", "--data"};
    CHECK(Args::parse(2, dangling, {}).error().code == "missing_value");
}

namespace {

Args parsed(std::vector<const char*> words) {
    words.insert(words.begin(), "prog");
    auto args = Args::parse(static_cast<int>(words.size()), words.data(), {"json"});
    REQUIRE(args.ok());
    return *args;
}

} // namespace

TEST_CASE("whole-number options are range-checked and name the option and its range") {
    CHECK(parsed({"--limit", "5"}).integer("limit", 1, 100, 7).value() == 5);
    CHECK(parsed({}).integer("limit", 1, 100, 7).value() == 7);
    CHECK(parsed({"--limit", "100"}).integer("limit", 1, 100, 7).value() == 100);
    for (const char* bad : {"abc", "", "5x", "10s", "1.5", "0", "101", "-3", "+5", " 5", "0x10",
                            "99999999999999999999999", "9223372036854775808"}) {
        auto r = parsed({"--limit", bad}).integer("limit", 1, 100, 7);
        REQUIRE_MESSAGE(!r.ok(), bad);
        CHECK(r.error().code == "bad_option");
        CHECK(r.error().message == "--limit must be a whole number from 1 to 100.");
    }
}

TEST_CASE("decimal options refuse nan, inf and numbers out of range") {
    CHECK(parsed({"--older-than", "1.5"}).decimal("older-than", 0, 1000, 0).value() == doctest::Approx(1.5));
    CHECK(parsed({}).decimal("older-than", 0, 1000, 2).value() == doctest::Approx(2));
    for (const char* bad : {"nan", "NaN", "inf", "-inf", "infinity", "1e300", "-1", "1001", "1h", "", "x"}) {
        auto r = parsed({"--older-than", bad}).decimal("older-than", 0, 1000, 0);
        REQUIRE_MESSAGE(!r.ok(), bad);
        CHECK(r.error().message == "--older-than must be a number from 0 to 1000.");
    }
}

TEST_CASE("a word or an option value that is not UTF-8 is refused where it enters") {
    const char* value[] = {"prog", "case", "set", "--name", "Anna \xff Jensen"};
    auto r = Args::parse(5, value, {});
    REQUIRE(!r.ok());
    CHECK(r.error().code == "invalid_text");
    CHECK(r.error().message == "The value of --name is not valid UTF-8 text.");
    const char* word[] = {"prog", "case", "\xc3\x28"};
    CHECK(Args::parse(3, word, {}).error().message == "Argument 2 is not valid UTF-8 text.");
    const char* fine[] = {"prog", "case", "set", "--name", "S\xc3\xb8ren \xc3\x86\xc3\xb8\xc3\xa5"};
    CHECK(Args::parse(5, fine, {}).ok());
}

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
