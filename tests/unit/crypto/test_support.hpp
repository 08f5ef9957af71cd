#pragma once

#include <array>
#include <cstdint>
#include <doctest/doctest.h>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/crypto/key_slot.hpp>
#include <fieldkit/crypto/random_source.hpp>
#include <fieldkit/crypto/secret_bytes.hpp>
#include <string_view>

namespace fieldkit::crypto::test {

/** Deterministic "randomness": consecutive byte values from `start`, so known-answer tests pin every byte. */
class CountingRandom final : public RandomSource {
public:
    explicit CountingRandom(std::uint8_t start = 0)
        : m_next(start) {}
    void fill(std::span<std::uint8_t> out) override {
        for (auto& b : out) {
            b = m_next++;
        }
    }

private:
    std::uint8_t m_next;
};

inline Bytes hex(std::string_view text) {
    auto bytes = fromHex(text);
    REQUIRE(bytes.ok());
    return std::move(bytes).value();
}

/** A key whose bytes are start, start+1, ... */
template <typename Key>
Key countingKey(std::uint8_t start) {
    CountingRandom random(start);
    return Key::generate(random);
}

/** Fast Argon2id costs for tests (libsodium's minimums: 1 pass, 8 KiB); production slots come from
 * calibrateKdf. */
inline KdfParams cheapParams(RandomSource& random = systemRandom()) {
    return KdfParams::withCosts(1, 8192, random);
}

inline constexpr std::array<std::uint8_t, 16> kCaseA = {0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7,
                                                        0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf};
inline constexpr std::array<std::uint8_t, 16> kCaseB = {0xb0, 0xb1, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7,
                                                        0xb8, 0xb9, 0xba, 0xbb, 0xbc, 0xbd, 0xbe, 0xbf};

} // namespace fieldkit::crypto::test
