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

TEST_CASE("planOpslimit leaves room for the fixed cost of a run and never goes below 3 passes") {
    CHECK(planOpslimit(1000, 30, 70) == 31); // 70 + 31 × 30 = 1000
    CHECK(planOpslimit(1000, 30, 0) == 33);
    CHECK(planOpslimit(1000, 30, 2000) == 3); // a slow machine still gets the floor
    CHECK(planOpslimit(1000, 30, -5) == 33);  // a negative fit is treated as no fixed cost
}

TEST_CASE(
    "planOpslimit is monotone: more time allowed never means fewer passes, a costlier pass never more") {
    std::uint64_t previous = 0;
    for (double target = 50; target <= 5000; target += 50) {
        const auto passes = planOpslimit(target, 25, 60);
        CHECK(passes >= previous);
        CHECK(passes >= 3);
        previous = passes;
    }
    previous = planOpslimit(1000, 1, 60);
    for (double perPass = 1; perPass <= 600; perPass += 7) {
        const auto passes = planOpslimit(1000, perPass, 60);
        CHECK(passes <= previous);
        previous = passes;
    }
    previous = planOpslimit(1000, 20, 0);
    for (double fixed = 0; fixed <= 1200; fixed += 10) {
        const auto passes = planOpslimit(1000, 20, fixed);
        CHECK(passes <= previous);
        previous = passes;
    }
}

TEST_CASE("fitKdfTiming recovers the fixed and per-pass cost from a 1-pass and a 3-pass run") {
    const auto fit = fitKdfTiming(100, 160, 3); // fixed 70, 30 per pass
    CHECK(fit.msPerPass == doctest::Approx(30));
    CHECK(fit.fixedMs == doctest::Approx(70));
    // The plan from the fit lands on the target the old single-run estimate undershot by a factor of three.
    CHECK(planOpslimit(1000, fit.msPerPass, fit.fixedMs) == 31);
    CHECK(planOpslimit(1000, 100) == 10);

    const auto noisy = fitKdfTiming(100, 95, 3); // the longer run measured faster: no slope to trust
    CHECK(noisy.msPerPass == doctest::Approx(100));
    CHECK(noisy.fixedMs == doctest::Approx(0));
    const auto broken = fitKdfTiming(-1, 95, 3);
    CHECK(planOpslimit(1000, broken.msPerPass, broken.fixedMs) == 3);
}
