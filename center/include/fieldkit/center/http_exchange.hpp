#pragma once
// A request and a response as the console's logic sees them: plain values, so routing, pages and security
// checks are tested without a socket and only console_server.cpp includes Beast.

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace fieldkit::center {

struct Request {
    std::string method; // GET, POST, ...
    std::string path;   // without the query
    std::map<std::string, std::string> query;
    std::map<std::string, std::string> form; // application/x-www-form-urlencoded body of a POST
    std::map<std::string, std::string> cookies;
    std::string acceptLanguage;
};

struct Response {
    int status = 200;
    std::string contentType = "text/html; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers; // besides the security headers
    bool personalData = false; // Cache-Control: no-store (every page is no-store; static files are cached)
    bool staticFile = false;
};

/** Parses a Cookie header. */
[[nodiscard]] std::map<std::string, std::string> parseCookies(std::string_view header);

/** The headers every response carries (CSP without inline scripts, HSTS, no referrer, no sniffing, no
 *  framing) plus Cache-Control; applied by the server to every answer, errors included. */
[[nodiscard]] std::vector<std::pair<std::string, std::string>> securityHeaders(const Response& response);

} // namespace fieldkit::center
