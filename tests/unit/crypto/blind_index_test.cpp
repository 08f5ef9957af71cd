#include "test_support.hpp"

#include <fieldkit/crypto/blind_index.hpp>

using namespace fieldkit::crypto;

TEST_CASE("the blind index is deterministic per data key and differs across keys") {
    const DataKey dek = DataKey::generate();
    const DataKey other = DataKey::generate();
    const BlindIndex index(dek);
    const auto a = index.compute(asBytes("0102031234"));
    CHECK(a == BlindIndex(dek).compute(asBytes("0102031234")));
    CHECK(a != index.compute(asBytes("0102031235")));
    CHECK(a != BlindIndex(other).compute(asBytes("0102031234")));
}

TEST_CASE("the blind index is not a plain hash of the input") {
    // A zero data key still keys the hash through its subkey, so the index differs from unkeyed BLAKE2b.
    const auto zero = test::countingKey<DataKey>(0);
    CHECK(BlindIndex(zero).compute(asBytes("")) !=
          BlindIndex(test::countingKey<DataKey>(1)).compute(asBytes("")));
}
