#pragma once

#include <QObject>
#include <QString>
#include <QVariantList>
#include <fieldkit/app/case_repository.hpp>
#include <optional>

namespace fieldkit::app {

class LanguageController;

/**
 * Opening and editing one case: create, load (audited), checklist ticks, add-only notes, status changes
 * along the lifecycle (core::checkTransition decides; a refusal keeps its reason code), referral.
 */
class CaseEditController : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool loaded READ loaded NOTIFY changed)
    Q_PROPERTY(QString caseId READ caseId NOTIFY changed)
    Q_PROPERTY(QString serviceCode READ serviceCode NOTIFY changed)
    Q_PROPERTY(QString status READ status NOTIFY changed)
    Q_PROPERTY(QStringList allowedNextStatuses READ allowedNextStatuses NOTIFY changed)
    Q_PROPERTY(QString channel READ channel NOTIFY changed)
    Q_PROPERTY(QString created READ created NOTIFY changed)
    Q_PROPERTY(QString updated READ updated NOTIFY changed)
    Q_PROPERTY(bool conflicted READ conflicted NOTIFY changed)
    Q_PROPERTY(QString maskedCpr READ maskedCpr NOTIFY changed)
    Q_PROPERTY(QString citizenName READ citizenName NOTIFY changed)
    Q_PROPERTY(QString address READ address NOTIFY changed)
    Q_PROPERTY(QString phone READ phone NOTIFY changed)
    Q_PROPERTY(QString referredTo READ referredTo NOTIFY changed)
    // The citizen's receipt (issue 18): as printed (dashes), and the status page link for the QR code, whose
    // fragment carries reference and code (browsers never send a fragment to the server).
    Q_PROPERTY(QString receiptReference READ receiptReference NOTIFY changed)
    Q_PROPERTY(QString receiptCode READ receiptCode NOTIFY changed)
    Q_PROPERTY(QString statusPageUrl READ statusPageUrl CONSTANT)
    Q_PROPERTY(QString receiptLink READ receiptLink NOTIFY changed)
    Q_PROPERTY(QVariantList checklist READ checklist NOTIFY changed)
    Q_PROPERTY(QString lifeSituation READ lifeSituation NOTIFY changed)
    Q_PROPERTY(QVariantList lifeSituationSteps READ lifeSituationSteps NOTIFY changed)
    Q_PROPERTY(QVariantList notes READ notes NOTIFY changed)
    Q_PROPERTY(QVariantList attachments READ attachments NOTIFY changed)
    Q_PROPERTY(bool hasSignature READ hasSignature NOTIFY changed)
    Q_PROPERTY(QString errorCode READ errorCode NOTIFY changed)

public:
    CaseEditController(CaseRepository& repository, const LanguageController& language,
                       QObject* parent = nullptr);

    [[nodiscard]] bool loaded() const { return m_case.has_value(); }
    [[nodiscard]] QString caseId() const;
    [[nodiscard]] QString serviceCode() const;
    [[nodiscard]] QString status() const;
    [[nodiscard]] QStringList allowedNextStatuses() const;
    [[nodiscard]] QString channel() const;
    [[nodiscard]] QString created() const;
    [[nodiscard]] QString updated() const;
    [[nodiscard]] bool conflicted() const;
    [[nodiscard]] QString maskedCpr() const;
    [[nodiscard]] QString citizenName() const;
    [[nodiscard]] QString address() const;
    [[nodiscard]] QString phone() const;
    [[nodiscard]] QString referredTo() const;
    [[nodiscard]] QString receiptReference() const;
    [[nodiscard]] QString receiptCode() const;
    [[nodiscard]] QString statusPageUrl() const { return m_statusPageUrl; }
    [[nodiscard]] QString receiptLink() const;
    /** Where Borgerblikket is (FIELDKIT_STATUS_URL; e.g. https://status.kommune.dk/status); empty: no QR. */
    void setStatusPageUrl(const QString& url) { m_statusPageUrl = url; }
    /** The service's checklist with ticks: [{itemId, text, done}]. */
    [[nodiscard]] QVariantList checklist() const;
    /** The code of the life situation the case is about ("moving", ...), empty for none. */
    [[nodiscard]] QString lifeSituation() const;
    /** Its proactive checklist with what is done: [{stepId, text, serviceCode, done}]. */
    [[nodiscard]] QVariantList lifeSituationSteps() const;
    /** [{at, author, text}], oldest first. */
    [[nodiscard]] QVariantList notes() const;
    /** [{attachmentId, name, mediaType, kind, size, staff, at, available, image}], oldest first. */
    [[nodiscard]] QVariantList attachments() const;
    /** Whether the citizen has signed this case (a signature attachment is in force). */
    [[nodiscard]] bool hasSignature() const;
    /** The code of the last refusal or failure ("status_backwards", "case_not_found", ...); empty after
     * success. */
    [[nodiscard]] QString errorCode() const { return m_errorCode; }

    /** Creates a case and loads it; `channel` is a core channel code; `cprDigits` may be empty. The case
     *  registers the enquiry's contact in the same save (the walk-up), and keeps the life situation talked
     *  through (`situation`, may be empty) with the step ids in `doneSteps` already ticked. */
    Q_INVOKABLE bool createCase(const QString& serviceCode, const QString& channel, const QString& cprDigits,
                                const QString& name, const QString& address, const QString& phone,
                                const QString& situation = {}, const QVariantList& doneSteps = {});
    Q_INVOKABLE bool load(const QString& caseId);
    /** Decrypts the open case again (audited) after an inbound change touched it; no `caseSaved`. */
    bool refreshAfterInbound();
    /** The store revision the open case was decrypted at; nullopt when none is open or not tracked. */
    [[nodiscard]] std::optional<std::int64_t> revision() const;
    /** Whether the status menu may offer `to`; sets errorCode to the refusal reason when not. */
    Q_INVOKABLE bool canChangeStatus(const QString& to);
    /** Changes the status after the user confirmed; refused transitions change nothing. */
    Q_INVOKABLE bool changeStatus(const QString& to, const QString& reason);
    /** Records the authority and moves the case to `referred`. */
    Q_INVOKABLE bool refer(const QString& authority, const QString& reason);
    Q_INVOKABLE bool setChecklistItem(int itemId, bool done);
    /** Makes the open case about `situation` (a core code); steps ticked for it before come back. */
    Q_INVOKABLE bool setLifeSituation(const QString& situation);
    /** Ticks or unticks a step of the open case's life situation: saved at once, like a checklist tick. */
    Q_INVOKABLE bool setLifeSituationStep(int stepId, bool done);
    /** Notes are add-only: there is no edit or delete. Blank notes are refused. */
    Q_INVOKABLE bool addNote(const QString& text);
    /** Cases of the citizen with this CPR on the device: [{caseId, serviceCode, status}] (blind index; the
     * look-up is logged). A failure leaves the list empty and sets errorCode. */
    Q_INVOKABLE QVariantList casesForCpr(const QString& cprDigits);
    /** Forgets the loaded case (lock, kiosk reset). */
    Q_INVOKABLE void clear();

signals:
    void changed();
    /** A case was created or changed: lists should refresh. */
    void caseSaved(const QString& caseId);

private:
    bool fail(const Error& error);
    bool reload();

    CaseRepository& m_repository;
    const LanguageController& m_language;
    std::optional<CaseDetails> m_case;
    QString m_statusPageUrl = qEnvironmentVariable("FIELDKIT_STATUS_URL");
    QString m_errorCode;
};

} // namespace fieldkit::app
