// The public status listener's HTTPS (issue 18). GCC 12 reports Asio's coroutine frame allocator as a
// mismatched new/delete once one awaitable is inlined into another (a known false positive, GCC bug 109224,
// as in enrolment_client.cpp); Asio pairs its own operator new and delete.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <fieldkit/hub/status_server.hpp>
#include <optional>

namespace fieldkit::hub {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);
constexpr auto kDeadline = std::chrono::seconds(15);
constexpr std::uint32_t kHeaderLimit = 8 * 1024;
constexpr std::uint64_t kBodyLimit = 4 * 1024; // a form of a reference and a code

std::string header(const http::request<http::string_body>& in, http::field name) {
    const auto it = in.find(name);
    return it == in.end() ? std::string() : std::string(it->value());
}

StatusRequest toRequest(const http::request<http::string_body>& in, std::string clientAddress) {
    StatusRequest r;
    r.method = std::string(in.method_string());
    r.target = std::string(in.target());
    r.body = in.body();
    r.contentType = header(in, http::field::content_type);
    r.acceptLanguage = header(in, http::field::accept_language);
    r.acceptEncoding = header(in, http::field::accept_encoding);
    r.clientAddress = std::move(clientAddress);
    return r;
}

http::response<http::string_body> toBeast(StatusResponse&& r, unsigned version, bool keepAlive) {
    http::response<http::string_body> out{static_cast<http::status>(r.status), version};
    out.set(http::field::server, "fieldkit-status");
    out.set(http::field::content_type, r.contentType);
    for (const auto& [name, value] : r.headers) {
        out.insert(name, value);
    }
    out.body() = std::move(r.body);
    out.keep_alive(keepAlive);
    out.prepare_payload();
    return out;
}

} // namespace

struct StatusServer::Impl {
    asio::io_context& io;
    asio::ssl::context& tls;
    StatusService& service;
    Log log;
    std::optional<tcp::acceptor> acceptor;

    asio::awaitable<void> acceptLoop() {
        while (acceptor && acceptor->is_open()) {
            auto [ec, socket] = co_await acceptor->async_accept(asio::make_strand(io), kTuple);
            if (ec) {
                if (ec == asio::error::operation_aborted || !acceptor->is_open()) {
                    co_return;
                }
                continue;
            }
            auto executor = socket.get_executor();
            asio::co_spawn(executor, session(std::move(socket)), [this](const std::exception_ptr& e) {
                if (e) {
                    log("a status connection ended with an internal error");
                }
            });
        }
    }

    asio::awaitable<void> session(tcp::socket socket) {
        boost::system::error_code addressError;
        const auto peer = socket.remote_endpoint(addressError);
        // IPv6 clients are limited by their /64 (one subscriber's network), IPv4 by the address.
        std::string client = addressError ? std::string("unknown") : peer.address().to_string();
        if (!addressError && peer.address().is_v6() && !peer.address().to_v6().is_v4_mapped()) {
            auto bytes = peer.address().to_v6().to_bytes();
            std::fill(bytes.begin() + 8, bytes.end(), 0);
            client = asio::ip::address_v6(bytes).to_string() + "/64";
        }
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
            StatusResponse answer;
            try {
                answer = service.handle(toRequest(request, client));
            } catch (...) {
                log("a status request failed with an internal error");
                answer.status = 500;
                answer.contentType = "text/plain; charset=utf-8";
                answer.body = "internal error";
                answer.headers = StatusService::securityHeaders(false);
            }
            const bool keepAlive = request.keep_alive();
            auto response = toBeast(std::move(answer), request.version(), keepAlive);
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

StatusServer::StatusServer(asio::io_context& io, asio::ssl::context& tls, StatusService& service, Log log)
    : m_impl(std::make_unique<Impl>(Impl{io, tls, service, std::move(log), std::nullopt})) {}

StatusServer::~StatusServer() = default;

Result<common::HostPort> StatusServer::listen(const common::HostPort& where) {
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(where.host, ec);
    if (ec) {
        return makeError("bad_address", "Cannot listen on " + where.host + ": not an IP address.");
    }
    const tcp::endpoint endpoint(address, where.port);
    auto& acceptor = m_impl->acceptor.emplace(asio::make_strand(m_impl->io));
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

void StatusServer::start() {
    asio::co_spawn(m_impl->acceptor->get_executor(), m_impl->acceptLoop(),
                   [this](const std::exception_ptr& e) {
                       if (e) {
                           m_impl->log("the status listener stopped with an internal error");
                       }
                   });
}

void StatusServer::stop() {
    if (m_impl->acceptor) {
        asio::post(m_impl->acceptor->get_executor(), [this] {
            boost::system::error_code ec;
            m_impl->acceptor->close(ec);
        });
    }
}

} // namespace fieldkit::hub
