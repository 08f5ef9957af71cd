#include <doctest/doctest.h>
#include <fieldkit/crypto/box_key_pair.hpp>
#include <fieldkit/engine/enrolment_proof.hpp>
#include <fieldkit/hub/enrolment_service.hpp>
#include <fieldkit/tls/pki.hpp>
#include <filesystem>
#include <optional>
#include <random>

using namespace fieldkit;
using namespace fieldkit::hub;

namespace {

/** A real center in a temporary folder, a unit, a clock the test moves, and a device that wants in. */
struct EnrolmentFixture {
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("fieldkit-enrol-" + std::to_string(std::random_device{}()));
    std::optional<Center> center;
    std::int64_t now = 1'000'000;
    std::optional<EnrolmentService> service;
    crypto::BoxKeyPair deviceBox = crypto::BoxKeyPair::generate();
    tls::Bytes binding = tls::Bytes(32, 5);

    EnrolmentFixture() {
        REQUIRE(initCenter(CenterDir{dir}).ok());
        auto opened = openCenter(CenterDir{dir});
        REQUIRE(opened.ok());
        center.emplace(std::move(*opened));
        REQUIRE(addUnit(*center, "bike-07").ok());
        service.emplace(*center, [this] { return now; });
    }
    ~EnrolmentFixture() {
        service.reset();
        center.reset();
        std::filesystem::remove_all(dir);
    }

    protocol::EnrolRequest request(const tls::EnrolmentCode& code, const std::string& deviceId) const {
        protocol::EnrolRequest r;
        r.set_protocol_version(protocol::kProtocolVersion);
        const auto lookup = code.lookup();
        r.set_code_lookup(std::string(lookup.begin(), lookup.end()));
        r.set_device_id(deviceId);
        const auto& pk = deviceBox.publicKey().bytes;
        r.set_box_public_key(std::string(pk.begin(), pk.end()));
        r.set_csr_pem(*tls::createSigningRequest(*tls::generatePrivateKey(), "whatever the device asks"));
        const auto mac = engine::requestMac(code.macKey(), binding, r);
        r.set_mac(std::string(mac.begin(), mac.end()));
        return r;
    }
};

const std::string kDeviceA(32, 'a');
const std::string kDeviceB(32, 'b');

} // namespace

TEST_CASE("a valid code enrols the device once: certificate for its id, keys, and the hub's proof") {
    EnrolmentFixture f;
    auto code = createEnrolmentCode(*f.center, "bike-07", std::chrono::hours(24), f.now);
    REQUIRE(code.ok());
    const auto req = f.request(*code, kDeviceA);
    const auto reply = f.service->enrol(req, f.binding);
    REQUIRE_MESSAGE(reply.status() == protocol::EnrolReply::OK, reply.reason());
    CHECK(*tls::commonName(reply.certificate_pem()) == kDeviceA);
    CHECK(reply.hub_key_pin() == *tls::publicKeyPin(f.center->hub.certPem));
    CHECK(reply.unit() == "bike-07");
    const tls::Bytes mac(reply.mac().begin(), reply.mac().end());
    CHECK(tls::macEquals(mac, engine::replyMac(code->macKey(), f.binding, req, reply)));
    // The unit's secret opens with the device's box key only.
    auto unitPair = crypto::openSealedBoxKeyPair(f.deviceBox, crypto::asBytes(reply.unit_secret_sealed()));
    CHECK(unitPair.ok());
    CHECK(f.center->store->devices().device(kDeviceA)->unit == "bike-07");

    const auto again = f.service->enrol(f.request(*code, kDeviceB), f.binding);
    CHECK(again.status() == protocol::EnrolReply::REFUSED);
    CHECK(again.reason() == "The enrolment code has already been used; ask for a new one.");
    CHECK(again.certificate_pem().empty());
    CHECK_FALSE(f.center->store->devices().device(kDeviceB).ok());
}

TEST_CASE("an expired code, a proof made on another connection and an unknown code are refused") {
    EnrolmentFixture f;
    auto code = createEnrolmentCode(*f.center, "bike-07", std::chrono::seconds(60), f.now);
    REQUIRE(code.ok());
    const auto req = f.request(*code, kDeviceA);

    const auto relayed = f.service->enrol(req, tls::Bytes(32, 6));
    CHECK(relayed.reason() == "The enrolment code is not valid for this center.");
    const auto unknown = f.service->enrol(f.request(*tls::EnrolmentCode::generate(), kDeviceA), f.binding);
    CHECK(unknown.reason() == "The enrolment code is not valid for this center.");

    f.now += 60'000;
    const auto late = f.service->enrol(req, f.binding);
    CHECK(late.status() == protocol::EnrolReply::REFUSED);
    CHECK(late.reason() == "The enrolment code has expired; ask for a new one.");
    CHECK_FALSE(f.center->store->devices().device(kDeviceA).ok());
}

TEST_CASE("a refused registration leaves the code unused") {
    EnrolmentFixture f;
    REQUIRE(f.center->store->devices().registerDevice(kDeviceA, "bike-07").ok());
    auto code = createEnrolmentCode(*f.center, "bike-07", std::chrono::hours(1), f.now);
    REQUIRE(code.ok());
    const auto taken = f.service->enrol(f.request(*code, kDeviceA), f.binding);
    CHECK(taken.status() == protocol::EnrolReply::REFUSED);
    CHECK(taken.reason().find("already enrolled") != std::string::npos);
    CHECK(f.center->store->devices().enrolmentCode(code->lookup())->usedMs == 0);
    CHECK(f.service->enrol(f.request(*code, kDeviceB), f.binding).status() == protocol::EnrolReply::OK);
}
