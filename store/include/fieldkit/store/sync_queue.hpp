#pragma once

#include <array>
#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <fieldkit/sqlite/database.hpp>
#include <fieldkit/store/device_store.hpp>
#include <fieldkit/store/store_types.hpp>
#include <string>
#include <vector>

namespace fieldkit::store {

/** An operation as it travels: clear routing data and ciphertext only. */
struct SyncOperation {
    sqlite::Bytes caseId;
    std::string deviceId;
    std::uint64_t deviceSeq = 0;
    std::string kind;
    std::uint64_t hlc = 0;
    std::vector<FieldRef> fields;
    std::string meta;
    sqlite::Bytes ciphertext;
    sqlite::Bytes sealedKeyCenter; // the case's record key sealed to the center and to the unit
    sqlite::Bytes sealedKeyUnit;
    std::string staff;
    std::uint64_t serverSeq = 0;       // inbound; outbound: the number a restored center lost (0: none)
    std::vector<std::uint64_t> closes; // inbound only: versions this change superseded at the center
    std::string unit;
    std::int64_t queuedMs = 0; // outbound only
};

/** The center's answer to one pushed operation. */
struct PushResult {
    std::uint64_t deviceSeq = 0;
    std::uint64_t serverSeq = 0;
    bool rejected = false;
    std::string reason;     // the center's sentence (English, never personal)
    std::string reasonCode; // core::refusalCode: what the app words in Danish or English
};

/** Where the device stands with the center. */
struct SyncPosition {
    std::uint64_t pullCursor = 0;
    std::uint64_t lastAckedDeviceSeq = 0;
    std::int64_t pendingOps = 0;
    std::int64_t oldestPendingMs = 0; // queue time of the oldest unsent operation, 0 when none
    std::int64_t rejectedOps = 0;     // refused by the center: shown in "needs attention"
    std::uint64_t checksum = 0;
    std::string lastRefusal;     // the newest refusal's reason (the center's words, never personal)
    std::string lastRefusalCode; // ... and its code (core/refusal.hpp), "" when the center gave none
};

/** What applying a page of changes did. */
struct InboundOutcome {
    int applied = 0;
    int alreadyPresent = 0;
    bool diverged = false; // checksums differed at the head: the cursor was reset to re-pull
};

/** An attachment as it travels: clear routing data, its stream header and its key sealed to the center and
 *  to the unit. Name, type and content stay encrypted. */
struct SyncAttachment {
    sqlite::Bytes attachmentId;
    sqlite::Bytes caseId;
    sqlite::Bytes header;
    sqlite::Bytes sealedKeyCenter;
    sqlite::Bytes sealedKeyUnit;
    std::uint64_t size = 0;
    std::uint32_t chunkCount = 0;
};

/** One encrypted chunk of an attachment stream, with where it sits and a checksum for the transfer. */
struct SyncChunk {
    sqlite::Bytes attachmentId;
    std::uint32_t index = 0;
    std::uint64_t offset = 0;                // position in the encrypted stream after the header
    sqlite::Bytes data;                      // ciphertext
    std::array<std::uint8_t, 32> checksum{}; // crypto::contentHash(data)
};

/** Names one chunk (what the hub acknowledges or says it already has). */
struct ChunkRef {
    sqlite::Bytes attachmentId;
    std::uint32_t index = 0;
};

/** The daemon's view of the store: it moves ciphertext and never needs (or gets) the data key. */
class SyncQueue {
public:
    explicit SyncQueue(DeviceStore& store)
        : m_store(store) {}

    /** Up to `limit` outbox operations after `afterDeviceSeq`, in device_seq order (a push in flight has
     *  taken the ones before), stopping before one held back for its attachment. */
    [[nodiscard]] Result<std::vector<SyncOperation>> pending(int limit, std::uint64_t afterDeviceSeq = 0);
    [[nodiscard]] Result<SyncPosition> position();
    /** The center's answers: applied operations leave the outbox with their server sequence, refused ones
     *  leave it marked with the reason (never silently dropped). One transaction. Acknowledging a closing
     *  status starts the case's retention clock. */
    [[nodiscard]] Status acknowledge(const std::vector<PushResult>& results);
    /** The center says it applied this device's operations only up to `lastApplied`, below what it once
     *  acknowledged: it was restored from a backup that lacks the rest. Those operations (not the refused
     *  ones) go back into the outbox with the numbers the center gave them, which the push carries so the
     *  center can give the same ones again; the checksum and the acknowledged position go back with them.
     *  One transaction. Returns how many were queued again. */
    [[nodiscard]] Result<std::size_t> requeueAfter(std::uint64_t lastApplied);
    /** Applies changes from other devices and moves the cursor to `checkpoint`, in one transaction. At the
     * head
     *  (`more` false) the partition checksums are compared; on a mismatch the cursor goes back to 0. */
    [[nodiscard]] Result<InboundOutcome> applyInbound(const std::vector<SyncOperation>& changes,
                                                      std::uint64_t checkpoint, bool more,
                                                      std::uint64_t hubChecksum);

