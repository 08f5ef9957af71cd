// Request parsing and the headers every answer carries.
#include <doctest/doctest.h>
#include <fieldkit/center/http_exchange.hpp>

using namespace fieldkit::center;

TEST_CASE("cookies are parsed, spaces around pairs trimmed and pairs without a value skipped") {
    auto cookies = parseCookies("__Host-fksession=abc; other=1;x");
    CHECK(cookies["__Host-fksession"] == "abc");
    CHECK(cookies["other"] == "1");
    CHECK_FALSE(cookies.contains("x"));
}

TEST_CASE("every answer carries the CSP, HSTS, no referrer and nosniff, pages are no-store") {
    Response page;
    const auto h = securityHeaders(page);
    auto value = [&](const std::string& name) {
        for (const auto& [k, v] : h) {
            if (k == name) {
                return v;
            }
        }
        return std::string();
    };
    CHECK(value("Content-Security-Policy") == "default-src 'self'; script-src 'self'; style-src 'self'; "
                                              "img-src 'self' data:; frame-ancestors 'none'; "
                                              "form-action 'self'; base-uri 'none'");
    CHECK(value("Strict-Transport-Security").find("max-age=") == 0);
    CHECK(value("Referrer-Policy") == "no-referrer");
    CHECK(value("X-Content-Type-Options") == "nosniff");
    CHECK(value("Cache-Control") == "no-store");
    Response file;
    file.staticFile = true;
    CHECK(securityHeaders(file).back().second != "no-store");
}
