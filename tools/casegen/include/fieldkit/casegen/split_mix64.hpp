#pragma once

#include <cassert>
#include <cstdint>
#include <span>

namespace fieldkit::casegen {

/** A tiny seeded PRNG (splitmix64) so every generated data set is reproducible from its seed on any platform;
 *  std::mt19937 distributions are not portable across standard libraries. */
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed)
        : m_state(seed) {}

    [[nodiscard]] std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    /** Uniform in [0, bound) by rejection, so small bounds are not biased. */
    [[nodiscard]] std::uint64_t below(std::uint64_t bound) {
        assert(bound > 0);
        const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
        std::uint64_t v = next();
        while (v >= limit) {
            v = next();
        }
        return v % bound;
    }
    /** Uniform in [lo, hi]. */
    [[nodiscard]] int between(int lo, int hi) {
        assert(lo <= hi);
        return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }
    /** True with probability percent/100. */
    [[nodiscard]] bool chance(int percent) { return between(1, 100) <= percent; }

    template <typename T>
    [[nodiscard]] const T& pick(std::span<const T> items) {
        assert(!items.empty());
        return items[below(items.size())];
    }

private:
    std::uint64_t m_state;
};

} // namespace fieldkit::casegen
