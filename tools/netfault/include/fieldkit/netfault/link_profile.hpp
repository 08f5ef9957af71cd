#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fieldkit::netfault {

using Milliseconds = std::chrono::milliseconds;

/** A range [min, max] from which the time to the next whole-link drop is drawn. */
struct DropInterval {
    Milliseconds min{0};
    Milliseconds max{0};

    friend bool operator==(const DropInterval&, const DropInterval&) = default;
};

/** How the emulated link behaves; every value applies to each direction on its own, as on a real link. */
struct LinkProfile {
    std::string name = "none";
    Milliseconds latency{0};          // one-way delay per direction (RTT = 2 x latency)
    Milliseconds jitter{0};           // extra one-way delay per segment, uniform in [0, jitter]
    std::uint64_t bandwidthKbit = 0;  // per direction, 1 kbit = 1000 bit; 0 = unlimited
    std::uint64_t dropAfterBytes = 0; // per direction: forward this many bytes, then close; 0 = never
    double resetProbability = 0.0;    // per segment: reset the connection instead of delivering it
    Milliseconds stall{0};            // the link sends nothing for `stall` ...
    Milliseconds stallEvery{0};       // ... every `stallEvery` since the connection opened
    std::size_t segmentBytes = 0;     // deliver in writes of at most this size; 0 = normal 1460-byte packets
    // Store and forward: the link carries one chunk (of at most segmentBytes) at a time, and each chunk takes
    // the one-way latency plus its transmission time before the next may start. A slow link is then slower
    // than its nominal rate, as radio links with per-burst scheduling delay are.
    bool perChunkLatency = false;
    std::optional<DropInterval> dropEvery; // the whole link drops (every connection) after a random interval

    [[nodiscard]] Milliseconds rtt() const { return 2 * latency; }

    friend bool operator==(const LinkProfile&, const LinkProfile&) = default;
};

/** Values given on the command line; each one set replaces the profile's. */
struct LinkOverrides {
    std::optional<Milliseconds> latency;
    std::optional<Milliseconds> jitter;
    std::optional<std::uint64_t> bandwidthKbit;
    std::optional<std::uint64_t> dropAfterBytes;
    std::optional<double> resetProbability;
    std::optional<Milliseconds> stall;
    std::optional<Milliseconds> stallEvery;
    std::optional<std::size_t> segmentBytes;
    std::optional<bool> perChunkLatency;
    std::optional<std::optional<DropInterval>> dropEvery; // set to nullopt-inside to switch drops off
};

/** The names profileByName knows, in the order --help lists them. */
[[nodiscard]] const std::vector<std::string>& profileNames();

/** lte (20 Mbit/s, 50 ms RTT), 3g (1 Mbit/s, 150 ms RTT), 2g (80 kbit/s, 300 ms per 4 KiB chunk, store and
 * forward), flaky (lte with a drop every 10-30 s), cut (128 kbit/s, 60 ms per 4 KiB chunk, the link cut every
 * 1-4 s), none (a plain proxy). */
[[nodiscard]] Result<LinkProfile> profileByName(std::string_view name);

/** The profile with the overrides applied, checked as a whole (a stall needs a period longer than it). */
[[nodiscard]] Result<LinkProfile> applyOverrides(LinkProfile profile, const LinkOverrides& overrides);

/** One line for the log, e.g. "lte: 25 ms one-way, 20000 kbit/s". */
[[nodiscard]] std::string describe(const LinkProfile& profile);

} // namespace fieldkit::netfault
