#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <string>

namespace fieldkit::tls {

/** A private key and its certificate, both PEM. */
struct Credentials {
    std::string keyPem;
    std::string certPem;
};

/** What a certificate is for; decides its extensions. */
enum class CertRole { Authority, Server, Client };

/** A fresh Ed25519 private key, PEM (PKCS#8). */
[[nodiscard]] Result<std::string> generatePrivateKey();

/** A fresh ECDSA P-256 private key, PEM: for the center console's HTTPS certificate, because browsers offer
 *  no Ed25519 in TLS. */
[[nodiscard]] Result<std::string> generateEcdsaP256Key();

/** A self-signed certificate authority for one municipal center. */
[[nodiscard]] Result<Credentials> createAuthority(const std::string& commonName, int validDays);

/** A certificate signing request for `keyPem`, naming `commonName`. */
[[nodiscard]] Result<std::string> createSigningRequest(const std::string& keyPem,
                                                       const std::string& commonName);

/** Signs a request with the authority; the subject is `commonName` whatever the request asked for. */
[[nodiscard]] Result<std::string> issueCertificate(const Credentials& authority, const std::string& csrPem,
                                                   const std::string& commonName, CertRole role,
                                                   int validDays, std::uint64_t serial);

/** Hex SHA-256 of the certificate's SubjectPublicKeyInfo: what a device pins to recognise its hub. */
[[nodiscard]] Result<std::string> publicKeyPin(const std::string& certPem);

/** The subject common name of a certificate (device id for client certificates). */
[[nodiscard]] Result<std::string> commonName(const std::string& certPem);

} // namespace fieldkit::tls
