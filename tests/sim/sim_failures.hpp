#pragma once

#include <string>
#include <vector>

namespace fieldkit::sim {

/** Invariant violations of one run, in the order found; capped so a broken run stays readable. */
class Failures {
public:
    void add(std::string message) {
        if (m_items.size() < kMax) {
            m_items.push_back(std::move(message));
        }
        ++m_count;
    }
    [[nodiscard]] bool empty() const { return m_count == 0; }
    [[nodiscard]] std::size_t count() const { return m_count; }
    [[nodiscard]] const std::vector<std::string>& items() const { return m_items; }

private:
    static constexpr std::size_t kMax = 25;
    std::vector<std::string> m_items;
    std::size_t m_count = 0;
};

/** Thrown when the run cannot go on (a party does not reopen, a query fails): reported as a failure. */
struct SimAbort {
    std::string message;
};

} // namespace fieldkit::sim
