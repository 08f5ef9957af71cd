#include <fieldkit/center/http_exchange.hpp>

namespace fieldkit::center {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') {
        s.remove_prefix(1);
    }
    while (!s.empty() && s.back() == ' ') {
        s.remove_suffix(1);
    }
    return s;
}

} // namespace

std::map<std::string, std::string> parseCookies(std::string_view header) {
    std::map<std::string, std::string> out;
    while (!header.empty()) {
        const auto semi = header.find(';');
        const auto part = trim(header.substr(0, semi));
        const auto eq = part.find('=');
        if (eq != std::string_view::npos) {
            out.emplace(std::string(part.substr(0, eq)), std::string(part.substr(eq + 1)));
        }
        if (semi == std::string_view::npos) {
            break;
        }
        header.remove_prefix(semi + 1);
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> securityHeaders(const Response& response) {
    std::vector<std::pair<std::string, std::string>> h = {
        {"Content-Security-Policy",
         "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
         "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"},
        {"Strict-Transport-Security", "max-age=63072000; includeSubDomains"},
        {"Referrer-Policy", "no-referrer"},
        {"X-Content-Type-Options", "nosniff"},
        {"X-Frame-Options", "DENY"},
        {"Cross-Origin-Opener-Policy", "same-origin"},
        {"Cross-Origin-Resource-Policy", "same-origin"},
    };
    h.emplace_back("Cache-Control", response.staticFile ? "private, max-age=3600" : "no-store");
    return h;
}

} // namespace fieldkit::center
