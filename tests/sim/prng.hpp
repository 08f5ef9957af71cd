#pragma once

#include <cstdint>

namespace fieldkit::sim {

/** SplitMix64: tiny, seedable and the same on every platform, so a seed replays exactly. */
class Prng {
public:
    explicit Prng(std::uint64_t seed)
        : m_state(seed) {}

    [[nodiscard]] std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    /** Uniform in [0, n); n must be > 0. */
    [[nodiscard]] std::uint64_t below(std::uint64_t n) { return next() % n; }
    [[nodiscard]] int belowInt(int n) { return static_cast<int>(below(static_cast<std::uint64_t>(n))); }
    /** True with probability `p` (0..1). */
    [[nodiscard]] bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }
    /** A derived generator, so one part of the simulation drawing more numbers does not shift another's. */
    [[nodiscard]] Prng fork() { return Prng(next()); }

private:
    std::uint64_t m_state;
};

} // namespace fieldkit::sim
