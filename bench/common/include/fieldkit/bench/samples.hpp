#pragma once

#include <chrono>
#include <cstddef>
#include <vector>

namespace fieldkit::bench {

using Clock = std::chrono::steady_clock;

/** Runs `work` once and returns how long it took on the monotonic clock. */
template <typename F>
[[nodiscard]] std::chrono::nanoseconds timed(F&& work) {
    const auto start = Clock::now();
    work();
    return Clock::now() - start;
}

[[nodiscard]] inline double toMs(std::chrono::nanoseconds d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

[[nodiscard]] inline double toUs(std::chrono::nanoseconds d) {
    return std::chrono::duration<double, std::micro>(d).count();
}

/** Durations of repeated runs of one workload, summarised by nearest-rank percentiles. */
class Samples {
public:
    void add(std::chrono::nanoseconds d) { m_ns.push_back(d.count()); }
    [[nodiscard]] std::size_t size() const { return m_ns.size(); }
    [[nodiscard]] bool empty() const { return m_ns.empty(); }
    /** `p` in [0, 100]; 0 when there are no samples. */
    [[nodiscard]] double percentileMs(double p) const;
    [[nodiscard]] double meanMs() const;

private:
    std::vector<std::chrono::nanoseconds::rep> m_ns;
};

} // namespace fieldkit::bench
