#pragma once
// The ops listener's HTTP: how a request is read and what it is answered with. Header-only so the hub's Beast
// templates stay in hub_server.cpp's one translation unit, and the fuzz target reads requests exactly as the
// hub does.
#include <boost/beast/http.hpp>
#include <cstdint>
#include <fieldkit/hub/hub_metrics.hpp>

namespace fieldkit::hub::ops_http {

namespace http = boost::beast::http;

/** The ops endpoints are GET only: a request is its header, a few hundred bytes. Anything larger is not a
 *  monitoring system and is refused before it costs memory (Beast's defaults are 8 KiB and 1 MB). */
inline constexpr std::uint32_t kHeaderLimit = 4 * 1024;
inline constexpr std::uint64_t kBodyLimit = 0;

using Request = http::request<http::empty_body>;
using Parser = http::request_parser<http::empty_body>;
using Response = http::response<http::string_body>;

inline void configure(Parser& parser) {
    parser.header_limit(kHeaderLimit);
    parser.body_limit(kBodyLimit);
}

/** The answer to one request: /healthz, /metrics (Prometheus text), or why not. */
inline Response respond(const Request& request, const HubMetrics& metrics) {
    Response response;
    response.version(request.version() == 10 ? 10 : 11);
    response.keep_alive(false);
    if (request.method() != http::verb::get) {
        response.result(http::status::method_not_allowed);
        response.set(http::field::allow, "GET");
        response.body() = "only GET\n";
    } else if (request.target() == "/healthz") {
        response.result(http::status::ok);
        response.set(http::field::content_type, "text/plain");
        response.body() = "ok\n";
    } else if (request.target() == "/metrics") {
        response.result(http::status::ok);
        response.set(http::field::content_type, "text/plain; version=0.0.4");
        response.body() = renderPrometheus(metrics);
    } else {
        response.result(http::status::not_found);
        response.body() = "not found\n";
    }
    response.prepare_payload();
    return response;
}

} // namespace fieldkit::hub::ops_http
