#pragma once

#include <QDateTime>
#include <QString>
#include <cstdint>
#include <fieldkit/core/case_status.hpp>
#include <fieldkit/core/channel.hpp>
#include <fieldkit/core/cpr.hpp>
#include <fieldkit/core/result.hpp>
#include <map>
#include <set>
#include <vector>

namespace fieldkit::app {

/** Clear metadata of a case: all that lists and statistics may show (never personal). */
struct CaseSummary {
    QString caseId;
    QString serviceCode;
    core::CaseStatus status = core::CaseStatus::Opened;
    core::Channel channel = core::Channel::Bike;
    QDateTime created;
    QDateTime updated;
    bool mine = false; // owned by the staff member of the unlocked session
    bool conflicted = false;
    bool pendingSync = false; // changed here and not yet acknowledged by the center
};

/** Which cases a list shows. */
enum class CaseFilter { All, Mine, Conflicted };

/** One add-only note; notes are never edited or deleted. */
struct CaseNote {
    QDateTime at;
    QString authorName;
    QString text;
};

/** The register fields the app edits as text. */
enum class CaseField { Name, Address, Phone, ReferredTo };

/** A file or finger signature on a case; its name and type are personal (inside the case's ciphertext). */
struct CaseAttachment {
    QString attachmentId;
    QString name;
    QString mediaType; // image/png | image/jpeg | application/pdf
    QString kind;      // file | signature
    qint64 size = 0;
    QString staff;
    QDateTime at;
    bool available = true; // every part is on this device (one from another device may still be arriving)
};

/** A file (or signature) to attach: encrypted by the store before anything is written. */
struct NewCaseAttachment {
    QString name;
    QString mediaType;
    QString kind = QStringLiteral("file");
    QByteArray bytes;
};

/** A case with its decrypted personal fields; lives in memory only while the session is unlocked. */
struct CaseDetails {
    CaseSummary summary;
    QString cprDigits; // ten digits, empty when the citizen gave none
    QString name;
    QString address;
    QString phone;
    QString referredTo;                      // authority the case was referred to, empty when none
    QString receiptReference;                // the citizen's receipt (issue 18), normalised; empty for old
    QString receiptCode;                     // cases made before receipts
    std::map<std::uint16_t, bool> checklist; // checklist item id of the service -> ticked
    QString lifeSituation{};                 // code of the life situation talked through; empty: none
    std::set<std::uint16_t> lifeSituationDone{}; // its steps ticked
    std::vector<CaseNote> notes;                 // oldest first
    std::vector<CaseAttachment> attachments;     // oldest first; the signature in force among them
    std::int64_t revision = -1;                  // operations the copy was decrypted from (-1: not tracked)
};

/** One line of a case's timeline: who did what when. `kind` and `detail` are codes that QML words in the
 *  current language: created | fields-set (detail: field codes, comma-separated) | note-added |
 *  status-changed (detail: status) | conflict-resolved (detail: field codes) | attachment-added |
 *  signature-added |
 *  viewed (detail: purpose) | cpr-revealed (detail: purpose) | cpr-searched | name-searched (detail:
 * purpose). */
struct TimelineEvent {
    QDateTime at;
    QString staff;
    QString kind;
    QString detail;
    bool operation = false; // a change (it travels to the center), not a look
    bool synced = false;    // a change the center has acknowledged
    int repeats = 1;        // identical looks in a row are shown once
};

/** What staff enter when a case is opened. */
struct NewCase {
    QString serviceCode;
    core::Channel channel = core::Channel::Bike;
    QString cprDigits;
    QString name;
    QString address;
    QString phone;
    QString lifeSituation{};                        // code, empty for none
    std::vector<std::uint16_t> lifeSituationDone{}; // its steps ticked before the case was opened
    // A walk-up registers its contact (a transaction, resolved at first contact) with the case, in the same
    // save: the statistics never count a case without its contact or a contact without its case.
    bool registersContact{false};
};

/** One concurrent version of a register field. */
struct ConflictVersion {
    QString versionId; // names the version in the resolve operation
    QString value;     // as stored ("yes"/"no" for a checklist answer); conflict_presentation.hpp words it
    QString authorName;
    QDateTime at;
};

/** A register field changed concurrently on two devices: every version is kept until a person resolves it.
 *  Any register can conflict: the citizen's details, the CPR number, a checklist answer, a life-situation
 *  step, the signature. */
struct FieldConflict {
    std::uint32_t fieldId = 0; // core::fields
    QString serviceCode;       // the case's service, which says what a checklist answer's item is
    std::vector<ConflictVersion> versions;
};

/**
 * The cases of the unlocked device store, as the app needs them.
 *
 * Implemented in memory (tests, screenshots) and by the encrypted store. Every call runs on the UI thread and
 * must be quick; failures are values (`Result`/`Status` with a code and a sentence without personal data).
 * countCases/listCases answer 0 / nothing while locked or when the store fails; the rest return the error.
 */
class CaseRepository {
public:
    virtual ~CaseRepository() = default;

