#include <boost/asio/ssl/verify_context.hpp>
#include <fieldkit/tls/tls_context.hpp>
#include <memory>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

namespace fieldkit::tls {
namespace ssl = boost::asio::ssl;
namespace {

std::string leafPem(X509* cert) {
    std::unique_ptr<BIO, decltype(&BIO_free_all)> bio(BIO_new(BIO_s_mem()), &BIO_free_all);
    PEM_write_bio_X509(bio.get(), cert);
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(len));
}

Result<ssl::context> baseContext(const Credentials* own) {
    ssl::context ctx(ssl::context::tls);
    SSL_CTX* native = ctx.native_handle();
    // TLS 1.2 and below are refused outright, in both directions.
    if (SSL_CTX_set_min_proto_version(native, TLS1_3_VERSION) != 1 ||
        SSL_CTX_set_max_proto_version(native, TLS1_3_VERSION) != 1) {
        return makeError("tls_setup", "Could not restrict TLS to version 1.3.");
    }
    SSL_CTX_set_options(native, SSL_OP_NO_TICKET | SSL_OP_NO_RENEGOTIATION);
    // A quiet connection (a daemon between syncs, ~1,000 of them on a hub) gives its ~34 KB of record
    // buffers back until the next record arrives.
    SSL_CTX_set_mode(native, SSL_MODE_RELEASE_BUFFERS);
    if (own == nullptr) {
        return ctx;
    }
    boost::system::error_code ec;
    ctx.use_certificate_chain(boost::asio::buffer(own->certPem), ec);
    if (!ec) {
        ctx.use_private_key(boost::asio::buffer(own->keyPem), ssl::context::pem, ec);
    }
    if (ec) {
        return makeError("tls_credentials", "The TLS certificate or key could not be loaded.");
    }
    return ctx;
}

} // namespace

Result<ssl::context> makeServerContext(const Credentials& server, const std::string& authorityPem,
                                       RevocationCheck isRevoked) {
    auto ctx = baseContext(&server);
    if (!ctx) {
        return ctx.error();
    }
    boost::system::error_code ec;
    ctx->add_certificate_authority(boost::asio::buffer(authorityPem), ec);
    if (ec) {
        return makeError("tls_credentials", "The center's certificate authority could not be loaded.");
    }
    // A certificate is asked for but not demanded at the handshake: the enrolment endpoint serves devices
    // that have none yet, and the server refuses every other endpoint to a connection without one.
    ctx->set_verify_mode(ssl::verify_peer);
    ctx->set_verify_callback([isRevoked = std::move(isRevoked)](bool preverified, ssl::verify_context& vc) {
        if (!preverified) {
            return false;
        }
        X509_STORE_CTX* store = vc.native_handle();
        if (X509_STORE_CTX_get_error_depth(store) != 0) {
            return true;
        }
        auto cn = commonName(leafPem(X509_STORE_CTX_get_current_cert(store)));
        return cn.ok() && !(isRevoked && isRevoked(*cn));
    });
    return ctx;
}

Result<ssl::context> makeClientContext(const Credentials& client, const std::string& hubKeyPin) {
    auto ctx = baseContext(&client);
    if (!ctx) {
        return ctx.error();
    }
    ctx->set_verify_mode(ssl::verify_peer);
    // The device trusts exactly one hub key, pinned at enrolment; chain checks add nothing a pin does not
    // give, and the pin lets the device reach its hub through any proxy.
    ctx->set_verify_callback([hubKeyPin](bool, ssl::verify_context& vc) {
        X509_STORE_CTX* store = vc.native_handle();
        if (X509_STORE_CTX_get_error_depth(store) != 0) {
            return true;
        }
        auto pin = publicKeyPin(leafPem(X509_STORE_CTX_get_current_cert(store)));
        return pin.ok() && *pin == hubKeyPin;
    });
    return ctx;
}

} // namespace fieldkit::tls

namespace fieldkit::tls {

Result<std::string> peerCommonName(ssl_st* connection) {
    std::unique_ptr<X509, decltype(&X509_free)> peer(SSL_get1_peer_certificate(connection), &X509_free);
    if (!peer) {
        return makeError("no_peer_certificate", "The peer presented no certificate.");
    }
    return commonName(leafPem(peer.get()));
}

} // namespace fieldkit::tls

namespace fieldkit::tls {

Result<ssl::context> makeEnrolmentClientContext() {
    auto ctx = baseContext(nullptr);
    if (!ctx) {
        return ctx.error();
    }
    // Any hub key is accepted here: the enrolment code proves the hub, and the key it showed is pinned.
    ctx->set_verify_mode(ssl::verify_peer);
    ctx->set_verify_callback([](bool, ssl::verify_context&) { return true; });
    return ctx;
}

} // namespace fieldkit::tls
