// The hub's lean TLS stream against Asio's own TLS client, over real loopback sockets.
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <doctest/doctest.h>
#include <fieldkit/tls/pki.hpp>
#include <fieldkit/tls/socket_tls_stream.hpp>
#include <fieldkit/tls/tls_context.hpp>
#include <optional>
#include <vector>

using namespace fieldkit::tls;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;
constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

namespace {

/** A center CA, a hub certificate and a device certificate, with both sides' contexts. */
struct Pki {
    asio::ssl::context server{asio::ssl::context::tls};
    asio::ssl::context client{asio::ssl::context::tls};

    Pki() {
        auto ca = createAuthority("test CA", 10).value();
        auto issue = [&](const std::string& name, CertRole role, std::uint64_t serial) {
            auto key = generatePrivateKey().value();
            auto csr = createSigningRequest(key, name).value();
            return Credentials{key, issueCertificate(ca, csr, name, role, 10, serial).value()};
        };
        const auto hub = issue("hub", CertRole::Server, 3);
        const auto device = issue("device-1", CertRole::Client, 4);
        server = makeServerContext(hub, ca.certPem, {}).value();
        client = makeClientContext(device, publicKeyPin(hub.certPem).value()).value();
    }
};

/** A listening socket on loopback and a client connected to it. */
struct Loopback {
    asio::io_context io;
    tcp::acceptor acceptor{io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)};
    tcp::socket accepted{io};
    tcp::socket connecting{io};

    Loopback() {
        connecting.connect(acceptor.local_endpoint());
        acceptor.accept(accepted);
    }
};

std::vector<std::uint8_t> pattern(std::size_t size) {
    std::vector<std::uint8_t> out(size);
    for (std::size_t i = 0; i < size; ++i) {
        out[i] = static_cast<std::uint8_t>((i * 131) ^ (i >> 9));
    }
    return out;
}

} // namespace

TEST_CASE("the lean TLS stream handshakes, names the peer and carries megabytes both ways intact") {
    Pki pki;
    Loopback net;
    SocketTlsStream server(std::move(net.accepted), pki.server);
    asio::ssl::stream<tcp::socket> client(std::move(net.connecting), pki.client);
    const auto sent = pattern(3 * 1024 * 1024 + 17); // many records, and partial writes on the way back
    std::vector<std::uint8_t> echoed(sent.size());
    std::optional<std::string> peer;
    bool serverDone = false;
    bool clientDone = false;

    asio::co_spawn(
        net.io,
        [&]() -> asio::awaitable<void> {
            auto [hs, n] = co_await server.async_handshake(kTuple);
            REQUIRE_FALSE(hs);
            auto name = peerCommonName(server.native_handle());
            if (name) {
                peer = *name;
            }
            std::vector<std::uint8_t> received(sent.size());
            auto [re, got] = co_await asio::async_read(server, asio::buffer(received), kTuple);
            REQUIRE_FALSE(re);
            CHECK(got == sent.size());
            auto [we, put] = co_await asio::async_write(server, asio::buffer(received), kTuple);
            REQUIRE_FALSE(we);
            CHECK(put == sent.size());
            serverDone = true;
        },
        asio::detached);
    asio::co_spawn(
        net.io,
        [&]() -> asio::awaitable<void> {
            auto [hs] = co_await client.async_handshake(asio::ssl::stream_base::client, kTuple);
            REQUIRE_FALSE(hs);
            auto [we, put] = co_await asio::async_write(client, asio::buffer(sent), kTuple);
            REQUIRE_FALSE(we);
            auto [re, got] = co_await asio::async_read(client, asio::buffer(echoed), kTuple);
            REQUIRE_FALSE(re);
            clientDone = true;
        },
        asio::detached);
    net.io.run();

    CHECK(serverDone);
    CHECK(clientDone);
    CHECK(peer == std::optional<std::string>("device-1"));
    CHECK(echoed == sent);
}

TEST_CASE("a peer that vanishes mid-stream ends the read with an error, and a shut-down stream refuses I/O") {
    Pki pki;
    Loopback net;
    SocketTlsStream server(std::move(net.accepted), pki.server);
    asio::ssl::stream<tcp::socket> client(std::move(net.connecting), pki.client);
    boost::system::error_code readError;
    boost::system::error_code afterClose;

    asio::co_spawn(
        net.io,
        [&]() -> asio::awaitable<void> {
            auto [hs, n] = co_await server.async_handshake(kTuple);
            REQUIRE_FALSE(hs);
            std::array<std::uint8_t, 64> buffer{};
            auto [re, got] = co_await server.async_read_some(asio::buffer(buffer), kTuple);
            readError = re;
            server.shutdownAndClose();
            auto [ae, more] = co_await server.async_read_some(asio::buffer(buffer), kTuple);
            afterClose = ae;
        },
        asio::detached);
    asio::co_spawn(
        net.io,
        [&]() -> asio::awaitable<void> {
            auto [hs] = co_await client.async_handshake(asio::ssl::stream_base::client, kTuple);
            REQUIRE_FALSE(hs);
            boost::system::error_code ignored;
            client.next_layer().close(ignored); // no close_notify: the link just dies
        },
        asio::detached);
    net.io.run();

    CHECK(readError);
    CHECK(afterClose == asio::error::bad_descriptor);
}

TEST_CASE("a client with another pinned key never completes the handshake with the lean stream") {
    Pki pki;
    Pki other; // a different hub key: the client's pin does not match this server
    Loopback net;
    SocketTlsStream server(std::move(net.accepted), pki.server);
    asio::ssl::stream<tcp::socket> client(std::move(net.connecting), other.client);
    boost::system::error_code serverError;
    boost::system::error_code clientError;
    asio::co_spawn(
        net.io,
        [&]() -> asio::awaitable<void> {
            auto [hs, n] = co_await server.async_handshake(kTuple);
            serverError = hs;
        },
        asio::detached);
    asio::co_spawn(
        net.io,
        [&]() -> asio::awaitable<void> {
            auto [hs] = co_await client.async_handshake(asio::ssl::stream_base::client, kTuple);
            clientError = hs;
            boost::system::error_code ignored;
            client.next_layer().close(ignored);
        },
        asio::detached);
    net.io.run();
    CHECK(clientError);
    CHECK(serverError);
}
