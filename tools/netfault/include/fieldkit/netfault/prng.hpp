#pragma once

#include <cstdint>

namespace fieldkit::netfault {

/** splitmix64 step: a good 64-bit mixer, used to expand one seed into many independent ones. */
[[nodiscard]] std::uint64_t splitmix64(std::uint64_t& state);

/** xoshiro256** seeded through splitmix64: every fault decision draws from one, so a seed replays a run. */
class Prng {
public:
    explicit Prng(std::uint64_t seed);

    [[nodiscard]] std::uint64_t next();
    /** Uniform in [0, 1). */
    [[nodiscard]] double uniform01();
    /** Uniform in [lo, hi] (inclusive); lo when hi <= lo. */
    [[nodiscard]] std::uint64_t between(std::uint64_t lo, std::uint64_t hi);
    /** True with probability p (p <= 0 never, p >= 1 always). */
    [[nodiscard]] bool chance(double p);

private:
    std::uint64_t m_s[4];
};

/** The seed of one stream of decisions, derived from the run's seed and what the stream belongs to
 * (connection number, direction), so one connection's faults do not depend on another's traffic. */
[[nodiscard]] std::uint64_t deriveSeed(std::uint64_t seed, std::uint64_t stream);

} // namespace fieldkit::netfault
