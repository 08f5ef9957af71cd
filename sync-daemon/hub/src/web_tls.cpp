#include <fieldkit/common/files.hpp>
#include <fieldkit/hub/web_tls.hpp>
#include <openssl/ssl.h>

namespace fieldkit::hub {

Result<boost::asio::ssl::context> makeWebTlsContext(const tls::Credentials& credentials) {
    boost::asio::ssl::context ctx(boost::asio::ssl::context::tls_server);
    SSL_CTX* native = ctx.native_handle();
    if (SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION) != 1 ||
        SSL_CTX_set_max_proto_version(native, TLS1_3_VERSION) != 1 ||
        SSL_CTX_set_cipher_list(native, "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
                                        "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-AES128-GCM-SHA256:"
                                        "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-CHACHA20-POLY1305") != 1 ||
        SSL_CTX_set_ciphersuites(native, "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:"
                                         "TLS_CHACHA20_POLY1305_SHA256") != 1 ||
        SSL_CTX_set1_groups_list(native, "X25519:P-256:P-384") != 1) {
        return makeError("tls_setup", "Could not restrict TLS to modern versions and suites.");
    }
    SSL_CTX_set_options(native, SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_COMPRESSION | SSL_OP_NO_TICKET |
                                    SSL_OP_CIPHER_SERVER_PREFERENCE);
    boost::system::error_code ec;
    ctx.use_certificate_chain(boost::asio::buffer(credentials.certPem), ec);
    if (!ec) {
        ctx.use_private_key(boost::asio::buffer(credentials.keyPem), boost::asio::ssl::context::pem, ec);
    }
    if (ec) {
        return makeError("tls_credentials", "The web listener's TLS certificate or key could not be loaded.");
    }
    return ctx;
}

Result<tls::Credentials> webCredentials(HubCenter& center, const CenterDir& dir, const std::string& name,
                                        const std::string& commonName,
                                        const std::optional<std::filesystem::path>& certFile,
                                        const std::optional<std::filesystem::path>& keyFile) {
    const auto certPath = dir.root / (name + ".crt");
    const auto keyPath = dir.root / (name + ".key");
    if (certFile || keyFile) {
        if (!certFile || !keyFile) {
            return makeError("usage", "--cert and --key go together.");
        }
        auto cert = common::readFile(*certFile);
        auto key = common::readFile(*keyFile);
        if (!cert || !key) {
            return makeError("tls_credentials",
                             "The web listener's certificate or key file could not be read.");
        }
        return tls::Credentials{std::move(*key), std::move(*cert)};
    }
    std::error_code ec;
    if (std::filesystem::exists(certPath, ec) && std::filesystem::exists(keyPath, ec)) {
        auto cert = common::readFile(certPath);
        auto key = common::readFile(keyPath);
        if (!cert || !key) {
            return makeError("tls_credentials",
                             "The web listener's certificate or key file could not be read.");
        }
        return tls::Credentials{std::move(*key), std::move(*cert)};
    }
    auto key = tls::generateEcdsaP256Key();
    if (!key) {
        return key.error();
    }
    auto csr = tls::createSigningRequest(*key, commonName);
    if (!csr) {
        return csr.error();
    }
    auto serial = center.store->units().nextCertificateSerial();
    if (!serial) {
        return serial.error();
    }
    auto cert =
        tls::issueCertificate(center.authority, *csr, commonName, tls::CertRole::Server, 397, *serial);
    if (!cert) {
        return cert.error();
    }
    if (auto st = common::writeFileAtomic(keyPath, *key, true); !st) {
        return st.error();
    }
    if (auto st = common::writeFileAtomic(certPath, *cert, false); !st) {
        return st.error();
    }
    return tls::Credentials{std::move(*key), std::move(*cert)};
}

} // namespace fieldkit::hub
