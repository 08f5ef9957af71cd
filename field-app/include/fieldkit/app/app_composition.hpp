#pragma once

#include <QObject>
#include <QVariantMap>
#include <fieldkit/app/case_repository.hpp>
#include <fieldkit/app/contact_repository.hpp>
#include <fieldkit/app/in_memory_backends.hpp>
#include <fieldkit/app/inbound_change_source.hpp>
#include <fieldkit/app/outbox_monitor.hpp>
#include <fieldkit/app/session_service.hpp>
#include <fieldkit/hw/clock.hpp>
#include <fieldkit/hw/profile.hpp>
#include <fieldkit/hw/profile_selection.hpp>
#include <memory>

namespace fieldkit::app {

class AttachmentController;
class CaseEditController;
class CaseListModel;
class CaseTimelineModel;
class ConflictController;
class ContactController;
class InboundSyncWatcher;
class CprInputController;
class LanguageController;
class LifeSituationModel;
class ProfileSettings;
class ServiceCatalogueModel;
class SessionController;
class SyncStatusController;

/** The store-side services the app runs on: the encrypted device store, or in memory for the demo. */
struct AppBackends {
    std::unique_ptr<SessionService> session;
    std::unique_ptr<CaseRepository> cases;
    std::unique_ptr<ContactRepository> contacts;
    std::unique_ptr<OutboxMonitor> outbox;        // null when there is no local outbox (in memory)
    std::unique_ptr<InboundChangeSource> inbound; // null when nothing else writes (in memory)
};

/** In-memory backends, optionally with a demo working day (`--demo`, the self-test, QML tests). */
[[nodiscard]] AppBackends makeInMemoryBackends(const WallClock& clock, bool demoData);

/** Where files to attach are dropped (a scanner's or USB stick's folder): `<dataDir>/import`. */
[[nodiscard]] QString importFolderIn(const QString& dataDir);

/** The backends on the encrypted store in `dataDir` (`<dataDir>/store.db` must exist; it is never created
 *  here). Fails with the store's code ("corrupt_store", "newer_store", ...) and changes nothing. */
[[nodiscard]] Result<AppBackends> makeStoreBackends(const QString& dataDir);

/**
 * Builds the models and controllers over the backends and wires their signals (lock and kiosk reset drop
 * citizen data, saves refresh lists, reveals are audited). The composition root: it owns, QML only receives
 * each service as an initial property of Main.qml.
 */
class AppComposition : public QObject {
    Q_OBJECT

public:
    AppComposition(AppBackends backends, hw::Profile profile, hw::ProfileSelection selection,
                   const QString& dataDir, const hw::Clock& clock, WallClock wallClock,
                   QObject* parent = nullptr);
    ~AppComposition() override;

    /** Main.qml's required properties. */
    [[nodiscard]] QVariantMap qmlProperties(const QString& startPage = {}) const;

    [[nodiscard]] LanguageController& language() { return *m_language; }
    [[nodiscard]] SessionController& session() { return *m_session; }
    [[nodiscard]] CaseEditController& caseEditor() { return *m_caseEditor; }
    [[nodiscard]] ConflictController& conflicts() { return *m_conflicts; }
    [[nodiscard]] CaseRepository& caseRepository() { return *m_backends.cases; }

    /** Screenshots: unlock as the first staff member with `pin` and open what `page` shows (a real store may
     *  have no conflicted case: the conflicts page then shows the newest case, without conflicts). */
    bool prepareDemoPage(const QString& page, const QString& pin);

private:
    AppBackends m_backends; // outlives the controllers below: ~AppComposition deletes them first
    LanguageController* m_language;
    ProfileSettings* m_profile;
    ServiceCatalogueModel* m_catalogue;
    LifeSituationModel* m_lifeSituations;
    SessionController* m_session;
    CaseListModel* m_caseList;
    CaseEditController* m_caseEditor;
    CaseTimelineModel* m_timeline;
    AttachmentController* m_attachments;
    ConflictController* m_conflicts;
    CprInputController* m_cprInput;
    ContactController* m_contacts;
    SyncStatusController* m_syncStatus;
    InboundSyncWatcher* m_inbound; // null without an inbound change source
};

} // namespace fieldkit::app
