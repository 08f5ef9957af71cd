#include <doctest/doctest.h>
#include <fieldkit/tls/pki.hpp>
#include <fieldkit/tls/random_id.hpp>
#include <fieldkit/tls/tls_context.hpp>

using namespace fieldkit::tls;

TEST_CASE("the center's CA issues a client certificate that names the device and pins stably") {
    auto ca = createAuthority("test CA", 10);
    REQUIRE(ca.ok());
    auto key = generatePrivateKey();
    auto csr = createSigningRequest(*key, "asked-for-name");
    REQUIRE(csr.ok());
    auto cert = issueCertificate(*ca, *csr, "device-1", CertRole::Client, 30, 7);
    REQUIRE(cert.ok());
    CHECK(commonName(*cert).value() == "device-1"); // the center decides the name, not the request
    auto pin = publicKeyPin(*cert);
    REQUIRE(pin.ok());
    CHECK(pin->size() == 64);
    CHECK(publicKeyPin(*cert).value() == *pin);
    CHECK(publicKeyPin(ca->certPem).value() != *pin);
    CHECK(makeClientContext(Credentials{*key, *cert}, *pin).ok());
    CHECK(makeServerContext(Credentials{*key, *cert}, ca->certPem, {}).ok());
}

TEST_CASE("bad input to the PKI is a clear error") {
    auto ca = createAuthority("test CA", 10);
    CHECK(issueCertificate(*ca, "not a csr", "x", CertRole::Client, 1, 2).error().code == "bad_csr");
    CHECK(publicKeyPin("garbage").error().code == "bad_certificate");
    CHECK(makeClientContext(Credentials{"no key", "no cert"}, "pin").error().code == "tls_credentials");
    CHECK(randomHex(16).value().size() == 32);
    CHECK(randomHex(16).value() != randomHex(16).value());
}
