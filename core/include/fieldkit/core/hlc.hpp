#pragma once

#include <compare>
#include <cstdint>

namespace fieldkit::core {

/**
 * A hybrid logical clock timestamp: physical milliseconds plus a logical counter.
 *
 * For display ("changed at") and tie-breaking (a stable order of concurrent versions) only. It never
 * decides which version survives: merging uses the hub's server_seq and base_seq (see merge.hpp),
 * because device clocks are wrong often enough to lose data otherwise.
 * Pure: the caller passes the physical time, so a seeded simulation can drive it.
 */
class Hlc {
public:
    static constexpr std::uint64_t kMaxPhysicalMs = (std::uint64_t{1} << 48) - 1; // year 10889
    static constexpr std::uint16_t kMaxCounter = 0xFFFF;

    constexpr Hlc() = default;
    /** Values above kMaxPhysicalMs are clamped: 48 bits are what the encoding carries. */
    constexpr Hlc(std::uint64_t physicalMs, std::uint16_t counter)
        : m_physicalMs(physicalMs > kMaxPhysicalMs ? kMaxPhysicalMs : physicalMs)
        , m_counter(counter) {}

    /** The timestamp for a local event: strictly after `previous`, close to `physicalMs`. */
    [[nodiscard]] static Hlc now(Hlc previous, std::uint64_t physicalMs);
    /**
     * The timestamp after receiving `remote`: strictly after both `local` and `remote`.
     * A remote clock far ahead pulls this clock ahead too (standard HLC); acceptable because the value
     * is only displayed and used to break ties.
     */
    [[nodiscard]] static Hlc receive(Hlc local, Hlc remote, std::uint64_t physicalMs);

    /** 48 bits of milliseconds, then 16 bits of counter: the integer order equals the HLC order. */
    [[nodiscard]] constexpr std::uint64_t encode() const { return (m_physicalMs << 16) | m_counter; }
    [[nodiscard]] static constexpr Hlc decode(std::uint64_t encoded) {
        return Hlc(encoded >> 16, static_cast<std::uint16_t>(encoded & 0xFFFF));
    }

    [[nodiscard]] constexpr std::uint64_t physicalMs() const { return m_physicalMs; }
    [[nodiscard]] constexpr std::uint16_t counter() const { return m_counter; }

    friend constexpr auto operator<=>(const Hlc&, const Hlc&) = default;

private:
    std::uint64_t m_physicalMs = 0; // member order makes the defaulted <=> compare ms first
    std::uint16_t m_counter = 0;
};

} // namespace fieldkit::core
