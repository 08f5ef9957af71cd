#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <fieldkit/center/console_server.hpp>
#include <fieldkit/common/url_encoding.hpp>

namespace fieldkit::center {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);
constexpr auto kDeadline = std::chrono::seconds(30);
constexpr std::uint32_t kHeaderLimit = 16 * 1024;
constexpr std::uint64_t kBodyLimit = 64 * 1024;

Request toRequest(const http::request<http::string_body>& in) {
    Request r;
    r.method = std::string(in.method_string());
    const std::string_view target(in.target().data(), in.target().size());
    const auto q = target.find('?');
    r.path = std::string(target.substr(0, q));
    if (q != std::string_view::npos) {
        r.query = common::parseUrlEncoded(target.substr(q + 1));
    }
    if (auto it = in.find(http::field::cookie); it != in.end()) {
        r.cookies = parseCookies(std::string_view(it->value().data(), it->value().size()));
    }
    if (auto it = in.find(http::field::accept_language); it != in.end()) {
        r.acceptLanguage = std::string(it->value());
    }
    if (auto it = in.find(http::field::content_type);
        it != in.end() && r.method == "POST" &&
        it->value().starts_with("application/x-www-form-urlencoded")) {
        r.form = common::parseUrlEncoded(in.body());
    }
    return r;
}

http::response<http::string_body> toBeast(const Response& r, unsigned version, bool keepAlive) {
    http::response<http::string_body> out{static_cast<http::status>(r.status), version};
    out.set(http::field::server, "fieldkit-center");
    out.set(http::field::content_type, r.contentType);
    for (const auto& [name, value] : securityHeaders(r)) {
        out.set(name, value);
    }
    for (const auto& [name, value] : r.headers) {
        out.insert(name, value);
    }
    out.body() = r.body;
    out.keep_alive(keepAlive);
    out.prepare_payload();
    return out;
}

} // namespace

struct ConsoleServer::Impl {
    asio::io_context& io;
    asio::ssl::context& tls;
    Handler handler;
    Log log;
    std::optional<tcp::acceptor> acceptor;

    asio::awaitable<void> acceptLoop() {
        while (acceptor && acceptor->is_open()) {
            auto [ec, socket] = co_await acceptor->async_accept(kTuple);
            if (ec) {
                if (ec == asio::error::operation_aborted) {
                    co_return;
                }
                continue;
            }
            asio::co_spawn(io, session(std::move(socket)), [this](const std::exception_ptr& e) {
                if (e) {
                    log("a connection ended with an internal error");
                }
            });
        }
    }

    asio::awaitable<void> session(tcp::socket socket) {
        beast::ssl_stream<beast::tcp_stream> stream(beast::tcp_stream(std::move(socket)), tls);
        beast::get_lowest_layer(stream).expires_after(kDeadline);
        if (auto [ec] = co_await stream.async_handshake(asio::ssl::stream_base::server, kTuple); ec) {
            co_return;
        }
        beast::flat_buffer buffer;
        while (true) {
            http::request_parser<http::string_body> parser;
            parser.header_limit(kHeaderLimit);
            parser.body_limit(kBodyLimit);
            beast::get_lowest_layer(stream).expires_after(kDeadline);
            auto [readError, bytes] = co_await http::async_read(stream, buffer, parser, kTuple);
            (void)bytes;
            if (readError) {
                break;
            }
            const auto& request = parser.get();
            Response answer;
            try {
                answer = handler(toRequest(request));
            } catch (...) {
                log("a request failed with an internal error");
                answer.status = 500;
                answer.contentType = "text/plain; charset=utf-8";
                answer.body = "internal error";
            }
            const bool keepAlive = request.keep_alive();
            auto response = toBeast(answer, request.version(), keepAlive);
            beast::get_lowest_layer(stream).expires_after(kDeadline);
            auto [writeError, written] = co_await http::async_write(stream, response, kTuple);
            (void)written;
            if (writeError || !keepAlive) {
                break;
            }
        }
        beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(5));
        co_await stream.async_shutdown(kTuple);
    }
};

ConsoleServer::ConsoleServer(asio::io_context& io, asio::ssl::context& tls, Handler handler, Log log)
    : m_impl(std::make_unique<Impl>(Impl{io, tls, std::move(handler), std::move(log), std::nullopt})) {}

ConsoleServer::~ConsoleServer() = default;

Result<common::HostPort> ConsoleServer::listen(const common::HostPort& where) {
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(where.host, ec);
    if (ec) {
        return makeError("bad_address", "Cannot listen on " + where.host + ": not an IP address.");
    }
    const tcp::endpoint endpoint(address, where.port);
    auto& acceptor = m_impl->acceptor.emplace(m_impl->io);
    if (acceptor.open(endpoint.protocol(), ec); !ec) {
        acceptor.set_option(asio::socket_base::reuse_address(true), ec);
        acceptor.bind(endpoint, ec);
        if (!ec) {
            acceptor.listen(asio::socket_base::max_listen_connections, ec);
        }
    }
    if (ec) {
        return makeError("listen_failed", "Cannot listen on " + where.toString() + ": " + ec.message() + ".");
    }
    const auto bound = acceptor.local_endpoint();
    return common::HostPort{bound.address().to_string(), bound.port()};
}

void ConsoleServer::start() {
    asio::co_spawn(m_impl->io, m_impl->acceptLoop(), [this](const std::exception_ptr& e) {
        if (e) {
            m_impl->log("the listener stopped with an internal error");
        }
    });
}

void ConsoleServer::stop() {
    if (m_impl->acceptor) {
        boost::system::error_code ec;
        m_impl->acceptor->close(ec);
    }
}

} // namespace fieldkit::center
