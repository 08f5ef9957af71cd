#pragma once

#include <fieldkit/hw/battery_sensor.hpp>
#include <fieldkit/hw/clock.hpp>
#include <fieldkit/hw/link_sensor.hpp>
#include <utility>

namespace fieldkit::hw {

/** A battery a test sets by hand; never reads the machine. */
class FakeBatterySensor final : public BatterySensor {
public:
    explicit FakeBatterySensor(BatteryState state = {})
        : m_state(state) {}
    void set(BatteryState state) { m_state = state; }
    [[nodiscard]] Result<BatteryState> read() const override { return m_state; }

private:
    BatteryState m_state;
};

/** A link a test sets by hand. */
class FakeLinkSensor final : public LinkSensor {
public:
    explicit FakeLinkSensor(LinkReading reading = {})
        : m_reading(std::move(reading)) {}
    void set(LinkReading reading) { m_reading = std::move(reading); }
    [[nodiscard]] Result<LinkReading> read() const override { return m_reading; }

private:
    LinkReading m_reading;
};

/** A clock that moves only when the test says so. */
class FakeClock final : public Clock {
public:
    explicit FakeClock(TimePoint start = TimePoint{})
        : m_now(start) {}
    void advance(std::chrono::steady_clock::duration by) { m_now += by; }
    void set(TimePoint now) { m_now = now; }
    [[nodiscard]] TimePoint now() const override { return m_now; }

private:
    TimePoint m_now;
};

} // namespace fieldkit::hw