    [[nodiscard]] virtual int countCases(CaseFilter filter) const = 0;
    /** Newest first; `offset`/`limit` page the list so 10k cases never block the UI. */
    [[nodiscard]] virtual std::vector<CaseSummary> listCases(CaseFilter filter, int offset,
                                                             int limit) const = 0;
    /** Returns the new case id. */
    [[nodiscard]] virtual Result<QString> createCase(const NewCase& newCase) = 0;
    /** Decrypts a case; the store logs the view with `purpose` (who, when, which case, why). */
    [[nodiscard]] virtual Result<CaseDetails> loadCase(const QString& caseId, const QString& purpose) = 0;
    /** The caller has checked the transition with core::checkTransition; the store checks again. */
    [[nodiscard]] virtual Status setStatus(const QString& caseId, core::CaseStatus to,
                                           const QString& reason) = 0;
    [[nodiscard]] virtual Status setField(const QString& caseId, CaseField field, const QString& value) = 0;
    [[nodiscard]] virtual Status setChecklistItem(const QString& caseId, std::uint16_t itemId, bool done) = 0;
    /** Records the life situation talked through (a code from core; its steps ticked so far stay with it). */
    [[nodiscard]] virtual Status setLifeSituation(const QString& caseId, const QString& situation) = 0;
    /** Ticks or unticks step `stepId` of `situation`; one operation, so it syncs to the partner's tablet. */
    [[nodiscard]] virtual Status setLifeSituationStep(const QString& caseId, const QString& situation,
                                                      std::uint16_t stepId, bool done) = 0;
    [[nodiscard]] virtual Status appendNote(const QString& caseId, const QString& text) = 0;
    /** Cases whose CPR equals `cpr` (blind index lookup), newest first; nothing is decrypted, but the
     * look-up is logged with `purpose`. */
    [[nodiscard]] virtual Result<std::vector<CaseSummary>> findByCpr(const core::Cpr& cpr,
                                                                     const QString& purpose) = 0;
    /** Cases whose citizen's name has words starting with the words of `query` (core::parseSearch decides
     *  what counts), newest first, at most `limit`; nothing is decrypted, but the store logs the look-up
     *  once per case found, with `purpose`. Error `search_too_short`. */
    [[nodiscard]] virtual Result<std::vector<CaseSummary>> findByName(const QString& query,
                                                                      const QString& purpose, int limit) = 0;
    /** The register fields with more than one version in force; reading them is logged (they are personal).
     */
    [[nodiscard]] virtual Result<std::vector<FieldConflict>> conflicts(const QString& caseId) = 0;
    /** Writes `value` to register `fieldId` and closes the versions named (a resolve operation). */
    [[nodiscard]] virtual Status resolveConflict(const QString& caseId, std::uint32_t fieldId,
                                                 const QString& value,
                                                 const std::vector<QString>& closedVersionIds) = 0;
    /** Encrypts and attaches a file or the signature (a new signature replaces the old one). The store
     *  checks type, content and size ("unsupported_media_type", "attachment_type_mismatch", ...). */
    [[nodiscard]] virtual Result<CaseAttachment> attachFile(const QString& caseId,
                                                            const NewCaseAttachment& attachment) = 0;
    /** The attachment's content, decrypted and checked whole; the read is logged with `purpose`. */
    [[nodiscard]] virtual Result<QByteArray>
    readAttachment(const QString& caseId, const QString& attachmentId, const QString& purpose) = 0;
    /** The case's timeline, newest first: its operations (from every device) and the looks at it the audit
     *  log recorded. Clear metadata only: nothing is decrypted, so reading it is not itself a look. */
    [[nodiscard]] virtual Result<std::vector<TimelineEvent>> timeline(const QString& caseId) = 0;
    /** Logs revealing the CPR number `cprDigits` on screen, of case `caseId` or (empty) before there is a
     * case; a failure means the reveal must not happen. */
    [[nodiscard]] virtual Status recordCprReveal(const QString& caseId, const QString& cprDigits,
                                                 const QString& purpose) = 0;
};

} // namespace fieldkit::app
