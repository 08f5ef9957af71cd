#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <fieldkit/protocol/codec.hpp>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fieldkit::hub {

/** What the center knows about one enrolled device. */
struct DeviceRecord {
    std::string deviceId;
    std::string unit;
    bool revoked = false;
    std::int64_t lastSeenMs = 0;
    std::uint64_t lastAppliedDeviceSeq = 0;
    bool wipePending = false; // a wipe order waits for the device's confirmation

    /** Refused at TLS and at the hello. A device ordered wiped is revoked too, but until it confirms it may
     *  still connect: its last push goes into quarantine and the reply carries the order. */
    [[nodiscard]] bool refused() const { return revoked && !wipePending; }
};

/** A wipe order as the center keeps it; `signature` is the center's over engine::wipeOrderSignedBytes. */
struct WipeOrderRecord {
    std::string deviceId;
    std::string orderId;
    std::int64_t issuedMs = 0;
    std::vector<std::uint8_t> signature;
    std::int64_t deliveredMs = 0; // first sent to the device; 0 while it has not made contact
    std::int64_t confirmedMs = 0; // the device confirmed it is wiping itself; 0 until then
};

/** An operation a device pushed after it was ordered wiped: kept for the center to review, never applied to
 *  a case and never sent to other devices. */
struct QuarantinedOperation {
    std::int64_t receivedMs = 0;
    protocol::Operation op;
};

/** A unit's box key: public in the clear, secret sealed to the center key. */
struct UnitRecord {
    std::string name;
    std::vector<std::uint8_t> publicKey;
    std::vector<std::uint8_t> sealedSecret;
};

/** A one-time enrolment code as the center keeps it: only values derived from the code. */
struct EnrolmentCodeRecord {
    std::vector<std::uint8_t> lookup;
    std::vector<std::uint8_t> macKey;
    std::string unit;
    std::int64_t createdMs = 0;
    std::int64_t expiresMs = 0;
    std::int64_t usedMs = 0; // 0 while unused
    std::string deviceId;    // the device that used it
};

/** A page of changes for a device. */
struct ChangesPage {
    std::vector<protocol::Operation> ops;
    // The acks of the device's own operations the page passed over, in server order: a change may close one
    // of them by server_seq, which the device learns only from an ack it may have lost.
    std::vector<protocol::PushAck> ownAcks;
    std::uint64_t checkpoint = 0;
    bool more = false;
    std::uint64_t checksum = 0; // the unit's partition checksum; meaningful when !more
};

/** A case as the center holds it: clear metadata plus the sealed record key. */
struct CenterCase {
    std::vector<std::uint8_t> caseId;
    std::string unit;
    std::string service;
    std::string status;
    std::string channel;
    bool conflicted = false;
    std::vector<std::uint8_t> sealedKeyCenter;
};

/** An attachment as the center holds it: routing data, sealed key and how many of its chunks arrived. */
struct CenterAttachment {
    std::vector<std::uint8_t> attachmentId;
    std::vector<std::uint8_t> caseId;
    std::string unit;
    std::string deviceId; // the device that offered it
    std::uint64_t size = 0;
    std::uint32_t chunkCount = 0;
    std::uint32_t chunksHeld = 0;

    [[nodiscard]] bool complete() const { return chunksHeld == chunkCount; }
};

/** An attachment as another device of its unit downloads it: what its offer carried, and how much of it
 *  the center holds. */
struct HeldAttachment {
    protocol::AttachmentOffer description;
    std::string unit;
    std::uint32_t chunksHeld = 0;

    [[nodiscard]] bool complete() const { return chunksHeld == description.chunk_count(); }
};

/** What storing one chunk did. */
enum class ChunkStored {
    Added,     // new, committed
    Duplicate, // the hub had it already; nothing changed
};

/** Counts for `fieldkit-hub stats`; no personal data. */
struct CenterStats {
    std::int64_t devices = 0;
    std::int64_t units = 0;
    std::int64_t cases = 0;
    std::int64_t operations = 0;
    std::int64_t conflictedCases = 0;
    std::int64_t rejected = 0;
    std::int64_t attachments = 0;
    std::int64_t completeAttachments = 0;
    std::int64_t attachmentChunks = 0;
    std::int64_t quarantined = 0;
    std::int64_t wipeOrders = 0;
    std::int64_t wipesConfirmed = 0;
};

/** The center's durable state. SQLite by default; every method is one transaction so a PostgreSQL
 *  implementation can mirror the boundaries exactly. */
class CenterStore {
public:
    virtual ~CenterStore() = default;

    [[nodiscard]] virtual Status addUnit(const UnitRecord& unit) = 0;
    [[nodiscard]] virtual Result<UnitRecord> unit(const std::string& name) = 0;
    [[nodiscard]] virtual Result<std::vector<std::string>> units() = 0;
    [[nodiscard]] virtual Status registerDevice(const std::string& deviceId, const std::string& unit) = 0;
    [[nodiscard]] virtual Result<DeviceRecord> device(const std::string& deviceId) = 0;
    [[nodiscard]] virtual Status revokeDevice(const std::string& deviceId) = 0;
    [[nodiscard]] virtual Status recordContact(const std::string& deviceId, std::int64_t nowMs) = 0;
    /** Newest server sequence among changes visible to `unit`. */
    [[nodiscard]] virtual Result<std::uint64_t> serverHead(const std::string& unit) = 0;
    [[nodiscard]] virtual Status addEnrolmentCode(const EnrolmentCodeRecord& code) = 0;
    /** Code "unknown_code" when no code has this lookup value. */
    [[nodiscard]] virtual Result<EnrolmentCodeRecord>
    enrolmentCode(const std::vector<std::uint8_t>& lookup) = 0;
    /** Marks the code used by `deviceId` and registers the device in the code's unit, in one transaction, so
     * a code enrols exactly one device even when two try at once. Codes: code_used, code_expired,
     *  unknown_code, device_exists. */
    [[nodiscard]] virtual Status redeemEnrolmentCode(const std::vector<std::uint8_t>& lookup,
                                                     const std::string& deviceId, std::int64_t nowMs) = 0;
    /** Next serial number for a certificate the center's CA issues. */
    [[nodiscard]] virtual Result<std::uint64_t> nextCertificateSerial() = 0;

