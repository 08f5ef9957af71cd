#include <fieldkit/app/app_composition.hpp>
#include <fieldkit/app/attachment_controller.hpp>
#include <fieldkit/app/case_edit_controller.hpp>
#include <fieldkit/app/case_list_model.hpp>
#include <fieldkit/app/case_timeline_model.hpp>
#include <fieldkit/app/conflict_controller.hpp>
#include <fieldkit/app/contact_controller.hpp>
#include <fieldkit/app/cpr_input_controller.hpp>
#include <fieldkit/app/inbound_sync_watcher.hpp>
#include <fieldkit/app/language_controller.hpp>
#include <fieldkit/app/life_situation_model.hpp>
#include <fieldkit/app/profile_settings.hpp>
#include <fieldkit/app/service_catalogue_model.hpp>
#include <fieldkit/app/session_controller.hpp>
#include <fieldkit/app/sync_status_controller.hpp>
#include <fieldkit/core/service_catalogue.hpp>

namespace fieldkit::app {

AppBackends makeInMemoryBackends(const WallClock& clock, bool demoData) {
    auto session = std::make_unique<InMemorySessionService>(demoAccounts());
    auto* sessionPtr = session.get();
    auto cases = std::make_unique<InMemoryCaseRepository>(
        clock, [sessionPtr] { return sessionPtr->currentStaffName(); });
    auto contacts = std::make_unique<InMemoryContactRepository>();
    cases->setContacts(contacts.get());
    if (demoData) {
        seedDemoData(*cases, *contacts, clock());
    }
    return {std::move(session), std::move(cases), std::move(contacts), nullptr, nullptr};
}

QString importFolderIn(const QString& dataDir) {
    return dataDir + QStringLiteral("/import");
}

AppComposition::AppComposition(AppBackends backends, hw::Profile profile, hw::ProfileSelection selection,
                               const QString& dataDir, const hw::Clock& clock, WallClock wallClock,
                               QObject* parent)
    : QObject(parent)
    , m_backends(std::move(backends))
    , m_language(new LanguageController(this))
    , m_profile(new ProfileSettings(profile, std::move(selection), this))
    , m_catalogue(new ServiceCatalogueModel(core::serviceCatalogue(), *m_language, this))
    , m_lifeSituations(new LifeSituationModel(*m_language, this))
    , m_session(new SessionController(*m_backends.session, std::move(profile), clock, this))
    , m_caseList(new CaseListModel(*m_backends.cases, *m_catalogue, this))
    , m_caseEditor(new CaseEditController(*m_backends.cases, *m_language, this))
    , m_timeline(new CaseTimelineModel(*m_backends.cases, this))
    , m_attachments(new AttachmentController(*m_backends.cases, *m_caseEditor,
                                             ImportFolder(importFolderIn(dataDir)), this))
    , m_conflicts(new ConflictController(*m_backends.cases, *m_language, this))
    , m_cprInput(new CprInputController(this))
    , m_contacts(
          new ContactController(*m_backends.contacts, *m_catalogue, m_profile->channel(), wallClock, this))
    , m_syncStatus(new SyncStatusController(dataDir + QStringLiteral("/sync/status.json"),
                                            m_backends.outbox.get(), this))
    , m_inbound(
          m_backends.inbound
              ? new InboundSyncWatcher(
                    *m_backends.inbound,
                    [this] {
                        return InboundSyncWatcher::OpenCase{m_caseEditor->caseId(), m_caseEditor->revision()};
                    },
                    this)
              : nullptr) {
    m_caseList->setClock(wallClock);
    auto dropCitizenData = [this] {
        m_caseEditor->clear();
        m_timeline->clear();
        m_attachments->clear();
        m_conflicts->clear();
        m_cprInput->clear();
    };
    connect(m_session, &SessionController::locked, this, [this, dropCitizenData] {
        if (m_inbound != nullptr) {
            m_inbound->stop();
        }
        dropCitizenData();
        m_caseList->clear();
    });
    connect(m_session, &SessionController::citizenDataHideRequested, this, dropCitizenData);
    connect(m_session, &SessionController::changed, this, [this] {
        if (!m_session->unlocked()) {
            return;
        }
        if (m_inbound != nullptr && !m_inbound->active()) {
            // Indexes the cases that arrived while the device was locked before the list is read.
            m_inbound->start();
        }
        if (m_caseList->totalCount() == 0) {
            m_caseList->reload();
            m_contacts->refresh();
        }
    });
    if (m_inbound != nullptr) {
        connect(m_inbound, &InboundSyncWatcher::storeChanged, this, [this] {
            m_caseList->refresh();
            m_syncStatus->refresh();
            m_timeline->reload(); // acknowledgements mark changes as synced
        });
        connect(m_inbound, &InboundSyncWatcher::openCaseChanged, this, [this](const QString& caseId) {
            (void)m_caseEditor->refreshAfterInbound();
            if (m_conflicts->caseId() == caseId) {
                m_conflicts->load(caseId);
            }
        });
    }
    connect(m_caseEditor, &CaseEditController::caseSaved, m_caseList, &CaseListModel::reload);
    // A walk-up's case registers its contact too: today's figures follow.
    connect(m_caseEditor, &CaseEditController::caseSaved, m_contacts, &ContactController::refresh);
    connect(m_attachments, &AttachmentController::attached, m_caseList, &CaseListModel::reload);
    // The timeline follows the open case: every load, save and refresh adds to it.
    connect(m_caseEditor, &CaseEditController::changed, this,
            [this] { m_timeline->load(m_caseEditor->loaded() ? m_caseEditor->caseId() : QString()); });
    connect(m_conflicts, &ConflictController::resolved, this, [this](const QString& caseId) {
        m_caseList->reload();
        if (m_caseEditor->caseId() == caseId) {
            m_caseEditor->load(caseId);
        }
    });
    connect(m_cprInput, &CprInputController::auditRequested, this, [this](const QString& purpose) {
        if (const auto ok =
                m_backends.cases->recordCprReveal(m_caseEditor->caseId(), m_cprInput->digits(), purpose);
            !ok) {
            // The reveal must not go unlogged: hide again at once.
            m_cprInput->hide();
        }
    });
}

AppComposition::~AppComposition() {
    // Controllers hold references into the backends: delete them before the backends go.
    const auto children = this->children();
    for (QObject* child : children) {
        delete child;
    }
}

QVariantMap AppComposition::qmlProperties(const QString& startPage) const {
    return {{QStringLiteral("session"), QVariant::fromValue(m_session)},
            {QStringLiteral("language"), QVariant::fromValue(m_language)},
            {QStringLiteral("profile"), QVariant::fromValue(m_profile)},
            {QStringLiteral("caseModel"), QVariant::fromValue(m_caseList)},
            {QStringLiteral("syncStatus"), QVariant::fromValue(m_syncStatus)},
            {QStringLiteral("catalogue"), QVariant::fromValue(m_catalogue)},
            {QStringLiteral("lifeSituations"), QVariant::fromValue(m_lifeSituations)},
            {QStringLiteral("cprInput"), QVariant::fromValue(m_cprInput)},
            {QStringLiteral("caseEditor"), QVariant::fromValue(m_caseEditor)},
            {QStringLiteral("caseTimeline"), QVariant::fromValue(m_timeline)},
            {QStringLiteral("attachments"), QVariant::fromValue(m_attachments)},
            {QStringLiteral("conflicts"), QVariant::fromValue(m_conflicts)},
            {QStringLiteral("contacts"), QVariant::fromValue(m_contacts)},
            {QStringLiteral("startPage"), startPage}};
}

bool AppComposition::prepareDemoPage(const QString& page, const QString& pin) {
    if (page == QLatin1String("unlock") || page == QLatin1String("kiosk")) {
        return true;
    }
    const auto staff = m_backends.session->staff();
    if (staff.empty() || !m_session->unlock(staff.front().staffId, pin)) {
        return false;
    }
    m_caseList->reload();
    if (page == QLatin1String("case") || page == QLatin1String("conflicts")) {
        const auto conflicted = m_backends.cases->listCases(CaseFilter::Conflicted, 0, 1);
        const auto any = m_backends.cases->listCases(CaseFilter::All, 0, 1);
        const auto& pick = page == QLatin1String("conflicts") && !conflicted.empty() ? conflicted : any;
        if (pick.empty()) {
            return false;
        }
        m_caseEditor->load(pick.front().caseId);
        m_conflicts->load(pick.front().caseId);
    }
    if (page == QLatin1String("citizen")) {
        m_cprInput->setText(QStringLiteral("070761-4285"));
    }
    return true;
}

} // namespace fieldkit::app
