#include <doctest/doctest.h>
#include <fieldkit/crypto/box_key_pair.hpp>
#include <fieldkit/crypto/key_wrap.hpp>
#include <fieldkit/engine/enrolment_proof.hpp>
#include <fieldkit/hub/enrolment_service.hpp>
#include <fieldkit/tls/pki.hpp>
#include <filesystem>
#include <optional>
#include <random>

using namespace fieldkit;
using namespace fieldkit::hub;

namespace {

/** A real center in a temporary folder, a unit, a clock the test moves, and a device that wants in. The
 *  administrator's Center makes codes; the service runs on a HubCenter opened as `fieldkit-hub serve` opens
 *  it, after the center's secret keys are moved out of the folder. */
struct EnrolmentFixture {
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("fieldkit-enrol-" + std::to_string(std::random_device{}()));
    std::optional<Center> center;
    std::optional<HubCenter> hubCenter;
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
        const CenterDir d{dir};
        std::filesystem::remove(d.centerKey());
        std::filesystem::remove(d.centerSigningKey());
        auto served = openHubCenter(d);
        REQUIRE_MESSAGE(served.ok(), (served.ok() ? "" : served.error().message));
        hubCenter.emplace(std::move(*served));
        service.emplace(*hubCenter, [this] { return now; });
    }
    ~EnrolmentFixture() {
        service.reset();
        hubCenter.reset();
        center.reset();
        std::filesystem::remove_all(dir);
    }

    protocol::EnrolRequest request(const tls::EnrolmentCode& code, const std::string& deviceId) const {
        protocol::EnrolRequest r;
        r.set_protocol_version(protocol::kEnrolmentVersion);
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
    // The unit's secret comes wrapped under the code: it opens with the code (which the hub never had), bound
    // to this unit and code, and the center keeps no copy once the code is used.
    CHECK(reply.unit_secret_sealed().empty());
    const auto wrapKey =
        *crypto::EnrolmentCodeKey::fromSecret(crypto::SecretBytes::copyOf(code->unitKeyWrapKey()));
    auto unitSecret = crypto::unwrapUnderCodeKey(wrapKey, crypto::asBytes(reply.unit_secret_under_code()),
                                                 engine::unitKeyBinding("bike-07", code->lookup()));
    REQUIRE(unitSecret.ok());
    const auto unit = *f.center->store->units().unit("bike-07");
    auto expected = crypto::openSealedBoxKeyPair(f.center->centerKey, unit.sealedSecret);
    CHECK(unitSecret->equals(expected->secret()));
    CHECK_FALSE(crypto::unwrapUnderCodeKey(wrapKey, crypto::asBytes(reply.unit_secret_under_code()),
                                           engine::unitKeyBinding("car-01", code->lookup()))
                    .ok());
    CHECK(f.center->store->devices().enrolmentCode(code->lookup())->unitKeyWrapped.empty());
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

    CHECK_FALSE(f.center->store->devices().enrolmentCode(code->lookup())->unitKeyWrapped.empty());
    f.now += 60'000;
    const auto late = f.service->enrol(req, f.binding);
    CHECK(late.status() == protocol::EnrolReply::REFUSED);
    CHECK(late.reason() == "The enrolment code has expired; ask for a new one.");
    CHECK_FALSE(f.center->store->devices().device(kDeviceA).ok());
    // An expired code's wrapped unit key is gone from the store.
    CHECK(f.center->store->devices().enrolmentCode(code->lookup())->unitKeyWrapped.empty());
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

TEST_CASE("the hub opens its center without the center secret keys, an administrator needs them") {
    const auto dir =
        std::filesystem::temp_directory_path() / ("fieldkit-keys-" + std::to_string(std::random_device{}()));
    const CenterDir d{dir};
    REQUIRE(initCenter(d).ok());
    {
        auto admin = openCenter(d);
        REQUIRE(admin.ok());
        // The public halves beside the secrets are what the hub reads.
        auto served = openHubCenter(d);
        REQUIRE(served.ok());
        CHECK(served->centerPublicKey == admin->centerKey.publicKey());
        CHECK(served->signingPublicKey == admin->signingKey.publicKey());
    }
    std::filesystem::remove(d.centerKey());
    std::filesystem::remove(d.centerSigningKey());
    CHECK(openHubCenter(d).ok());
    CHECK(openCenter(d).error().message == "The center folder lacks its center key.");
    // A center from before the public key files: the next administrator's open writes them.
    std::filesystem::remove_all(dir);
    REQUIRE(initCenter(d).ok());
    std::filesystem::remove(d.centerPublicKey());
    std::filesystem::remove(d.centerSigningPublicKey());
    CHECK(openHubCenter(d).error().code == "center_incomplete");
    REQUIRE(openCenter(d).ok());
    CHECK(openHubCenter(d).ok());
    std::filesystem::remove_all(dir);
}
