#pragma once

#include <chrono>
#include <fieldkit/common/device_sync_config.hpp>
#include <fieldkit/common/host_port.hpp>
#include <fieldkit/core/result.hpp>
#include <fieldkit/engine/backoff.hpp>
#include <fieldkit/engine/handshake.hpp>
#include <filesystem>
#include <functional>
#include <string>

namespace fieldkit::device {

/** What one sync session achieved. */
struct SessionResult {
    engine::HandshakeOutcome outcome = engine::HandshakeOutcome::ProtocolViolation;
    std::string reason;
    std::uint64_t hubHead = 0;
    std::uint64_t lastAppliedDeviceSeq = 0;
};

/** Limits on every wait of the device side. */
struct ClientLimits {
    std::chrono::seconds connect{10};
    std::chrono::seconds exchange{30};
};

/** One session with the hub over mutual TLS 1.3 + WebSocket: hello out, welcome back. Network failures
 *  (refused, dropped, timed out, hub key mismatch) are Errors with code "offline" or "hub_untrusted". */
[[nodiscard]] Result<SessionResult> syncOnce(const common::DeviceSyncConfig& config,
                                             const common::HostPort& hub,
                                             const engine::DeviceSyncState& state, ClientLimits limits = {});

/** Seams of the long-running daemon. */
struct DaemonEnvironment {
    std::function<double()> unitRandom;          // [0, 1), for backoff jitter
    std::function<void(const std::string&)> log; // one line, no personal data
    std::chrono::seconds interval{30};           // periodic sync when healthy
};

/** Runs until SIGINT/SIGTERM: syncs, records status in <data>/sync/status.json, backs off with full jitter.
 */
[[nodiscard]] Status runDaemon(const std::filesystem::path& dataDir, const common::DeviceSyncConfig& config,
                               const common::HostPort& hub, const DaemonEnvironment& env);

} // namespace fieldkit::device
