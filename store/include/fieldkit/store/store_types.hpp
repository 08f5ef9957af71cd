#pragma once

#include <cstdint>
#include <fieldkit/core/case_status.hpp>
#include <fieldkit/core/channel.hpp>
#include <fieldkit/core/id128.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fieldkit::store {

using core::CaseId;

struct AttachmentIdTag;
/** An attachment's random 128-bit id; clear in the store and on the wire (it names nothing personal). */
using AttachmentId = core::Id128<AttachmentIdTag>;

/** Largest attachment a case takes: a phone photo or a scanned PDF fits, a video does not. */
inline constexpr std::uint64_t kMaxAttachmentBytes = 25ull << 20;

/** A file staff attach to a case. The name and media type can say something about the citizen (a file named
 *  after them, a medical PDF), so both are stored only inside the case's ciphertext. */
struct NewAttachment {
    std::string displayName;
    std::string mediaType;     // image/png | image/jpeg | application/pdf
    std::string kind = "file"; // file | signature (a finger signature, image/png)
    std::vector<std::uint8_t> bytes;
};

/** An attachment as a case lists it (decrypted reference; the content is read separately, audited). */
struct AttachmentInfo {
    AttachmentId id;
    std::string displayName;
    std::string mediaType;
    std::string kind;
    std::uint64_t size = 0;
    std::uint32_t chunkCount = 0;
    std::string staff;
    std::int64_t atMs = 0;
    bool available = false; // every chunk is on this device (one from another device may still be arriving)
};

/** A field an operation touches and the version its author saw: a center sequence, or (when the author saw
 *  its own change that the center has not acknowledged yet) that change's device sequence. */
struct FieldRef {
    std::uint32_t fieldId = 0;
    std::uint64_t baseSeq = 0;
    std::uint64_t baseDeviceSeq = 0;
    friend bool operator==(const FieldRef&, const FieldRef&) = default;
};

/** The citizen's personal fields as staff enter them; all of it is encrypted at rest. */
struct CitizenFields {
    std::string cpr; // DDMMYYSSSS or DDMMYY-SSSS; empty when the citizen gave none
    std::string name;
    std::string address;
    std::string phone;
};

/** A contact registered for channel statistics, possibly without a case. */
struct ContactRecord {
    std::string channel;
    std::string service;
    std::string type; // information | transaction | help-to-self-service
    bool resolvedAtFirstContact = false;
    std::string referredTo;
    std::string citizenCpr; // optional; only its blind hash is stored (pseudonymous reference)
};

/** What staff fill in to open a case. */
struct NewCase {
    std::string service; // service code from the catalogue
    std::string channel; // bike | to-go | kiosk | ...
    CitizenFields citizen;
    std::vector<std::string> notes;
    std::vector<std::pair<std::uint16_t, std::string>> checklist; // service checklist item id → answer
    std::string lifeSituation{};                    // code of the life situation talked through; empty: none
    std::vector<std::uint16_t> lifeSituationDone{}; // its steps already ticked
    // The enquiry's contact, registered in the same transaction as the case (a walk-up is one save); its
    // service, channel and citizen are the case's.
    std::optional<ContactRecord> contact{};
};

/** The outcome of creating a case: its id, and a soft warning staff may want to see. */
struct CreatedCase {
    CaseId id;
    bool cprFailsModulus11 = false; // valid since 2007; shown as a note, never refused
};

/** Clear metadata of a case: never personal. */
struct CaseSummary {
    CaseId id;
    std::string service;
    std::string kle;
    core::CaseStatus status = core::CaseStatus::Opened;
    std::string unit;
    std::string channel;
    std::int64_t createdMs = 0;
    std::int64_t updatedMs = 0;
    bool conflicted = false;
    bool pendingSync = false;
    std::string createdBy; // the staff member whose operation created the case (on any device of the unit)
};

/** Filters for the case list; empty means any. */
struct CaseFilter {
    std::optional<core::CaseStatus> status;
    std::string service;
    std::string unit;
    bool openOnly = false; // excludes closed and withdrawn
    bool conflictedOnly = false;
    std::string createdBy; // only cases this staff member created
    int limit = 50;
    int offset = 0;
};

/** One version of a field, with who wrote it and when (several versions = a conflict). */
struct FieldVersion {
    std::string value;
    std::string staff;
    std::string deviceId;
    std::uint64_t deviceSeq = 0;
    std::int64_t atMs = 0;
};

/** Names one version of a field: the operation that wrote it. */
struct VersionRef {
    std::string deviceId;
    std::uint64_t deviceSeq = 0;
};

/** A decrypted case: every register field's current version(s) and every add-only entry. */
struct CaseDetails {
    CaseSummary summary;
    std::map<std::uint32_t, std::vector<FieldVersion>> registers; // field id → versions in force
    std::map<std::uint32_t, std::vector<FieldVersion>> appended; // add-only field id → entries, oldest first
    std::vector<AttachmentInfo> attachments; // files and the signature(s) in force, oldest first
};

/** The citizen's receipt (issue 18): shown on the case page as text and QR code; normalised values. */
struct CitizenReceipt {
    std::string reference; // 10 Crockford base32 characters
    std::string code;      // 16
};

/** A citizen view the daemon sends with its next push (sealed: it cannot open it). */
struct PendingCitizenView {
    std::string reference;
    std::vector<std::uint8_t> caseId;
    std::vector<std::uint8_t> verifier;
    std::vector<std::uint8_t> sealed;
    std::int64_t updatedMs = 0;
    std::int64_t expiresMs = 0;
};

/** The hub's answer to one published view. */
struct CitizenViewAnswer {
    std::string reference;
    std::int64_t updatedMs = 0;
    std::string refused; // empty: taken
};

/** One line of a case's history: an operation, without its personal content. */
struct HistoryEntry {
    std::string kind;
    std::string staff;
    std::int64_t atMs = 0;
    std::vector<std::uint32_t> fields;
    std::string statusChange; // new status when the operation changed it
    bool synced = false;
};

/** Contacts counted per channel and service for one day. */
struct ContactStatistics {
    std::map<std::string, int> perChannel;
    std::map<std::string, int> perService;
    int total = 0;
    int helpToSelfService = 0;
    int resolvedAtFirstContact = 0;
};

/** A staff member's key slot as the unlock screen shows it. */
struct StaffSlotInfo {
    std::string name;
    int failedAttempts = 0;
    bool disabled = false;
};

/** What `verify` found; `problems` is empty when everything holds. */
struct VerifyReport {
    std::int64_t cases = 0;
    std::int64_t operations = 0;
    std::int64_t auditEntries = 0;
    std::vector<std::string> problems;
};

/** An audit entry: who did what to which case and why. */
struct AuditEntry {
    std::int64_t seq = 0;
    std::int64_t atMs = 0;
    std::string staff;
    std::string action;
    std::string caseId; // hex, empty for store-wide actions
    std::string purpose;
};

} // namespace fieldkit::store
