#include <algorithm>
#include <cmath>
#include <fieldkit/bench/samples.hpp>
#include <numeric>

namespace fieldkit::bench {

double Samples::percentileMs(double p) const {
    if (m_ns.empty()) {
        return 0.0;
    }
    auto sorted = m_ns;
    std::ranges::sort(sorted);
    // Nearest rank: the smallest sample with at least p % of the samples at or below it.
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(sorted.size())));
    const std::size_t index = std::clamp<std::size_t>(rank, 1, sorted.size()) - 1;
    return static_cast<double>(sorted[index]) / 1e6;
}

double Samples::meanMs() const {
    if (m_ns.empty()) {
        return 0.0;
    }
    const double total = std::accumulate(m_ns.begin(), m_ns.end(), 0.0,
                                         [](double sum, auto ns) { return sum + static_cast<double>(ns); });
    return total / static_cast<double>(m_ns.size()) / 1e6;
}

} // namespace fieldkit::bench
