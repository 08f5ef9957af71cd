#include <array>
#include <fieldkit/tls/pki.hpp>
#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace fieldkit::tls {
namespace {

template <typename T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const { Free(p); }
};
using PKey = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using Req = std::unique_ptr<X509_REQ, Deleter<X509_REQ, X509_REQ_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

Error openssl(const std::string& what) {
    return makeError("pki_failed", "Could not " + what + ".");
}

Bio memoryBio(const std::string& pem) {
    return Bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
}

std::string drain(BIO* bio) {
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<std::size_t>(len));
}

PKey readKey(const std::string& pem) {
    return PKey(PEM_read_bio_PrivateKey(memoryBio(pem).get(), nullptr, nullptr, nullptr));
}
Cert readCert(const std::string& pem) {
    return Cert(PEM_read_bio_X509(memoryBio(pem).get(), nullptr, nullptr, nullptr));
}

std::string keyToPem(EVP_PKEY* key) {
    Bio out(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(out.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    return drain(out.get());
}

std::string certToPem(X509* cert) {
    Bio out(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(out.get(), cert);
    return drain(out.get());
}

bool setName(X509_NAME* name, const std::string& cn) {
    return X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char*>("fieldkit"), -1, -1, 0) == 1 &&
           X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1, 0) == 1;
}

bool addExtension(X509* cert, X509* issuer, int nid, const char* value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (ext == nullptr) {
        return false;
    }
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

bool addRoleExtensions(X509* cert, X509* issuer, CertRole role) {
    switch (role) {
    case CertRole::Authority:
        return addExtension(cert, issuer, NID_basic_constraints, "critical,CA:TRUE,pathlen:0") &&
               addExtension(cert, issuer, NID_key_usage, "critical,keyCertSign,cRLSign") &&
               addExtension(cert, issuer, NID_subject_key_identifier, "hash");
    case CertRole::Server:
        return addExtension(cert, issuer, NID_basic_constraints, "critical,CA:FALSE") &&
               addExtension(cert, issuer, NID_key_usage, "critical,digitalSignature") &&
               addExtension(cert, issuer, NID_ext_key_usage, "serverAuth") &&
               addExtension(cert, issuer, NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1");
    case CertRole::Client:
        return addExtension(cert, issuer, NID_basic_constraints, "critical,CA:FALSE") &&
               addExtension(cert, issuer, NID_key_usage, "critical,digitalSignature") &&
               addExtension(cert, issuer, NID_ext_key_usage, "clientAuth");
    }
    return false;
}

Result<Cert> newCertificate(EVP_PKEY* subjectKey, const std::string& cn, std::uint64_t serial,
                            int validDays) {
    Cert cert(X509_new());
    if (!cert || X509_set_version(cert.get(), 2) != 1 ||
        ASN1_INTEGER_set_uint64(X509_get_serialNumber(cert.get()), serial) != 1 ||
        X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) == nullptr ||
        X509_gmtime_adj(X509_getm_notAfter(cert.get()), static_cast<long>(validDays) * 86400) == nullptr ||
        X509_set_pubkey(cert.get(), subjectKey) != 1 || !setName(X509_get_subject_name(cert.get()), cn)) {
        return openssl("prepare the certificate");
    }
    return cert;
}

/** Ed25519 signs the message itself; other key types (the console's P-256 key) sign a SHA-256 digest. */
const EVP_MD* requestDigest(EVP_PKEY* key) {
    return EVP_PKEY_get_id(key) == EVP_PKEY_ED25519 ? nullptr : EVP_sha256();
}

} // namespace

Result<std::string> generateEcdsaP256Key() {
    PKey key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!key) {
        return openssl("generate a P-256 key");
    }
    return keyToPem(key.get());
}

Result<std::string> generatePrivateKey() {
    PKey key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
    if (!key) {
        return openssl("generate an Ed25519 key");
    }
    return keyToPem(key.get());
}

