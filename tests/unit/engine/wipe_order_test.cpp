#include <doctest/doctest.h>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/engine/wipe_order.hpp>

using namespace fieldkit;
using namespace fieldkit::engine;

namespace {

const std::string kDevice(32, 'a');

crypto::SigningKeyPair keyFromSeedByte(std::uint8_t b) {
    const std::vector<std::uint8_t> seed(32, b);
    return std::move(*crypto::SigningKeyPair::fromSeed(crypto::SecretBytes::copyOf(seed)));
}

std::string hexKey(const crypto::SigningKeyPair& pair) {
    return crypto::toHex(pair.publicKey().bytes);
}

} // namespace

TEST_CASE("a wipe order signed by the center verifies for the device it names") {
    const auto center = keyFromSeedByte(7);
    const auto order = signWipeOrder(center, kDevice, 1700000000000, "0f0e");
    CHECK(order.device_id() == kDevice);
    CHECK(order.signature().size() == 64);
    CHECK(checkWipeOrder(order, kDevice, hexKey(center)).ok());
}

TEST_CASE("a wipe order for another device is refused") {
    const auto center = keyFromSeedByte(7);
    const auto order = signWipeOrder(center, std::string(32, 'b'), 1700000000000, "0f0e");
    const auto st = checkWipeOrder(order, kDevice, hexKey(center));
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().code == "wrong_device");
}

TEST_CASE("a wipe order whose device, time or id was altered after signing is refused") {
    const auto center = keyFromSeedByte(7);
    const auto good = signWipeOrder(center, kDevice, 1700000000000, "0f0e");
    SUBCASE("device id relabelled to this device") {
        auto forged = signWipeOrder(center, std::string(32, 'b'), 1700000000000, "0f0e");
        forged.set_device_id(kDevice);
        CHECK(checkWipeOrder(forged, kDevice, hexKey(center)).error().code == "bad_signature");
    }
    SUBCASE("issue time") {
        auto forged = good;
        forged.set_issued_ms(good.issued_ms() + 1);
        CHECK(checkWipeOrder(forged, kDevice, hexKey(center)).error().code == "bad_signature");
    }
    SUBCASE("order id") {
        auto forged = good;
        forged.set_order_id("0f0f");
        CHECK(checkWipeOrder(forged, kDevice, hexKey(center)).error().code == "bad_signature");
    }
    SUBCASE("one bit of the signature") {
        auto forged = good;
        auto sig = forged.signature();
        sig[5] = static_cast<char>(sig[5] ^ 0x01);
        forged.set_signature(sig);
        CHECK(checkWipeOrder(forged, kDevice, hexKey(center)).error().code == "bad_signature");
    }
    SUBCASE("signature cut short") {
        auto forged = good;
        forged.set_signature(good.signature().substr(0, 63));
        CHECK(checkWipeOrder(forged, kDevice, hexKey(center)).error().code == "bad_signature");
    }
}

TEST_CASE("a wipe order signed with another key is refused") {
    const auto center = keyFromSeedByte(7);
    const auto intruder = keyFromSeedByte(8);
    const auto order = signWipeOrder(intruder, kDevice, 1700000000000, "0f0e");
    CHECK(checkWipeOrder(order, kDevice, hexKey(center)).error().code == "bad_signature");
}

TEST_CASE("a device without a pinned center signing key obeys no wipe order") {
    const auto center = keyFromSeedByte(7);
    const auto order = signWipeOrder(center, kDevice, 1700000000000, "0f0e");
    CHECK(checkWipeOrder(order, kDevice, "").error().code == "no_center_key");
    CHECK(checkWipeOrder(order, kDevice, "zz").error().code == "no_center_key");
}

TEST_CASE("an order without id or issue time is refused even when signed") {
    const auto center = keyFromSeedByte(7);
    CHECK(checkWipeOrder(signWipeOrder(center, kDevice, 1700000000000, ""), kDevice, hexKey(center))
              .error()
              .code == "malformed_order");
    CHECK(checkWipeOrder(signWipeOrder(center, kDevice, 0, "0f0e"), kDevice, hexKey(center)).error().code ==
          "malformed_order");
}

TEST_CASE("the signed bytes carry a domain label and keep fields apart") {
    const auto bytes = wipeOrderSignedBytes("ab", 1, "c");
    const std::string text(bytes.begin(), bytes.end());
    CHECK(text.find("fieldkit wipe order v1") != std::string::npos);
    // Moving a character from one field to the next gives other bytes (lengths are part of the encoding).
    CHECK(wipeOrderSignedBytes("ab", 1, "c") != wipeOrderSignedBytes("a", 1, "bc"));
}
