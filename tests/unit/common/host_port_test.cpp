#include <doctest/doctest.h>
#include <fieldkit/common/host_port.hpp>

using namespace fieldkit::common;

TEST_CASE("HOST:PORT parses IPv4, bracketed IPv6 and port 0, and refuses the rest") {
    CHECK(parseHostPort("127.0.0.1:8443")->port == 8443);
    CHECK(parseHostPort("[::1]:0")->host == "::1");
    CHECK(parseHostPort("[::1]:0")->toString() == "[::1]:0");
    for (const char* bad : {"localhost", ":80", "host:", "host:70000", "host:8x", "[]:0", "[]:443"}) {
        CHECK_MESSAGE(parseHostPort(bad).error().code == "bad_address", bad);
    }
}
