#pragma once
// The values the center store's concerns hand to the hub; none of them carries personal data in the clear.

#include <cstdint>
#include <fieldkit/protocol/codec.hpp>
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
    // The unit's secret box key wrapped under a key derived from the code (crypto::wrapUnderCodeKey), so the
    // hub can hand it over without ever holding the center key; empty once the code is used or expired.
    std::vector<std::uint8_t> unitKeyWrapped;
};

/** One device as the fleet page shows it: clear metadata only (no case, no staff, nothing personal). */
struct FleetDevice {
    std::string deviceId;
    std::string unit;
    bool revoked = false;
    std::int64_t lastSeenMs = 0; // 0 while the device has not synced since enrolment
    std::uint64_t lastAppliedDeviceSeq = 0;
    std::int64_t wipeIssuedMs = 0; // 0 without a wipe order
    std::int64_t wipeDeliveredMs = 0;
    std::int64_t wipeConfirmedMs = 0;
    std::int64_t attachmentChunksMissing = 0; // offered by the device, not yet received in full
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

/** What the console's inbox asks for: filters on clear metadata only, a sort and a page. Age filters compare
 *  case ids, whose first 48 bits are the creation time in milliseconds. */
struct InboxQuery {
    enum class Sort { NewestFirst, OldestFirst, Unit, Service, Status };
    std::string unit;                 // empty: any
    std::string service;              // empty: any
    std::string status;               // empty: any
    int conflicted = -1;              // -1 any, 0 not conflicted, 1 conflicted
    std::int64_t createdBeforeMs = 0; // 0: no bound
    std::int64_t createdAfterMs = 0;  // 0: no bound
    Sort sort = Sort::NewestFirst;
    int offset = 0;
    int limit = 25;
};

/** One page of the inbox and how many cases match in all. */
struct InboxPage {
    std::vector<CenterCase> cases;
    std::int64_t total = 0;
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

} // namespace fieldkit::hub
