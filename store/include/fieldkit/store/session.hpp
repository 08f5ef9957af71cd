#pragma once

#include <fieldkit/core/result.hpp>
#include <fieldkit/crypto/blind_index.hpp>
#include <fieldkit/crypto/box_key_pair.hpp>
#include <fieldkit/crypto/field_values.hpp>
#include <fieldkit/crypto/key_slot.hpp>
#include <fieldkit/store/device_store.hpp>
#include <fieldkit/store/store_types.hpp>
#include <optional>
#include <string>
#include <vector>

namespace fieldkit::store {

/** An unlocked store: holds the data key in secret memory for one staff member until destroyed (lock).
 *  Every change is one transaction that also queues its operation for sync; every read of personal data
 *  writes an audit entry with its purpose. */
class Session {
public:
    Session(DeviceStore& store, std::string staff, crypto::DataKey dek,
            std::optional<crypto::BoxKeyPair> unitKey, crypto::BoxPublicKey centerKey,
            crypto::BoxPublicKey unitPublicKey);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    [[nodiscard]] const std::string& staff() const { return m_staff; }

    // Cases
    /** Creates a case (with its life situation and, when `input.contact` is set, the enquiry's contact) in
     *  one transaction. */
    [[nodiscard]] Result<CreatedCase> createCase(const NewCase& input);
    /** Creates many cases in one transaction (imports, kiosk queues, benchmarks): all or nothing. */
    [[nodiscard]] Result<std::vector<CreatedCase>> createCases(const std::vector<NewCase>& inputs);
    /** Sets register fields (name, address, phone, checklist answers, ...) in one operation. */
    [[nodiscard]] Status setFields(const CaseId& id, const std::vector<crypto::FieldValue>& values);
    [[nodiscard]] Status appendNote(const CaseId& id, const std::string& text);
    /** Closes the named conflicting versions of a register field with `value` (a person's decision). */
    [[nodiscard]] Status resolveField(const CaseId& id, std::uint32_t fieldId, const std::string& value,
                                      const std::vector<VersionRef>& closes);
    /** Moves a case along the lifecycle; an invalid transition is refused with the reason. */
    [[nodiscard]] Status changeStatus(const CaseId& id, core::CaseStatus to, const std::string& note = {});
    [[nodiscard]] Result<std::vector<CaseSummary>> listCases(const CaseFilter& filter);
    [[nodiscard]] Result<std::int64_t> countCases(const CaseFilter& filter);
    /** Decrypts a case; audited with `purpose`. */
    [[nodiscard]] Result<CaseDetails> openCase(const CaseId& id, const std::string& purpose);
    /** Cases of this citizen via the blind index; audited with `purpose`: one entry per case found (each is
     *  a look at that case), or one without a case when nothing was found. */
    [[nodiscard]] Result<std::vector<CaseSummary>> findByCpr(const std::string& cpr,
                                                             const std::string& purpose);
    /** Cases whose citizen's name has a word starting with each word of `query` (at least one of 3 letters
     *  or more; name_index.hpp says what the index reveals), newest first, at most `limit`. Audited like
     *  findByCpr: one entry per case found. Error `search_too_short`. */
    [[nodiscard]] Result<std::vector<CaseSummary>> findByName(const std::string& query,
                                                              const std::string& purpose, int limit = 100);
    [[nodiscard]] Result<std::vector<HistoryEntry>> history(const CaseId& id);

    // The citizen's side (issue 18)
    /** The case's receipt (reference and access code), audited as a look with `purpose`; none for a case made
     *  before receipts existed. */
    [[nodiscard]] Result<std::optional<CitizenReceipt>> citizenReceipt(const CaseId& id,
                                                                       const std::string& purpose);
    /** Seals the case's citizen view (service, status timeline, missing checklist items, Min log from this
     *  device's audit entries) under its receipt code and queues it for the daemon. The first time derives
     * the view key (Argon2id, at creation), later times unwrap it. */
    [[nodiscard]] Status publishCitizenView(const CaseId& id);
    /** Seals again every view whose case changed or was looked at since (saves and looks only mark it, so
     *  they stay as fast as before); the app calls it when it shows a case, fieldkit-ctl after each command.
     *  Returns how many were sealed. */
    [[nodiscard]] Result<int> publishCitizenViews();

    // Attachments
    /** Encrypts the file in 256 KiB secretstream chunks and references it from an operation on the case (a
     *  signature replaces the case's signature, a file is added), chunks, operation and outbox entry in one
     *  transaction. Refuses other types than PNG, JPEG and PDF, content that is not the named type, and files
     *  over kMaxAttachmentBytes. */
    [[nodiscard]] Result<AttachmentInfo> attachFile(const CaseId& id, const NewAttachment& input);
    /** The attachment's bytes, decrypted and checked whole (altered, reordered or truncated: "tampered");
     *  audited with `purpose`. */
    [[nodiscard]] Result<std::vector<std::uint8_t>>
    readAttachment(const CaseId& id, const AttachmentId& attachment, const std::string& purpose);
    /** The case's attachments (decrypted names and types); audited with `purpose`. */
    [[nodiscard]] Result<std::vector<AttachmentInfo>> listAttachments(const CaseId& id,
                                                                      const std::string& purpose);
    /** Indexes cases that arrived from other devices of the unit (the daemon cannot: it is blind): opens
     *  their keys, seals their rows, and brings the search entries (CPR, name) up to date with every
     *  operation written elsewhere since the last call (after migration 7, once for every case). Returns how
     *  many cases it indexed. */
    [[nodiscard]] Result<int> indexArrivedCases();

    // Contacts and statistics
    [[nodiscard]] Status registerContact(const ContactRecord& contact);
    [[nodiscard]] Result<ContactStatistics> contactStatistics(std::int64_t fromMs, std::int64_t toMs);

    // Staff and administration
    [[nodiscard]] Status addStaff(const std::string& name, const std::string& pin,
                                  const crypto::KdfParams& kdf);
    [[nodiscard]] Status removeStaff(const std::string& name);
    [[nodiscard]] Status changePin(const std::string& oldPin, const std::string& newPin,
                                   const crypto::KdfParams& kdf);
    // changePin in two steps, so the app can run the key derivations (crypto::rewrapKey) off its UI thread:
    /** The unlocked staff member's own key slot. */
    [[nodiscard]] Result<crypto::WrappedKey> ownKeySlot();
    /** Replaces the own key slot `seen` (as ownKeySlot returned it) with `rewrapped`, audited; code
     *  "slot_changed" when the slot is no longer `seen` (changed meanwhile, elsewhere). */
    [[nodiscard]] Status replaceOwnKeySlot(const crypto::WrappedKey& seen,
                                           const crypto::WrappedKey& rewrapped);
    /** Crypto-shreds closed cases the center acknowledged more than `windowMs` ago; returns how many. */
    [[nodiscard]] Result<int> purge(std::int64_t windowMs);
    /** integrity_check, the audit chain, and that every operation opens. */
    [[nodiscard]] Result<VerifyReport> verify();
    [[nodiscard]] Result<std::vector<AuditEntry>> auditLog(const std::string& caseHex = {});

private:
    void republishCitizenView(const CaseId& id);
    /** Marks the case's citizen view for sealing again (inside the caller's transaction when there is one).
     */
    void markCitizenViewStale(const CaseId& id);
    /** Writes one case inside the caller's transaction. */
    [[nodiscard]] Result<CreatedCase> insertCase(const NewCase& input);

    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::string m_staff;
};

} // namespace fieldkit::store