Result<Credentials> createAuthority(const std::string& commonName, int validDays) {
    auto keyPem = generatePrivateKey();
    if (!keyPem) {
        return keyPem.error();
    }
    PKey key = readKey(*keyPem);
    auto cert = newCertificate(key.get(), commonName, 1, validDays);
    if (!cert) {
        return cert.error();
    }
    X509* c = cert->get();
    if (X509_set_issuer_name(c, X509_get_subject_name(c)) != 1 ||
        !addRoleExtensions(c, c, CertRole::Authority) || X509_sign(c, key.get(), nullptr) <= 0) {
        return openssl("sign the authority certificate");
    }
    return Credentials{*keyPem, certToPem(c)};
}

Result<std::string> createSigningRequest(const std::string& keyPem, const std::string& cn) {
    PKey key = readKey(keyPem);
    Req req(X509_REQ_new());
    if (!key || !req || !setName(X509_REQ_get_subject_name(req.get()), cn) ||
        X509_REQ_set_pubkey(req.get(), key.get()) != 1 ||
        X509_REQ_sign(req.get(), key.get(), requestDigest(key.get())) <= 0) {
        return openssl("create the certificate request");
    }
    Bio out(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509_REQ(out.get(), req.get());
    return drain(out.get());
}

Result<std::string> issueCertificate(const Credentials& authority, const std::string& csrPem,
                                     const std::string& cn, CertRole role, int validDays,
                                     std::uint64_t serial) {
    Req req(PEM_read_bio_X509_REQ(memoryBio(csrPem).get(), nullptr, nullptr, nullptr));
    if (!req) {
        return makeError("bad_csr", "The certificate request is not valid PEM.");
    }
    PKey requestKey(X509_REQ_get_pubkey(req.get()));
    if (!requestKey || X509_REQ_verify(req.get(), requestKey.get()) != 1) {
        return makeError("bad_csr", "The certificate request is not signed by its own key.");
    }
    PKey caKey = readKey(authority.keyPem);
    Cert caCert = readCert(authority.certPem);
    if (!caKey || !caCert) {
        return openssl("read the authority's key and certificate");
    }
    auto cert = newCertificate(requestKey.get(), cn, serial, validDays);
    if (!cert) {
        return cert.error();
    }
    X509* c = cert->get();
    if (X509_set_issuer_name(c, X509_get_subject_name(caCert.get())) != 1 ||
        !addRoleExtensions(c, caCert.get(), role) || X509_sign(c, caKey.get(), nullptr) <= 0) {
        return openssl("sign the certificate");
    }
    return certToPem(c);
}

Result<std::string> publicKeyPin(const std::string& certPem) {
    Cert cert = readCert(certPem);
    if (!cert) {
        return makeError("bad_certificate", "The certificate is not valid PEM.");
    }
    unsigned char* der = nullptr;
    const int len = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(cert.get()), &der);
    if (len <= 0) {
        return openssl("encode the public key");
    }
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int digestLen = 0;
    const bool ok =
        EVP_Digest(der, static_cast<std::size_t>(len), digest.data(), &digestLen, EVP_sha256(), nullptr) == 1;
    OPENSSL_free(der);
    if (!ok) {
        return openssl("hash the public key");
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    for (unsigned int i = 0; i < digestLen; ++i) {
        hex += kHex[digest[i] >> 4];
        hex += kHex[digest[i] & 0xf];
    }
    return hex;
}

Result<std::string> commonName(const std::string& certPem) {
    Cert cert = readCert(certPem);
    if (!cert) {
        return makeError("bad_certificate", "The certificate is not valid PEM.");
    }
    std::array<char, 256> buffer{};
    const int len = X509_NAME_get_text_by_NID(X509_get_subject_name(cert.get()), NID_commonName,
                                              buffer.data(), static_cast<int>(buffer.size()));
    if (len <= 0) {
        return makeError("bad_certificate", "The certificate names no subject.");
    }
    return std::string(buffer.data(), static_cast<std::size_t>(len));
}

} // namespace fieldkit::tls
