#include <algorithm>
#include <fieldkit/device/transfer_progress.hpp>

namespace fieldkit::device {

std::pair<TransferProgress, TransferProgress> estimateProgress(const RoundFigures& f) {
    TransferProgress up;
    up.itemsDone = f.acknowledged;
    up.itemsLeft = f.pendingAtStart > f.acknowledged ? f.pendingAtStart - f.acknowledged : 0;
    up.bytesDone = f.bytesSent;
    const std::uint64_t upTotal = f.batchOps == 0 ? 0 : f.pendingAtStart * f.batchBytes / f.batchOps;
    up.bytesLeft = up.itemsLeft == 0 ? 0 : std::max<std::uint64_t>(upTotal, f.bytesSent) - f.bytesSent;

    TransferProgress down;
    down.itemsDone = f.pulled;
    const std::uint64_t reached = std::max(f.checkpoint, f.cursorAtStart);
    down.itemsLeft = f.hubHead > reached ? f.hubHead - reached : 0;
    down.bytesDone = f.bytesReceived;
    down.bytesLeft = f.pulled == 0 ? 0 : down.itemsLeft * f.bytesReceived / f.pulled;
    return {up, down};
}

TransferProgress attachmentProgress(const RoundFigures& f) {
    TransferProgress p;
    p.itemsDone = f.attachmentsDone;
    p.itemsLeft = f.attachmentsOffered > f.attachmentsDone ? f.attachmentsOffered - f.attachmentsDone : 0;
    p.bytesDone = f.chunkBytesAcked;
    p.bytesLeft = f.chunkBytesMissing > f.chunkBytesAcked ? f.chunkBytesMissing - f.chunkBytesAcked : 0;
    return p;
}

} // namespace fieldkit::device
