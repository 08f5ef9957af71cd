#pragma once

#include <fieldkit/app/case_repository.hpp>
#include <fieldkit/app/contact_repository.hpp>
#include <fieldkit/app/inbound_change_source.hpp>
#include <fieldkit/app/outbox_monitor.hpp>
#include <fieldkit/app/session_service.hpp>
#include <fieldkit/app/store_connection.hpp>
#include <fieldkit/crypto/field_values.hpp>
#include <functional>
#include <memory>
#include <set>
#include <string>

namespace fieldkit::app {

/** Staff and unlocking on the encrypted store: the staff id is the slot's name; the store keeps the failed
 *  attempts, so a restart does not reset them. */
class StoreSessionService final : public SessionService {
public:
    explicit StoreSessionService(std::shared_ptr<StoreConnection> connection);

    [[nodiscard]] std::vector<StaffMember> staff() const override;
    [[nodiscard]] UnlockResult unlock(const QString& staffId, const QString& pin) override;
    void unlockInBackground(const QString& staffId, const QString& pin, UnlockDone done) override;
    void lock() override;
    void changePin(const QString& oldPin, const QString& newPin, PinChanged done) override;

private:
    std::shared_ptr<StoreConnection> m_connection;
};

/**
 * Cases on the encrypted store. Lists read clear metadata only; every decryption goes through openCase or
 * findByCpr with a purpose, so the store's audit log records it. Errors keep the store's codes (except
 * "unknown_case", which is the app's "case_not_found"); "locked" when there is no session.
 *
 * "Mine" means created by the unlocked staff member (on any device of the unit: the creating operation names
 * its staff). Every list, "mine" and "conflicted" included, is filtered and paged by the store.
 */
class StoreCaseRepository final : public CaseRepository {
public:
    explicit StoreCaseRepository(std::shared_ptr<StoreConnection> connection);

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

    /** How a version is named in FieldConflict: "<device id>:<device seq>". */
    [[nodiscard]] static QString versionId(const std::string& deviceId, std::uint64_t deviceSeq);

private:
    using Values = std::vector<crypto::FieldValue>;
    /** One save of register values: `values` decides them (its error is returned, nothing is written). */
    [[nodiscard]] Status setValues(const QString& caseId, const std::function<Result<Values>()>& values);

    std::shared_ptr<StoreConnection> m_connection;
};

/** Contacts on the store: registered with the store's clock, counted by the store. */
class StoreContactRepository final : public ContactRepository {
public:
    explicit StoreContactRepository(std::shared_ptr<StoreConnection> connection);

    [[nodiscard]] Status addContact(const ContactRecord& contact) override;
    [[nodiscard]] Result<ContactStatistics> statisticsBetween(const QDateTime& from,
                                                              const QDateTime& to) const override;

private:
    std::shared_ptr<StoreConnection> m_connection;
};

/** The outbox from the store's sync queue, on the UI thread's connection (no key). */
class StoreOutboxMonitor final : public OutboxMonitor {
public:
    explicit StoreOutboxMonitor(std::shared_ptr<StoreConnection> connection);
    [[nodiscard]] Result<OutboxHealth> health() override;

private:
    std::shared_ptr<StoreConnection> m_connection;
};

/** Inbound changes on the store, seen from the session's own connection (see InboundSyncWatcher). */
class StoreInboundChangeSource final : public InboundChangeSource {
public:
    explicit StoreInboundChangeSource(std::shared_ptr<StoreConnection> connection);

    [[nodiscard]] std::optional<std::int64_t> externalChangeMark() override;
    [[nodiscard]] std::optional<std::int64_t> caseRevision(const QString& caseId) override;
    [[nodiscard]] Result<int> indexArrivedCases() override;

private:
    std::shared_ptr<StoreConnection> m_connection;
};

} // namespace fieldkit::app
