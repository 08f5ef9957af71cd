#include <doctest/doctest.h>
#include <fieldkit/engine/enrolment_proof.hpp>

using namespace fieldkit;
using namespace fieldkit::engine;

namespace {

protocol::EnrolRequest request() {
    protocol::EnrolRequest r;
    r.set_protocol_version(1);
    r.set_code_lookup(std::string(32, 'L'));
    r.set_device_id(std::string(32, 'a'));
    r.set_box_public_key(std::string(32, 'B'));
    r.set_csr_pem("-----BEGIN CERTIFICATE REQUEST-----");
    return r;
}

protocol::EnrolReply reply() {
    protocol::EnrolReply r;
    r.set_certificate_pem("-----BEGIN CERTIFICATE-----");
    r.set_hub_key_pin(std::string(64, 'f'));
    r.set_center_public_key(std::string(32, 'C'));
    r.set_center_signing_key(std::string(32, 'S'));
    r.set_unit("bike-07");
    r.set_unit_public_key(std::string(32, 'U'));
    r.set_unit_secret_under_code(std::string(74, 'W'));
    return r;
}

} // namespace

TEST_CASE("the request MAC binds the code's key, the connection and every field") {
    const tls::Bytes key(32, 1);
    const tls::Bytes binding(32, 2);
    const auto mac = requestMac(key, binding, request());
    CHECK(mac.size() == 32);
    CHECK(requestMac(key, binding, request()) == mac);
    CHECK(requestMac(tls::Bytes(32, 9), binding, request()) != mac); // a hub or device without the code
    CHECK(requestMac(key, tls::Bytes(32, 3), request()) != mac);     // relayed onto another connection
    auto other = request();
    other.set_box_public_key(std::string(32, 'E')); // a swapped box key would get the unit key
    CHECK(requestMac(key, binding, other) != mac);
    other = request();
    other.set_csr_pem("-----BEGIN CERTIFICATE REQUEST----- other");
    CHECK(requestMac(key, binding, other) != mac);
}

TEST_CASE("the reply MAC answers exactly this request and covers every key handed over") {
    const tls::Bytes key(32, 1);
    const tls::Bytes binding(32, 2);
    auto req = request();
    req.set_mac("first");
    const auto mac = replyMac(key, binding, req, reply());
    auto replayed = req;
    replayed.set_mac("second");
    CHECK(replyMac(key, binding, replayed, reply()) != mac);
    CHECK(replyMac(tls::Bytes(32, 9), binding, req, reply()) != mac);
    auto swapped = reply();
    swapped.set_hub_key_pin(std::string(64, 'e')); // another hub's key pinned
    CHECK(replyMac(key, binding, req, swapped) != mac);
    swapped = reply();
    swapped.set_center_signing_key(std::string(32, 'T')); // someone else's wipe orders accepted
    CHECK(replyMac(key, binding, req, swapped) != mac);
    swapped = reply();
    swapped.set_unit_secret_under_code(std::string(74, 'V')); // another unit's key (it would not open anyway)
    CHECK(replyMac(key, binding, req, swapped) != mac);
}

TEST_CASE("a unit key wrapped under a code is bound to the unit and the code's lookup") {
    const tls::Bytes lookup(32, 4);
    CHECK(unitKeyBinding("bike-07", lookup) == unitKeyBinding("bike-07", lookup));
    CHECK(unitKeyBinding("bike-07", lookup) != unitKeyBinding("bike-08", lookup));
    CHECK(unitKeyBinding("bike-07", lookup) != unitKeyBinding("bike-07", tls::Bytes(32, 5)));
}
