#pragma once

#include <cstdint>

namespace fieldkit::store {

/** Wall-clock time in milliseconds since the epoch; a seam so retention and audit tests control time. */
class Clock {
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual std::int64_t nowMs() const = 0;
};

/** The real clock. */
[[nodiscard]] const Clock& systemClock();

/** A clock tests set by hand. */
class ManualClock final : public Clock {
public:
    explicit ManualClock(std::int64_t nowMs)
        : m_now(nowMs) {}
    [[nodiscard]] std::int64_t nowMs() const override { return m_now; }
    void advance(std::int64_t ms) { m_now += ms; }

private:
    std::int64_t m_now;
};

} // namespace fieldkit::store
