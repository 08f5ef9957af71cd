#include <doctest/doctest.h>
#include <fieldkit/common/args.hpp>
#include <fieldkit/common/host_port.hpp>

using namespace fieldkit::common;

TEST_CASE("HOST:PORT parses IPv4, bracketed IPv6 and port 0, and refuses the rest") {
    CHECK(parseHostPort("127.0.0.1:8443")->port == 8443);
    CHECK(parseHostPort("[::1]:0")->host == "::1");
    CHECK(parseHostPort("[::1]:0")->toString() == "[::1]:0");
    for (const char* bad : {"localhost", ":80", "host:", "host:70000", "host:8x"}) {
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
