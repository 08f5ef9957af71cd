#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <filesystem>
#include <string>

namespace fieldkit::device {

/** One direction of a transfer in progress; `left` values are estimates until the last page arrives. */
struct TransferProgress {
    std::uint64_t itemsDone = 0;
    std::uint64_t itemsLeft = 0;
    std::uint64_t bytesDone = 0; // on the wire, TLS included
    std::uint64_t bytesLeft = 0;

    friend bool operator==(const TransferProgress&, const TransferProgress&) = default;
};

/** Where the daemon stands, as the app and `fieldkit-syncd status` show it. Holds no personal data. */
struct SyncStatus {
    std::string state =
        "idle"; // idle | syncing | ok | offline | upgrade_required | refused | not_enrolled | wiped
    std::int64_t lastAttemptMs = 0;
    std::int64_t lastSuccessMs = 0;
    std::string lastError;
    std::uint64_t pendingOps = 0;
    std::uint64_t needsAttention = 0; // operations the center (or this device, for size) refused; kept, shown
    std::string lastRefusal;          // the newest refusal's reason, for people; never personal data
    std::string lastRefusalCode;      // ... and its code (core/refusal.hpp), which the app words
    std::int64_t oldestPendingMs = 0;
    std::uint64_t pullCursor = 0;
    std::uint64_t hubHead = 0;
    std::string
        plan; // why the daemon syncs now or waits (battery, link, schedule), from the hardware profile
    bool connected = false;       // a connection to the hub is open
    bool transferring = false;    // a round is running; `up` and `down` are updated while it runs
    TransferProgress up;          // operations sent
    TransferProgress down;        // changes received
    TransferProgress attachments; // the attachment lane: whole attachments and encrypted chunk bytes
    // What the daemon has learnt of its link (engine::LinkPace::Memory), so the next process goes on from it.
    double linkBytesPerSecond = 0;
    std::uint64_t linkPushBytes = 0;
    double linkCutFactor = 1.0;
};

[[nodiscard]] std::string toJson(const SyncStatus& status);
[[nodiscard]] Result<SyncStatus> syncStatusFromJson(std::string_view json);

/** <data>/sync/status.json, replaced atomically so the app never reads half a file. */
[[nodiscard]] std::filesystem::path syncStatusFile(const std::filesystem::path& dataDir);
[[nodiscard]] Status saveSyncStatus(const std::filesystem::path& dataDir, const SyncStatus& status);
[[nodiscard]] Result<SyncStatus> loadSyncStatus(const std::filesystem::path& dataDir);

} // namespace fieldkit::device
