#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace fieldkit::hub {

/** Counters the ops listener exposes; only the I/O thread touches them (the store's thread hands results
 *  back to it), so plain integers suffice. */
struct HubMetrics {
    static constexpr std::array<double, 8> kDurationBuckets = {0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30};

    std::int64_t connectedDevices = 0;
    std::uint64_t sessionsTotal = 0; // connections
    std::uint64_t roundsTotal = 0;   // sync rounds (hellos); many per connection
    std::uint64_t handshakeFailures = 0;
    std::uint64_t framesRejected = 0;
    std::uint64_t connectionsReplaced = 0; // a device's new connection closed its older one
    std::uint64_t opsApplied = 0;
    std::uint64_t unitChangeNotices = 0; // commits to a shared PostgreSQL center, by any hub (ChangeFeed)
    std::uint64_t wakeUps = 0;           // ChangesWaiting sent to connected devices
    std::uint64_t conflicts = 0;
    std::uint64_t bytesIn = 0;
    std::uint64_t bytesOut = 0;
    std::uint64_t attachmentOffers = 0;
    std::uint64_t chunksReceived =
        0; // every chunk, whole or completed from slices, resends and refused included
    std::uint64_t chunkSlicesHeld = 0;   // slices taken while their chunk was not whole yet
    std::uint64_t chunksStored = 0;      // new chunks committed
    std::uint64_t chunksDuplicate = 0;   // chunks the hub already held (a resend)
    std::uint64_t chunksRefused = 0;     // bad checksum, offset, length or attachment
    std::uint64_t chunksServed = 0;      // whole chunks sent to devices downloading an attachment
    std::uint64_t chunkSlicesServed = 0; // slices of chunks sent to them (links too short for a chunk)
    std::array<std::uint64_t, kDurationBuckets.size()> syncDurationBuckets{};
    std::uint64_t syncDurationCount = 0;
    double syncDurationSum = 0;

    void observeSyncDuration(double seconds);
};

/** The Prometheus text exposition of the counters. */
[[nodiscard]] std::string renderPrometheus(const HubMetrics& metrics);

} // namespace fieldkit::hub