    // Attachments: a lower-priority lane beside the operations. `pending` holds back an operation that
    // references an attachment (and everything after it, since the center applies a device's operations in
    // device_seq order) until every chunk of that attachment is acknowledged.

    /** This device's attachments that still have chunks the hub has not acknowledged, oldest first. */
    [[nodiscard]] Result<std::vector<SyncAttachment>> outgoingAttachments();
    /** Up to `limit` chunks not yet acknowledged, of the oldest attachments first. */
    [[nodiscard]] Result<std::vector<SyncChunk>> unacknowledgedChunks(int limit);
    /** The hub holds these chunks (it acknowledged them, or said it already had them). Unknown chunks are
     *  ignored: acknowledging is idempotent. */
    [[nodiscard]] Status acknowledgeChunks(const std::vector<ChunkRef>& chunks);
    /** The hub will not take this attachment: it is marked refused with the reason, and the operation that
     *  references it leaves the outbox marked "needs attention" with that reason, so it no longer holds back
     *  the device's later operations. One transaction; refusing again changes nothing. */
    [[nodiscard]] Status refuseAttachment(const sqlite::Bytes& attachmentId, const std::string& reason);
    /** Records an attachment from another device of the unit (its case must have arrived first: code
     *  "unknown_case"); storing it again changes nothing. */
    [[nodiscard]] Status storeInboundAttachment(const SyncAttachment& attachment);
    /** Stores a chunk from the hub after checking its checksum, index and offset (code "bad_chunk"); a chunk
     *  already present is left as it is. */
    [[nodiscard]] Status storeInboundChunk(const SyncChunk& chunk);
    /** Plaintext size of an attachment known here (what fixes its chunks' sizes); code "unknown_attachment"
     *  when it is not. */
    [[nodiscard]] Result<std::uint64_t> attachmentSize(const sqlite::Bytes& attachmentId);
    /** Bytes of chunk `index` held here from slices so far (0: none; a whole chunk is not a part). */
    [[nodiscard]] Result<std::uint64_t> heldSliceBytes(const sqlite::Bytes& attachmentId,
                                                       std::uint32_t index);
    /** Adds a slice of a chunk from the hub: `slice.data` from `sliceOffset` of the chunk, `slice.checksum`
     *  the whole chunk's. Slices come in order: one that does not start where the part held here ends, or
     *  runs past the chunk's end, is refused (code "bad_chunk") and changes nothing. The slice that completes
     *  the chunk is checked and stored as storeInboundChunk does, and the part is dropped, also when the
     *  check fails, so the chunk is fetched anew. Returns whether the chunk is whole here now. */
    [[nodiscard]] Result<bool> storeInboundSlice(const SyncChunk& slice, std::uint64_t sliceOffset);
    /** Up to `limit` attachments that other devices of the unit made (their operations here name them) and
     *  that this device does not hold whole: what the download lane asks the hub for, oldest first. */
    [[nodiscard]] Result<std::vector<sqlite::Bytes>> attachmentsToFetch(int limit);
    /** The hub asks for this device's attachment again (it lost chunks it had acknowledged, e.g. restored
     *  from a backup): every chunk counts as unacknowledged, so the upload lane offers it anew and sends what
     *  the hub's answer says it lacks. Unknown, inbound or refused attachments are left alone. */
    [[nodiscard]] Status reopenAttachment(const sqlite::Bytes& attachmentId);
    /** Indexes of the attachment's chunks this device still lacks (what to ask the hub for). */
    [[nodiscard]] Result<std::vector<std::uint32_t>> missingChunks(const sqlite::Bytes& attachmentId);

    // Citizen views (issue 18): sealed by the app, carried by the daemon with its pushes.
    /** Up to `limit` views not yet taken by the hub (nor refused), oldest first. */
    [[nodiscard]] Result<std::vector<PendingCitizenView>> pendingCitizenViews(int limit);
    /** The hub's answers: a view taken leaves the queue unless a newer version was sealed meanwhile; a
     * refused one stays, marked with the code, and is not sent again until the case changes. */
    [[nodiscard]] Status citizenViewsAnswered(const std::vector<CitizenViewAnswer>& answers);
    /** Views the hub has not taken yet, and the last refusal code seen (status.json). */
    [[nodiscard]] Result<std::pair<std::int64_t, std::string>> citizenViewBacklog();

private:
    DeviceStore& m_store;
};

} // namespace fieldkit::store
