#include <algorithm>
#include <array>
#include <cctype>
#include <fieldkit/tls/enrolment_code.hpp>
#include <memory>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>

namespace fieldkit::tls {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford: no I, L, O, U
// 28 characters of 5 bits: 140 bits, so that even with the center's database (which keeps values derived from
// the code, and the unit key wrapped under one) an offline search for the code is hopeless.
constexpr std::size_t kCodeLength = 28;
constexpr std::size_t kGroupLength = 4;

Bytes sha256(std::string_view domain, std::string_view value) {
    Bytes input(domain.begin(), domain.end());
    input.push_back(0);
    input.insert(input.end(), value.begin(), value.end());
    Bytes digest(32);
    unsigned int length = 0;
    EVP_Digest(input.data(), input.size(), digest.data(), &length, EVP_sha256(), nullptr);
    return digest;
}

} // namespace

Result<EnrolmentCode> EnrolmentCode::parse(std::string_view typed) {
    std::string code;
    for (char c : typed) {
        if (c == '-' || c == ' ') {
            continue;
        }
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        c = c == 'O' ? '0' : (c == 'I' || c == 'L') ? '1' : c;
        if (kAlphabet.find(c) == std::string_view::npos) {
            return makeError("bad_code", "An enrolment code has only letters and digits (dashes optional).");
        }
        code += c;
    }
    if (code.size() != kCodeLength) {
        return makeError("bad_code", "An enrolment code has " + std::to_string(kCodeLength) +
                                         " letters and digits; this one has " + std::to_string(code.size()) +
                                         ".");
    }
    return EnrolmentCode{code};
}

Result<EnrolmentCode> EnrolmentCode::generate() {
    std::array<unsigned char, kCodeLength> random{};
    if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1) {
        return makeError("no_randomness", "Could not draw a random enrolment code.");
    }
    std::string code;
    for (const auto byte : random) {
        code += kAlphabet[byte % kAlphabet.size()]; // 256 is a multiple of 32: no bias
    }
    return EnrolmentCode{code};
}

std::string EnrolmentCode::display() const {
    std::string out;
    for (std::size_t i = 0; i < normalised.size(); ++i) {
        if (i > 0 && i % kGroupLength == 0) {
            out += '-';
        }
        out += normalised[i];
    }
    return out;
}

Bytes EnrolmentCode::lookup() const {
    return sha256("fieldkit enrolment lookup v1", normalised);
}

Bytes EnrolmentCode::macKey() const {
    return sha256("fieldkit enrolment mac v1", normalised);
}

Bytes EnrolmentCode::unitKeyWrapKey() const {
    return sha256("fieldkit enrolment unit key v1", normalised);
}

Transcript& Transcript::add(std::string_view field) {
    const auto size = static_cast<std::uint32_t>(field.size());
    for (int shift = 24; shift >= 0; shift -= 8) {
        m_bytes.push_back(static_cast<std::uint8_t>(size >> shift));
    }
    m_bytes.insert(m_bytes.end(), field.begin(), field.end());
    return *this;
}

Transcript& Transcript::add(const Bytes& field) {
    return add(std::string_view(reinterpret_cast<const char*>(field.data()), field.size()));
}

Bytes transcriptMac(const Bytes& key, const Transcript& transcript) {
    Bytes mac(EVP_MAX_MD_SIZE);
    unsigned int length = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), transcript.bytes().data(),
         transcript.bytes().size(), mac.data(), &length);
    mac.resize(length);
    return mac;
}

bool macEquals(const Bytes& a, const Bytes& b) {
    return a.size() == b.size() && !a.empty() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

Result<Bytes> enrolmentChannelBinding(ssl_st* connection) {
    static constexpr std::string_view kLabel = "EXPORTER-fieldkit-enrolment-v1";
    Bytes out(32);
    if (SSL_export_keying_material(connection, out.data(), out.size(), kLabel.data(), kLabel.size(), nullptr,
                                   0, 0) != 1) {
        return makeError("tls_exporter", "The TLS connection could not derive its channel binding.");
    }
    return out;
}

Result<std::string> peerCertificatePem(ssl_st* connection) {
    std::unique_ptr<X509, decltype(&X509_free)> peer(SSL_get1_peer_certificate(connection), &X509_free);
    if (!peer) {
        return makeError("no_peer_certificate", "The peer presented no certificate.");
    }
    std::unique_ptr<BIO, decltype(&BIO_free_all)> bio(BIO_new(BIO_s_mem()), &BIO_free_all);
    PEM_write_bio_X509(bio.get(), peer.get());
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(len));
}

} // namespace fieldkit::tls
