#pragma once

#include <chrono>
#include <fieldkit/common/device_sync_config.hpp>
#include <fieldkit/common/host_port.hpp>
#include <fieldkit/common/log.hpp>
#include <fieldkit/core/result.hpp>
#include <fieldkit/engine/backoff.hpp>
#include <fieldkit/engine/handshake.hpp>
#include <fieldkit/hw/battery_sensor.hpp>
#include <fieldkit/hw/clock.hpp>
#include <fieldkit/hw/link_sensor.hpp>
#include <fieldkit/hw/profile.hpp>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace fieldkit::device {

/** What one sync round achieved (hello + outbox batch out, acks + changes back; more flights only while
 *  the outbox or the pull has more than one page; then the attachment lane, and the operations it released).
 */
struct SessionResult {
    engine::HandshakeOutcome outcome = engine::HandshakeOutcome::ProtocolViolation;
    std::string reason;
    std::uint64_t hubHead = 0;
    std::size_t pushed = 0;
    std::size_t rejected = 0;
    std::size_t pulled = 0;
    std::size_t roundTrips = 0;
    bool diverged = false;
    bool outboxEmpty = false;
    bool reachedHead = false;
    std::size_t attachmentsCompleted = 0; // the center holds them whole now
    std::size_t chunksSent = 0;
    bool laneEmpty = false;             // no attachment has a chunk the center has not acknowledged
    std::size_t chunksReceived = 0;     // the download lane: chunks of other devices' attachments stored
    std::size_t downloadsCompleted = 0; // ...and attachments now held whole here
    bool downloadsDone = false;         // every attachment the unit's cases name is held whole here
    std::uint64_t bytesUp = 0; // on the wire during the round (TLS included), as the kernel counted them
    std::uint64_t bytesDown = 0;
    std::string wipeOrderId;  // the round delivered a valid, center-signed wipe order for this device
    bool wiped = false;       // ...and the device carried it out: store and sync identity are gone
    std::size_t requeued = 0; // operations a center restored from a backup had lost, queued to go again
};

/** Limits of the device side. Waits for answers are not here: they follow the bytes outstanding and the
 *  rate the link has shown (engine::LinkPace), and are extended while bytes still move. */
struct ClientLimits {
    std::chrono::seconds connect{10}; // TCP, TLS and WebSocket handshakes, and the closing handshake
    std::chrono::seconds idle{180};   // silence on an open connection before it counts as lost
    int batchOps = 1000;              // operations per push at most (bytes are the pace's to decide)
    std::uint32_t pageChanges = 2000;
};

/** `rounds` sync rounds on one connection to the hub (mutual TLS 1.3 + WebSocket): in each, hello and the
 *  outbox batch go out together and acks and changes come back, until the outbox is empty and the pull
 *  reached the head. Stops at the first round that does not proceed. Network failures are Errors with code
 *  "offline" or "hub_untrusted"; a reply with a wipe order that does not verify is refused with code
 *  "untrusted_wipe_order" and changes nothing. A valid wipe order ends the session: the device confirms it,
 *  wipes itself (see wipeDevice) and the last result says `wiped`. */
[[nodiscard]] Result<std::vector<SessionResult>> syncRounds(const std::filesystem::path& dataDir,
                                                            const common::DeviceSyncConfig& config,
                                                            const common::HostPort& hub, int rounds,
                                                            ClientLimits limits = {});

/** Tells the center that staff are wiping this device, so it revokes the device's identity: one hello with
 *  `retiring`, answered REFUSED with `retired`. Touches nothing local (the caller deletes the identity
 * after). Codes: offline, hub_untrusted (already revoked, or not this center), not_retired (the center
 * answered otherwise). */
[[nodiscard]] Status retireDevice(const common::DeviceSyncConfig& config, const common::HostPort& hub,
                                  ClientLimits limits = {});

/** Seams of the long-running daemon: randomness, log, the hardware profile and its sensors. */
struct DaemonEnvironment {
    std::function<double()> unitRandom;   // [0, 1), for backoff jitter
    common::Log log;                      // structured entries, no personal data
    const hw::Profile* profile = nullptr; // decides when to sync (battery, link, schedule)
    const hw::BatterySensor* battery = nullptr;
    const hw::LinkSensor* link = nullptr;
    const hw::Clock* clock = nullptr;
    std::chrono::milliseconds poll{500}; // how often the plan is redone (outbox, sensors, "sync now")
};

/** Runs until SIGINT/SIGTERM: keeps one connection to the hub open and runs each sync as one round on it
 *  (reconnecting with backoff when it drops); follows the hardware profile's sync plan (local changes after
 * the debounce, the periodic pull, battery and link rules), records status in <data>/sync/status.json, backs
 * off with full jitter after a failure, and syncs at once when the app asks ("Sync now":
 * <data>/sync/sync-now). Ends with `Wiped` after carrying out a valid wipe order from the center. */
/** How the daemon ended without an error. */
enum class DaemonEnd { Stopped, Wiped };

[[nodiscard]] Result<DaemonEnd> runDaemon(const std::filesystem::path& dataDir,
                                          const common::DeviceSyncConfig& config, const common::HostPort& hub,
                                          const DaemonEnvironment& env);

} // namespace fieldkit::device
