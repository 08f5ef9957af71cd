#pragma once

#include <boost/asio/append.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/compose.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/role.hpp>
#include <cstddef>
#include <functional>

namespace fieldkit::tls {

/** What one non-blocking OpenSSL call achieved, or what it waits for. */
struct TlsStep {
    enum class Want { Nothing, Read, Write };
    Want want = Want::Nothing;
    std::size_t bytes = 0;
    boost::system::error_code error;
};

/** The server side of TLS on a TCP socket, with OpenSSL reading and writing the socket itself.
 *
 *  Why not asio::ssl::stream: it keeps four 17 KB buffers per connection (its own two plus a BIO pair), about
 *  70 KB, whether the connection is busy or has been quiet for an hour. A hub holds a thousand quiet daemons;
 *  here OpenSSL owns the only buffers and gives them back between records (SSL_MODE_RELEASE_BUFFERS).
 *
 *  An AsyncStream for Beast's WebSocket (with teardown below). One thread only, like the rest of the hub. */
class SocketTlsStream {
public:
    using executor_type = boost::asio::any_io_executor;
    using next_layer_type = boost::asio::ip::tcp::socket;

    SocketTlsStream(boost::asio::ip::tcp::socket socket, boost::asio::ssl::context& context);
    ~SocketTlsStream();
    SocketTlsStream(const SocketTlsStream&) = delete;
    SocketTlsStream& operator=(const SocketTlsStream&) = delete;

    executor_type get_executor() { return m_socket.get_executor(); }
    next_layer_type& next_layer() { return m_socket; }
    /** The connection, for peer certificate checks; null only if OpenSSL could not allocate it. */
    ssl_st* native_handle() { return m_ssl; }

    /** The server's TLS handshake. */
    template <typename Token>
    auto async_handshake(Token&& token) {
        return run(token, [this] { return stepHandshake(); });
    }

    template <typename MutableBuffers, typename Token>
    auto async_read_some(const MutableBuffers& buffers, Token&& token) {
        const auto first = firstBuffer(buffers);
        return run(token, [this, first] { return stepRead(first.data(), first.size()); });
    }

    template <typename ConstBuffers, typename Token>
    auto async_write_some(const ConstBuffers& buffers, Token&& token) {
        const auto first = firstConstBuffer(buffers);
        return run(token, [this, first] { return stepWrite(first.data(), first.size()); });
    }

    /** Sends close_notify if the socket takes it at once (never waits for the peer's), then closes. Code that
     *  must end a connection from outside (a deadline, a stopping server) shuts the socket down instead of
     *  closing it, so the descriptor stays this connection's until the stream is destroyed. */
    void shutdownAndClose();

private:
    TlsStep stepHandshake();
    TlsStep stepRead(void* data, std::size_t size);
    TlsStep stepWrite(const void* data, std::size_t size);
    TlsStep classify(int result);
    TlsStep unusable() const;

    template <typename Buffers>
    static boost::asio::mutable_buffer firstBuffer(const Buffers& buffers) {
        for (auto it = boost::asio::buffer_sequence_begin(buffers);
             it != boost::asio::buffer_sequence_end(buffers); ++it) {
            if (boost::asio::mutable_buffer b(*it); b.size() != 0) {
                return b;
            }
        }
        return {};
    }
    template <typename Buffers>
    static boost::asio::const_buffer firstConstBuffer(const Buffers& buffers) {
        for (auto it = boost::asio::buffer_sequence_begin(buffers);
             it != boost::asio::buffer_sequence_end(buffers); ++it) {
            if (boost::asio::const_buffer b(*it); b.size() != 0) {
                return b;
            }
        }
        return {};
    }

    /** Repeats `step` until OpenSSL needs nothing more from the socket, waiting for readiness in between. A
     *  step that finishes at once still completes through the executor, never inside the initiating call. */
    template <typename Step>
    struct Operation {
        SocketTlsStream& stream;
        Step step;
        bool started = false;

        template <typename Self>
        void operator()(Self& self, boost::system::error_code waited = {}) {
            if (waited) {
                self.complete(waited, 0);
                return;
            }
            const TlsStep r = step();
            if (r.want == TlsStep::Want::Read || r.want == TlsStep::Want::Write) {
                started = true;
                stream.m_socket.async_wait(r.want == TlsStep::Want::Read ? next_layer_type::wait_read
                                                                         : next_layer_type::wait_write,
                                           std::move(self));
                return;
            }
            if (!started) {
                started = true;
                boost::asio::post(stream.get_executor(),
                                  boost::asio::append(std::move(self), r.error, r.bytes));
                return;
            }
            self.complete(r.error, r.bytes);
        }

        template <typename Self>
        void operator()(Self& self, boost::system::error_code error, std::size_t bytes) {
            self.complete(error, bytes);
        }
    };

    template <typename Token, typename Step>
    auto run(Token& token, Step step) {
        return boost::asio::async_compose<Token, void(boost::system::error_code, std::size_t)>(
            Operation<Step>{*this, std::move(step)}, token, m_socket);
    }

    boost::asio::ip::tcp::socket m_socket;
    ssl_st* m_ssl = nullptr;
};

/** Beast's WebSocket closes its next layer through these (found by argument-dependent lookup). */
void teardown(boost::beast::role_type role, SocketTlsStream& stream, boost::system::error_code& ec);

template <typename TeardownHandler>
void async_teardown(boost::beast::role_type, SocketTlsStream& stream, TeardownHandler&& handler) {
    stream.shutdownAndClose();
    boost::asio::post(stream.get_executor(), boost::asio::append(std::forward<TeardownHandler>(handler),
                                                                 boost::system::error_code{}));
}

} // namespace fieldkit::tls
