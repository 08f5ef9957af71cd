#include <fieldkit/tls/random_id.hpp>
#include <openssl/rand.h>
#include <vector>

namespace fieldkit::tls {

Result<std::string> randomHex(std::size_t bytes) {
    std::vector<unsigned char> raw(bytes);
    if (RAND_bytes(raw.data(), static_cast<int>(raw.size())) != 1) {
        return makeError("no_randomness", "The system random source failed.");
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(bytes * 2);
    for (unsigned char b : raw) {
        hex += kHex[b >> 4];
        hex += kHex[b & 0xf];
    }
    return hex;
}

} // namespace fieldkit::tls
