#include <fieldkit/netfault/prng.hpp>

namespace fieldkit::netfault {

namespace {

std::uint64_t rotl(std::uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}

} // namespace

std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

Prng::Prng(std::uint64_t seed) {
    for (auto& word : m_s) {
        word = splitmix64(seed);
    }
}

std::uint64_t Prng::next() {
    const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const std::uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

double Prng::uniform01() {
    // The top 53 bits make an exactly representable double in [0, 1).
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

std::uint64_t Prng::between(std::uint64_t lo, std::uint64_t hi) {
    if (hi <= lo) {
        return lo;
    }
    const std::uint64_t span = hi - lo + 1;
    if (span == 0) { // the full 64-bit range
        return next();
    }
    // Rejection sampling keeps the draw unbiased.
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % span;
    std::uint64_t value = next();
    while (value >= limit) {
        value = next();
    }
    return lo + value % span;
}

bool Prng::chance(double p) {
    if (p <= 0.0) {
        return false;
    }
    if (p >= 1.0) {
        return true;
    }
    return uniform01() < p;
}

std::uint64_t deriveSeed(std::uint64_t seed, std::uint64_t stream) {
    std::uint64_t state = stream;
    std::uint64_t mixed = seed ^ splitmix64(state);
    return splitmix64(mixed);
}

} // namespace fieldkit::netfault
