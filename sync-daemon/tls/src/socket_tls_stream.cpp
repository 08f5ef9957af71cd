#include <algorithm>
#include <boost/asio/error.hpp>
#include <boost/asio/ssl/error.hpp>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <fieldkit/tls/socket_tls_stream.hpp>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/socket.h>

namespace fieldkit::tls {
namespace {

// OpenSSL's own socket BIO writes with write(2): a peer that vanished would raise SIGPIPE and end the whole
// hub. This one sends with MSG_NOSIGNAL, so a dead peer is an EPIPE for that connection alone.

int descriptorOf(BIO* bio) {
    return static_cast<int>(reinterpret_cast<std::intptr_t>(BIO_get_data(bio)));
}

bool wouldBlock() {
    return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
}

int socketWrite(BIO* bio, const char* data, int size) {
    BIO_clear_retry_flags(bio);
    const auto sent = ::send(descriptorOf(bio), data, static_cast<std::size_t>(size), MSG_NOSIGNAL);
    if (sent < 0 && wouldBlock()) {
        BIO_set_retry_write(bio);
    }
    return static_cast<int>(sent);
}

int socketRead(BIO* bio, char* data, int size) {
    BIO_clear_retry_flags(bio);
    const auto received = ::recv(descriptorOf(bio), data, static_cast<std::size_t>(size), 0);
    if (received < 0 && wouldBlock()) {
        BIO_set_retry_read(bio);
    }
    return static_cast<int>(received);
}

long socketControl(BIO*, int command, long, void*) {
    return command == BIO_CTRL_FLUSH ? 1 : 0; // nothing is buffered here
}

int socketCreate(BIO* bio) {
    BIO_set_init(bio, 1);
    return 1;
}

const BIO_METHOD* socketMethod() {
    static BIO_METHOD* const method = [] {
        BIO_METHOD* m = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "fieldkit socket");
        if (m != nullptr) {
            BIO_meth_set_write(m, socketWrite);
            BIO_meth_set_read(m, socketRead);
            BIO_meth_set_ctrl(m, socketControl);
            BIO_meth_set_create(m, socketCreate);
        }
        return m;
    }();
    return method;
}

} // namespace

SocketTlsStream::SocketTlsStream(boost::asio::ip::tcp::socket socket, boost::asio::ssl::context& context)
    : m_socket(std::move(socket))
    , m_ssl(SSL_new(context.native_handle())) {
    boost::system::error_code ignored;
    m_socket.non_blocking(true, ignored);
    if (m_ssl != nullptr) {
        // Partial writes let async_write_some report progress like any stream; the release mode is the
        // point of this class (see the header).
        SSL_set_mode(m_ssl, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER |
                                SSL_MODE_RELEASE_BUFFERS);
        BIO* bio = socketMethod() != nullptr ? BIO_new(socketMethod()) : nullptr;
        if (bio == nullptr) {
            SSL_free(m_ssl);
            m_ssl = nullptr;
            return;
        }
        BIO_set_data(bio, reinterpret_cast<void*>(static_cast<std::intptr_t>(m_socket.native_handle())));
        SSL_set_bio(m_ssl, bio, bio); // one reference, owned by the connection from here on
        SSL_set_accept_state(m_ssl);
    }
}

SocketTlsStream::~SocketTlsStream() {
    if (m_ssl != nullptr) {
        SSL_free(m_ssl);
    }
}

TlsStep SocketTlsStream::classify(int result) {
    TlsStep step;
    if (result > 0) {
        step.bytes = static_cast<std::size_t>(result);
        return step;
    }
    const int error = SSL_get_error(m_ssl, result);
    switch (error) {
    case SSL_ERROR_WANT_READ:
        step.want = TlsStep::Want::Read;
        break;
    case SSL_ERROR_WANT_WRITE:
        step.want = TlsStep::Want::Write;
        break;
    case SSL_ERROR_ZERO_RETURN: // the peer's close_notify: a clean end of the stream
        step.error = boost::asio::error::eof;
        break;
    case SSL_ERROR_SYSCALL:
        step.error = errno != 0 ? boost::system::error_code(errno, boost::system::system_category())
                                : boost::system::error_code(boost::asio::ssl::error::stream_truncated);
        break;
    default: {
        const unsigned long reason = ERR_get_error();
        step.error = reason != 0 ? boost::system::error_code(static_cast<int>(reason),
                                                             boost::asio::error::get_ssl_category())
                                 : boost::system::error_code(boost::asio::ssl::error::stream_truncated);
    }
    }
    return step;
}

TlsStep SocketTlsStream::unusable() const {
    if (m_ssl == nullptr) {
        return {TlsStep::Want::Nothing, 0, boost::asio::error::no_memory};
    }
    // OpenSSL holds the descriptor's number; once the socket is closed that number may already belong to
    // another connection, so nothing may be read or written through it any more.
    if (!m_socket.is_open()) {
        return {TlsStep::Want::Nothing, 0, boost::asio::error::bad_descriptor};
    }
    return {};
}

TlsStep SocketTlsStream::stepHandshake() {
    if (auto refused = unusable(); refused.error) {
        return refused;
    }
    ERR_clear_error();
    errno = 0;
    const int result = SSL_do_handshake(m_ssl);
    return result == 1 ? TlsStep{} : classify(result);
}

TlsStep SocketTlsStream::stepRead(void* data, std::size_t size) {
    if (auto refused = unusable(); refused.error) {
        return refused;
    }
    if (size == 0) {
        return {};
    }
    ERR_clear_error();
    errno = 0;
    return classify(SSL_read(m_ssl, data, static_cast<int>(std::min<std::size_t>(size, INT_MAX))));
}

TlsStep SocketTlsStream::stepWrite(const void* data, std::size_t size) {
    if (auto refused = unusable(); refused.error) {
        return refused;
    }
    if (size == 0) {
        return {};
    }
    ERR_clear_error();
    errno = 0;
    return classify(SSL_write(m_ssl, data, static_cast<int>(std::min<std::size_t>(size, INT_MAX))));
}

void SocketTlsStream::shutdownAndClose() {
    if (!unusable().error && SSL_is_init_finished(m_ssl) == 1) {
        ERR_clear_error();
        (void)SSL_shutdown(m_ssl); // non-blocking: if the socket cannot take it now, the peer sees a close
    }
    boost::system::error_code ignored;
    m_socket.shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
    m_socket.close(ignored);
}

void teardown(boost::beast::role_type, SocketTlsStream& stream, boost::system::error_code& ec) {
    stream.shutdownAndClose();
    ec = {};
}

} // namespace fieldkit::tls