    /** Applies a device's batch in one transaction: assigns server sequences, merges per field, records the
     *  device's last applied device_seq, and answers one ack per operation (a repeat gets its original ack).
     */
    [[nodiscard]] virtual Result<std::vector<protocol::PushAck>>
    applyBatch(const DeviceRecord& device, const std::vector<protocol::Operation>& ops) = 0;
    /** Changes of `unit` after `cursor`, leaving out the device's own operations (it has them; their acks,
     *  device_seq, server_seq and DUPLICATE, come in `ownAcks` instead): at most `limit` of them, and no more
     *  than `maxBytes` of encoded operations unless one alone is larger (a page always carries at least one
     *  change when any is waiting). */
    [[nodiscard]] virtual Result<ChangesPage> changesSince(const std::string& unit, std::uint64_t cursor,
                                                           const std::string& excludeDevice, int limit,
                                                           std::size_t maxBytes) = 0;

    // Attachments, each call one transaction: a chunk is durable before it is acknowledged.

    /** Records an offered attachment of the device's unit (again: nothing changes) and returns the chunk
     *  indexes the center still lacks. Codes: bad_offer (malformed, or the id is taken by another
     *  attachment or device). */
    [[nodiscard]] virtual Result<std::vector<std::uint32_t>>
    offerAttachment(const DeviceRecord& device, const protocol::AttachmentOffer& offer) = 0;
    /** Checks a chunk (its attachment offered by this device, checksum, index, offset, length) and commits
     *  it. A chunk already held is not written again. Codes: bad_chunk. */
    [[nodiscard]] virtual Result<ChunkStored> storeChunk(const DeviceRecord& device,
                                                         const protocol::AttachmentChunk& chunk) = 0;
    /** The attachments of a case, oldest offer first. */
    [[nodiscard]] virtual Result<std::vector<CenterAttachment>>
    caseAttachments(const std::vector<std::uint8_t>& caseId) = 0;
    /** The encrypted bytes of one held chunk; code "unknown_chunk" when the center lacks it. */
    [[nodiscard]] virtual Result<std::vector<std::uint8_t>>
    attachmentChunk(const std::vector<std::uint8_t>& attachmentId, std::uint32_t index) = 0;
    /** An attachment's description for the download lane; code "unknown_attachment" when none has the id. */
    [[nodiscard]] virtual Result<HeldAttachment>
    heldAttachment(const std::vector<std::uint8_t>& attachmentId) = 0;
    /** The device's attachments the center knows of but does not hold whole (their chunks went missing, e.g.
     *  after a restore from a backup): the hub asks the device for them again. */
    [[nodiscard]] virtual Result<std::vector<std::vector<std::uint8_t>>>
    incompleteAttachments(const std::string& deviceId) = 0;

    [[nodiscard]] virtual Result<std::vector<CenterCase>> cases() = 0;
    /** Every operation of a case in server order. */
    [[nodiscard]] virtual Result<std::vector<protocol::Operation>>
    caseOperations(const std::vector<std::uint8_t>& caseId) = 0;
    /** The open versions (server_seq) of each register field of a case: more than one means a conflict. */
    [[nodiscard]] virtual Result<std::vector<std::pair<std::uint32_t, std::uint64_t>>>
    fieldHeads(const std::vector<std::uint8_t>& caseId) = 0;
    [[nodiscard]] virtual Result<CenterStats> stats() = 0;

    /** Records a wipe order and revokes the device, in one transaction. Codes: unknown_device, wipe_ordered
     *  (the device already has one). */
    [[nodiscard]] virtual Status addWipeOrder(const WipeOrderRecord& order) = 0;
    /** The device's wipe order, or nothing when none was given. */
    [[nodiscard]] virtual Result<std::optional<WipeOrderRecord>> wipeOrder(const std::string& deviceId) = 0;
    [[nodiscard]] virtual Result<std::vector<WipeOrderRecord>> wipeOrders() = 0;
    /** Notes the first time the order went out to the device (later deliveries keep that time). */
    [[nodiscard]] virtual Status markWipeDelivered(const std::string& deviceId, std::int64_t nowMs) = 0;
    /** Records the device's confirmation; from then on the device is refused. Code unknown_order when the
     *  device has no pending order with this id. */
    [[nodiscard]] virtual Status confirmWipe(const std::string& deviceId, const std::string& orderId,
                                             std::int64_t nowMs) = 0;
    /** Takes a batch of a device to be wiped into quarantine in one transaction: each new operation is kept
     *  as it came and acked QUARANTINED; a repeat gets its original ack; nothing is applied. */
    [[nodiscard]] virtual Result<std::vector<protocol::PushAck>>
    quarantineBatch(const DeviceRecord& device, const std::vector<protocol::Operation>& ops,
                    std::int64_t nowMs) = 0;
    /** Every quarantined operation, oldest first. */
    [[nodiscard]] virtual Result<std::vector<QuarantinedOperation>> quarantinedOperations() = 0;
};

/** Opens (or with `create`, creates) the embedded SQLite center store. */
[[nodiscard]] Result<std::unique_ptr<CenterStore>> openSqliteCenterStore(const std::filesystem::path& file,
                                                                         bool create);

} // namespace fieldkit::hub
