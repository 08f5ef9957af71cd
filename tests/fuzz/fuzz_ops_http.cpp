// libFuzzer target: the hub's ops listener (/healthz, /metrics), reading a request exactly as the hub does
// (fieldkit/hub/ops_http.hpp: Beast's parser with the hub's limits) and answering it.
#include <boost/beast/http.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fieldkit/hub/ops_http.hpp>

namespace http = boost::beast::http;
namespace ops_http = fieldkit::hub::ops_http;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ops_http::Parser parser;
    ops_http::configure(parser);
    parser.eager(true);
    boost::system::error_code ec;
    std::size_t used = 0;
    const char* text = reinterpret_cast<const char*>(data);
    while (used < size && !parser.is_done()) {
        const std::size_t n = parser.put(boost::asio::buffer(text + used, size - used), ec);
        if (ec == http::error::need_more) {
            parser.put_eof(ec);
            break;
        }
        if (ec) {
            return 0;
        }
        if (n == 0) {
            break;
        }
        used += n;
    }
    if (!parser.is_header_done()) {
        return 0;
    }
    if (used > ops_http::kHeaderLimit + 64) {
        std::abort(); // the header limit must hold
    }
    if (!parser.is_done()) {
        return 0;
    }
    const fieldkit::hub::HubMetrics metrics;
    const auto response = ops_http::respond(parser.get(), metrics);
    // Only a GET of a known path is answered with 200; nothing else reads the metrics.
    const auto& request = parser.get();
    const bool known = request.target() == "/healthz" || request.target() == "/metrics";
    if ((response.result() == http::status::ok) != (request.method() == http::verb::get && known)) {
        std::abort();
    }
    return 0;
}
