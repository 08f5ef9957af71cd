#include "test_support.hpp"

#include <fieldkit/crypto/key_slot.hpp>

using namespace fieldkit::crypto;

TEST_CASE("a key slot round-trips the data key") {
    const DataKey dek = DataKey::generate();
    const auto params = test::cheapParams();
    auto slot = wrapKey(dek, "2468", params);
    REQUIRE(slot.ok());
    CHECK(slot->bytes.size() == 34 + 24 + 32 + 16);

    auto opened = unwrapKey(*slot, "2468");
    REQUIRE(opened.ok());
    CHECK(opened->secret().equals(dek.secret()));

    auto read = kdfParamsOf(*slot);
    REQUIRE(read.ok());
    CHECK(*read == params);
    CHECK(read->alg == KdfAlgorithm::argon2id13);
}

TEST_CASE("a wrong PIN is wrong_pin") {
    const DataKey dek = DataKey::generate();
    auto slot = wrapKey(dek, "2468", test::cheapParams());
    REQUIRE(slot.ok());
    auto opened = unwrapKey(*slot, "2469");
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == errc::wrong_pin);
    CHECK(unwrapKey(*slot, "").error().code == errc::wrong_pin);
}

TEST_CASE("a tampered slot never opens") {
    const DataKey dek = DataKey::generate();
    auto slot = wrapKey(dek, "2468", test::cheapParams());
    REQUIRE(slot.ok());

    SUBCASE("every byte of the ciphertext and salt is authenticated") {
        // Skip the cost fields: changing them is caught by range checks or changes the derived key
        // (wrong_pin).
        for (std::size_t i = 18; i < slot->bytes.size(); ++i) {
            WrappedKey bad = *slot;
            bad.bytes[i] ^= 0x01;
            CHECK(unwrapKey(bad, "2468").error().code == errc::wrong_pin);
        }
    }
    SUBCASE("raised memory cost is refused before hashing") {
        WrappedKey bad = *slot;
        bad.bytes[17] = 0x7f; // memlimit high byte: far beyond the accepted range
        CHECK(unwrapKey(bad, "2468").error().code == errc::invalid_kdf_params);
    }
    SUBCASE("unknown algorithm") {
        WrappedKey bad = *slot;
        bad.bytes[1] = 1; // argon2i13
        CHECK(unwrapKey(bad, "2468").error().code == errc::invalid_kdf_params);
    }
    SUBCASE("truncated, extended, versioned") {
        for (std::size_t size : {std::size_t{0}, std::size_t{1}, std::size_t{20}, slot->bytes.size() - 1}) {
            WrappedKey bad{
                Bytes(slot->bytes.begin(), slot->bytes.begin() + static_cast<std::ptrdiff_t>(size))};
            CHECK(unwrapKey(bad, "2468").error().code == errc::truncated);
        }
        WrappedKey longer = *slot;
        longer.bytes.push_back(0);
        CHECK(unwrapKey(longer, "2468").error().code == errc::malformed);
        WrappedKey future = *slot;
        future.bytes[0] = 2;
        CHECK(unwrapKey(future, "2468").error().code == errc::unsupported_version);
    }
}

TEST_CASE("changing the PIN re-wraps the same data key") {
    const DataKey dek = DataKey::generate();
    auto slot = wrapKey(dek, "1111", test::cheapParams());
    REQUIRE(slot.ok());
    auto changed = rewrapKey(*slot, "1111", "2222", test::cheapParams());
    REQUIRE(changed.ok());
    CHECK(unwrapKey(*changed, "1111").error().code == errc::wrong_pin);
    auto opened = unwrapKey(*changed, "2222");
    REQUIRE(opened.ok());
    CHECK(opened->secret().equals(dek.secret()));
    CHECK(rewrapKey(*slot, "9999", "2222", test::cheapParams()).error().code == errc::wrong_pin);
}

TEST_CASE("out-of-range parameters are refused when wrapping") {
    const DataKey dek = DataKey::generate();
    CHECK(wrapKey(dek, "1", KdfParams::withCosts(0, 8192)).error().code == errc::invalid_kdf_params);
    CHECK(wrapKey(dek, "1", KdfParams::withCosts(1, 1024)).error().code == errc::invalid_kdf_params);
}

TEST_CASE("calibration never goes below 64 MiB and 3 passes") {
    auto params = calibrateKdf(1);
    REQUIRE(params.ok());
    CHECK(params->memlimit >= kMinSlotMemlimit);
    CHECK(params->opslimit == 3);
    CHECK(params->alg == KdfAlgorithm::argon2id13);
    auto other = calibrateKdf(1, 1024);
    REQUIRE(other.ok());
    CHECK(other->memlimit == kMinSlotMemlimit);
    CHECK(other->salt != params->salt);
}

TEST_CASE("planOpslimit scales passes to the target") {
    CHECK(planOpslimit(1000, 100) == 10);
    CHECK(planOpslimit(1000, 90) == 11);
    CHECK(planOpslimit(1000, 800) == 3);
    CHECK(planOpslimit(1000, 0) == 3);
    CHECK(planOpslimit(1e9, 0.001) == 1000);
}
