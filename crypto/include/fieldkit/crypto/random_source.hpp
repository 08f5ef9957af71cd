#pragma once

#include <cstdint>
#include <span>

namespace fieldkit::crypto {

/** Where nonces, salts and keys come from: the seam that lets known-answer tests pin every format byte. */
class RandomSource {
public:
    virtual ~RandomSource() = default;
    virtual void fill(std::span<std::uint8_t> out) = 0;
};

/** The production source (libsodium randombytes_buf); shared and thread-safe. */
[[nodiscard]] RandomSource& systemRandom();

} // namespace fieldkit::crypto
