#pragma once

#include <QDateTime>
#include <fieldkit/app/case_repository.hpp>
#include <fieldkit/app/contact_repository.hpp>
#include <fieldkit/app/session_service.hpp>
#include <functional>
#include <map>
#include <set>
#include <vector>

namespace fieldkit::app {

/** "Now" on the wall clock (case and contact times); a seam so tests choose the day. */
using WallClock = std::function<QDateTime()>;

/** Sessions for the demo and tests (no store file); PINs are compared in plain, so never on a device. */
class InMemorySessionService final : public SessionService {
public:
    struct Account {
        StaffMember member;
        QString pin;
    };
    explicit InMemorySessionService(std::vector<Account> accounts, int maxAttempts = 5);

    [[nodiscard]] std::vector<StaffMember> staff() const override;
    [[nodiscard]] UnlockResult unlock(const QString& staffId, const QString& pin) override;
    void lock() override;
    void changePin(const QString& oldPin, const QString& newPin, PinChanged done) override;

    [[nodiscard]] bool isUnlocked() const { return !m_current.isEmpty(); }
    [[nodiscard]] const QString& currentStaffId() const { return m_current; }
    [[nodiscard]] QString currentStaffName() const;

private:
    std::vector<Account> m_accounts;
    std::map<QString, int> m_failures;
    int m_maxAttempts;
    QString m_current;
};

class InMemoryContactRepository;

/** Cases in memory, for tests and screenshots; the audit log is a list to inspect. */
class InMemoryCaseRepository final : public CaseRepository {
public:
    struct Stored {
        CaseDetails details;
        std::vector<FieldConflict> conflicts;
        std::map<QString, QByteArray> contents; // attachment id -> bytes
        // Steps ticked per life situation, as the store keeps them: switching back shows them again.
        std::map<QString, std::set<std::uint16_t>> lifeSituationTicks;
    };
    struct AuditEntry {
        QString caseId;
        QString purpose;
        QDateTime at;
        QString staff;
    };

    /** `staffName` names the author of notes and decides "mine". */
    InMemoryCaseRepository(WallClock clock, std::function<QString()> staffName);

    [[nodiscard]] int countCases(CaseFilter filter) const override;
    [[nodiscard]] std::vector<CaseSummary> listCases(CaseFilter filter, int offset, int limit) const override;
    [[nodiscard]] Result<QString> createCase(const NewCase& newCase) override;
    [[nodiscard]] Result<CaseDetails> loadCase(const QString& caseId, const QString& purpose) override;
    [[nodiscard]] Status setStatus(const QString& caseId, core::CaseStatus to,
                                   const QString& reason) override;
    [[nodiscard]] Status setField(const QString& caseId, CaseField field, const QString& value) override;
    [[nodiscard]] Status setChecklistItem(const QString& caseId, std::uint16_t itemId, bool done) override;
    [[nodiscard]] Status appendNote(const QString& caseId, const QString& text) override;
    [[nodiscard]] Status setLifeSituation(const QString& caseId, const QString& situation) override;
    [[nodiscard]] Status setLifeSituationStep(const QString& caseId, const QString& situation,
                                              std::uint16_t stepId, bool done) override;
    [[nodiscard]] Result<std::vector<CaseSummary>> findByName(const QString& query, const QString& purpose,
                                                              int limit) override;
    [[nodiscard]] Result<std::vector<CaseSummary>> findByCpr(const core::Cpr& cpr,
                                                             const QString& purpose) override;
    [[nodiscard]] Result<std::vector<FieldConflict>> conflicts(const QString& caseId) override;
    [[nodiscard]] Status resolveConflict(const QString& caseId, std::uint32_t fieldId, const QString& value,
                                         const std::vector<QString>& closedVersionIds) override;
    [[nodiscard]] Status recordCprReveal(const QString& caseId, const QString& cprDigits,
                                         const QString& purpose) override;
    [[nodiscard]] Result<std::vector<TimelineEvent>> timeline(const QString& caseId) override;
    [[nodiscard]] Result<CaseAttachment> attachFile(const QString& caseId,
                                                    const NewCaseAttachment& attachment) override;
    [[nodiscard]] Result<QByteArray> readAttachment(const QString& caseId, const QString& attachmentId,
                                                    const QString& purpose) override;

    /** Where a walk-up's contact goes (NewCase::registersContact); none: the contact is not kept. */
    void setContacts(InMemoryContactRepository* contacts) { m_contacts = contacts; }
    /** Adds a case as it would arrive from sync (tests and demo data). */
    void insert(Stored stored);
    [[nodiscard]] const std::vector<AuditEntry>& auditLog() const { return m_audit; }

private:
    [[nodiscard]] Stored* find(const QString& caseId);
    [[nodiscard]] std::vector<const Stored*> filtered(CaseFilter filter) const;
    void touch(Stored& stored);

    WallClock m_clock;
    std::function<QString()> m_staffName;
    std::vector<Stored> m_cases;
    std::vector<AuditEntry> m_audit;
    InMemoryContactRepository* m_contacts = nullptr;
    int m_nextId = 1;
};

/** Contacts in memory. */
class InMemoryContactRepository final : public ContactRepository {
public:
    [[nodiscard]] Status addContact(const ContactRecord& contact) override;
    [[nodiscard]] Result<ContactStatistics> statisticsBetween(const QDateTime& from,
                                                              const QDateTime& to) const override;

private:
    std::vector<ContactRecord> m_contacts;
};

/** Fills the in-memory backends with a plausible working day (fictitious people, test CPR numbers). */
void seedDemoData(InMemoryCaseRepository& cases, InMemoryContactRepository& contacts, const QDateTime& now);

/** The demo staff accounts: "Mette Jensen" (PIN 1234) and "Ali Hassan" (PIN 2468). */
[[nodiscard]] std::vector<InMemorySessionService::Account> demoAccounts();

} // namespace fieldkit::app
