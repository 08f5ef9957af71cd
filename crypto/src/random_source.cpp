#include "sodium_guard.hpp"

#include <fieldkit/crypto/random_source.hpp>
#include <sodium.h>

namespace fieldkit::crypto {

namespace {

/** libsodium's CSPRNG (getrandom on Linux). */
class SystemRandom final : public RandomSource {
public:
    void fill(std::span<std::uint8_t> out) override {
        detail::ensureSodium();
        if (!out.empty()) {
            randombytes_buf(out.data(), out.size());
        }
    }
};

} // namespace

RandomSource& systemRandom() {
    static SystemRandom source;
    return source;
}

} // namespace fieldkit::crypto
