#pragma once

#include <cstdint>
#include <fieldkit/device/sync_status.hpp>

namespace fieldkit::device {

/** What a running round knows so far; the daemon samples it while the round runs. */
struct RoundFigures {
    std::uint64_t pendingAtStart = 0; // outbox operations when the round began
    std::uint64_t acknowledged = 0;   // answered by the hub so far
    std::uint64_t batchOps = 0;       // the first batch: operations and frame bytes, for bytes per operation
    std::uint64_t batchBytes = 0;
    std::uint64_t cursorAtStart = 0;
    std::uint64_t hubHead = 0; // from the welcome; 0 until it arrives
    std::uint64_t checkpoint = 0;
    std::uint64_t pulled = 0;
    std::uint64_t bytesSent = 0; // on the wire since the round began
    std::uint64_t bytesReceived = 0;
    // The attachment lane: attachments offered this round, and encrypted chunk bytes the hub lacked at the
    // offer and has acknowledged since.
    std::uint64_t attachmentsOffered = 0;
    std::uint64_t attachmentsDone = 0;
    std::uint64_t chunkBytesMissing = 0;
    std::uint64_t chunkBytesAcked = 0;
    std::uint64_t chunksAcked = 0;
};

/** Items and bytes done and left in each direction. Estimates: bytes left up assume the rest of the outbox
 *  is like the first batch; items left down count server sequences up to the hub's head (an upper bound, the
 *  device's own operations among them are skipped); bytes left down assume the rest is like what came. */
[[nodiscard]] std::pair<TransferProgress, TransferProgress> estimateProgress(const RoundFigures& figures);

/** The attachment lane: items are whole attachments, bytes are encrypted chunk bytes (exact, not estimated:
 *  the hub's answers to the offers say what is missing). */
[[nodiscard]] TransferProgress attachmentProgress(const RoundFigures& figures);

} // namespace fieldkit::device
