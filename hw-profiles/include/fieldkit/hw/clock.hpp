#pragma once

#include <chrono>

namespace fieldkit::hw {

/** Monotonic time: sync scheduling must not jump when the wall clock is corrected over LTE. */
using TimePoint = std::chrono::steady_clock::time_point;

/** Seam for "now", so policy callers and their tests control time. */
class Clock {
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual TimePoint now() const = 0;
};

/** The real monotonic clock. */
class SteadyClock final : public Clock {
public:
    [[nodiscard]] TimePoint now() const override { return std::chrono::steady_clock::now(); }
};

} // namespace fieldkit::hw
