#include <algorithm>
#include <fieldkit/app/conflict_presentation.hpp>
#include <fieldkit/app/contact_statistics.hpp>
#include <fieldkit/app/in_memory_backends.hpp>
#include <fieldkit/core/case_search.hpp>
#include <fieldkit/core/life_situation_answers.hpp>
#include <fieldkit/crypto/citizen_access.hpp>

namespace fieldkit::app {
namespace {

Error notFound() {
    return makeError("case_not_found", "There is no case with this id on this device.");
}

bool matches(const CaseSummary& summary, CaseFilter filter) {
    switch (filter) {
    case CaseFilter::All:
        return true;
    case CaseFilter::Mine:
        return summary.mine;
    case CaseFilter::Conflicted:
        return summary.conflicted;
    }
    return false;
}

} // namespace

InMemorySessionService::InMemorySessionService(std::vector<Account> accounts, int maxAttempts)
    : m_accounts(std::move(accounts))
    , m_maxAttempts(maxAttempts) {}

std::vector<StaffMember> InMemorySessionService::staff() const {
    std::vector<StaffMember> out;
    out.reserve(m_accounts.size());
    for (const auto& a : m_accounts) {
        out.push_back(a.member);
    }
    return out;
}

UnlockResult InMemorySessionService::unlock(const QString& staffId, const QString& pin) {
    const auto it = std::find_if(m_accounts.begin(), m_accounts.end(),
                                 [&](const Account& a) { return a.member.staffId == staffId; });
    if (it == m_accounts.end()) {
        return {false, QStringLiteral("unknown_staff"), -1};
    }
    int& failures = m_failures[staffId];
    if (failures >= m_maxAttempts) {
        return {false, QStringLiteral("locked_out"), 0};
    }
    if (it->pin != pin) {
        ++failures;
        const int left = m_maxAttempts - failures;
        return {false, left > 0 ? QStringLiteral("wrong_pin") : QStringLiteral("locked_out"), left};
    }
    failures = 0;
    m_current = staffId;
    return {true, {}, m_maxAttempts};
}

void InMemorySessionService::lock() {
    m_current.clear();
}

void InMemorySessionService::changePin(const QString& oldPin, const QString& newPin, PinChanged done) {
    const auto it = std::find_if(m_accounts.begin(), m_accounts.end(),
                                 [&](const Account& a) { return a.member.staffId == m_current; });
    if (it == m_accounts.end()) {
        done(makeError("locked", "Unlock the device first."));
    } else if (it->pin != oldPin) {
        done(makeError("wrong_pin", "The current PIN is not right."));
    } else {
        it->pin = newPin;
        done({});
    }
}

QString InMemorySessionService::currentStaffName() const {
    for (const auto& a : m_accounts) {
        if (a.member.staffId == m_current) {
            return a.member.displayName;
        }
    }
    return {};
}

InMemoryCaseRepository::InMemoryCaseRepository(WallClock clock, std::function<QString()> staffName)
    : m_clock(std::move(clock))
    , m_staffName(std::move(staffName)) {}

std::vector<const InMemoryCaseRepository::Stored*> InMemoryCaseRepository::filtered(CaseFilter filter) const {
    std::vector<const Stored*> out;
    for (const auto& c : m_cases) {
        if (matches(c.details.summary, filter)) {
            out.push_back(&c);
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Stored* a, const Stored* b) {
        return a->details.summary.updated > b->details.summary.updated;
    });
    return out;
}

int InMemoryCaseRepository::countCases(CaseFilter filter) const {
    return static_cast<int>(filtered(filter).size());
}

std::vector<CaseSummary> InMemoryCaseRepository::listCases(CaseFilter filter, int offset, int limit) const {
    const auto all = filtered(filter);
    std::vector<CaseSummary> out;
    for (int i = std::max(offset, 0); i < static_cast<int>(all.size()) && i < offset + limit; ++i) {
        out.push_back(all[static_cast<std::size_t>(i)]->details.summary);
    }
    return out;
}

Result<QString> InMemoryCaseRepository::createCase(const NewCase& newCase) {
    if (newCase.serviceCode.isEmpty()) {
        return makeError("service_missing", "A case needs a service.");
    }
    Stored stored;
    auto& s = stored.details.summary;
    s.caseId = QStringLiteral("case-%1").arg(m_nextId++, 4, 10, QLatin1Char('0'));
    s.serviceCode = newCase.serviceCode;
    s.channel = newCase.channel;
    s.created = m_clock();
    s.updated = s.created;
    s.mine = true;
    s.pendingSync = true;
    stored.details.cprDigits = newCase.cprDigits;
    stored.details.name = newCase.name;
    stored.details.address = newCase.address;
    stored.details.phone = newCase.phone;
    const auto access = crypto::CitizenAccess::generate();
    stored.details.receiptReference = QString::fromStdString(access.reference);
    stored.details.receiptCode = QString::fromStdString(access.code);
    if (!newCase.lifeSituation.isEmpty()) {
        const auto situation = core::lifeSituationFromString(newCase.lifeSituation.toStdString());
        if (!situation) {
            return situation.error();
        }
        auto values = core::lifeSituationValues(
            *situation, {newCase.lifeSituationDone.begin(), newCase.lifeSituationDone.end()});
        if (!values) {
            return values.error();
        }
        stored.details.lifeSituation = newCase.lifeSituation;
        stored.details.lifeSituationDone = {newCase.lifeSituationDone.begin(),
                                            newCase.lifeSituationDone.end()};
        stored.lifeSituationTicks[newCase.lifeSituation] = stored.details.lifeSituationDone;
    }
    QString id = s.caseId;
    if (newCase.registersContact && m_contacts != nullptr) {
        (void)m_contacts->addContact({m_clock(),
                                      newCase.channel,
                                      newCase.serviceCode,
                                      core::ContactType::Transaction,
                                      true,
                                      {},
                                      newCase.cprDigits});
    }
    m_cases.push_back(std::move(stored));
    return id;
}

InMemoryCaseRepository::Stored* InMemoryCaseRepository::find(const QString& caseId) {
    const auto it = std::find_if(m_cases.begin(), m_cases.end(),
                                 [&](const Stored& s) { return s.details.summary.caseId == caseId; });
    return it == m_cases.end() ? nullptr : &*it;
}

void InMemoryCaseRepository::touch(Stored& stored) {
    stored.details.summary.updated = m_clock();
    stored.details.summary.pendingSync = true;
}

Result<CaseDetails> InMemoryCaseRepository::loadCase(const QString& caseId, const QString& purpose) {
    Stored* s = find(caseId);
    if (s == nullptr) {
        return notFound();
    }
    m_audit.push_back({caseId, purpose, m_clock(), m_staffName()});
    return s->details;
}

Status InMemoryCaseRepository::setStatus(const QString& caseId, core::CaseStatus to, const QString& reason) {
    Stored* s = find(caseId);
    if (s == nullptr) {
        return notFound();
    }
    if (auto ok = core::checkTransition(s->details.summary.status, to); !ok) {
        return ok.error();
    }
    s->details.summary.status = to;
    if (!reason.isEmpty()) {
        s->details.notes.push_back({m_clock(), m_staffName(), reason});
    }
    touch(*s);
    return {};
}

Status InMemoryCaseRepository::setField(const QString& caseId, CaseField field, const QString& value) {
    Stored* s = find(caseId);
    if (s == nullptr) {
        return notFound();
    }
    auto& d = s->details;
    switch (field) {
    case CaseField::Name:
        d.name = value;
        break;
    case CaseField::Address:
        d.address = value;
        break;
    case CaseField::Phone:
        d.phone = value;
        break;
    case CaseField::ReferredTo:
        d.referredTo = value;
        break;
    }
    touch(*s);
    return {};
}

Status InMemoryCaseRepository::setChecklistItem(const QString& caseId, std::uint16_t itemId, bool done) {
    Stored* s = find(caseId);
    if (s == nullptr) {
        return notFound();
    }
    s->details.checklist[itemId] = done;
    touch(*s);
    return {};
}

Status InMemoryCaseRepository::setLifeSituation(const QString& caseId, const QString& situation) {
    Stored* s = find(caseId);
    if (s == nullptr) {
        return notFound();
    }
    if (const auto code = core::lifeSituationFromString(situation.toStdString()); !code) {
        return code.error();
    }
    // As in the store: steps ticked for another situation are not ticks of this one, and a situation's own
    // ticks come back when the case is about it again.
    s->details.lifeSituation = situation;
    s->details.lifeSituationDone = s->lifeSituationTicks[situation];
    touch(*s);
    return {};
}

Status InMemoryCaseRepository::setLifeSituationStep(const QString& caseId, const QString& situation,
                                                    std::uint16_t stepId, bool done) {
    Stored* s = find(caseId);
    if (s == nullptr) {
        return notFound();
    }
    const auto code = core::lifeSituationFromString(situation.toStdString());
    if (!code) {
        return code.error();
    }
    if (const auto value = core::lifeSituationStepValue(*code, stepId, done); !value) {
        return value.error();
    }
    if (s->details.lifeSituation != situation) {
        return makeError("unknown_life_situation_step", "The case is about another life situation.");
    }
    auto& ticks = s->lifeSituationTicks[situation];
    if (done) {
        ticks.insert(stepId);
    } else {
        ticks.erase(stepId);
    }
    s->details.lifeSituationDone = ticks;
    touch(*s);
    return {};
}

Result<std::vector<CaseSummary>> InMemoryCaseRepository::findByName(const QString& query,
                                                                    const QString& purpose, int limit) {
    const auto parsed = core::parseSearch(query.toStdString());
    if (parsed.kind != core::SearchKind::Name) {
        return makeError("search_too_short", "Type at least three letters of a name.");
    }
    std::vector<CaseSummary> out;
    for (const Stored* c : filtered(CaseFilter::All)) {
        const auto keys = core::nameIndexKeys(c->details.name.toStdString());
        const bool all = std::all_of(parsed.nameKeys.begin(), parsed.nameKeys.end(), [&](const auto& k) {
            return std::find(keys.begin(), keys.end(), k) != keys.end();
        });
        if (all && static_cast<int>(out.size()) < limit) {
            out.push_back(c->details.summary);
            m_audit.push_back({c->details.summary.caseId, purpose, m_clock(), m_staffName()});
        }
    }
    return out;
}

Status InMemoryCaseRepository::appendNote(const QString& caseId, const QString& text) {
    Stored* s = find(caseId);
    if (s == nullptr) {
        return notFound();
    }
    s->details.notes.push_back({m_clock(), m_staffName(), text});
    touch(*s);
    return {};
}

Result<std::vector<CaseSummary>> InMemoryCaseRepository::findByCpr(const core::Cpr& cpr,
                                                                   const QString& purpose) {
    std::vector<CaseSummary> out;
    const QString digits = QString::fromStdString(cpr.digits());
    for (const Stored* c : filtered(CaseFilter::All)) {
        if (c->details.cprDigits == digits) {
            out.push_back(c->details.summary);
            m_audit.push_back({c->details.summary.caseId, purpose, m_clock(), m_staffName()});
        }
    }
    if (out.empty()) {
        m_audit.push_back({QString(), purpose, m_clock(), m_staffName()});
    }
    return out;
}

Result<std::vector<FieldConflict>> InMemoryCaseRepository::conflicts(const QString& caseId) {
    Stored* s = find(caseId);
    if (s == nullptr) {
        return notFound();
    }
    m_audit.push_back({caseId, QStringLiteral("conflict-review"), m_clock(), m_staffName()});
    return s->conflicts;
}

Status InMemoryCaseRepository::resolveConflict(const QString& caseId, std::uint32_t fieldId,
                                               const QString& value,
                                               const std::vector<QString>& closedVersionIds) {
    Stored* s = find(caseId);
    if (s == nullptr) {
        return notFound();
    }
    const auto it = std::find_if(s->conflicts.begin(), s->conflicts.end(),
                                 [&](const FieldConflict& c) { return c.fieldId == fieldId; });
    if (it == s->conflicts.end()) {
        return makeError("no_conflict", "This field has no conflict to resolve.");
    }
    if (closedVersionIds.size() != it->versions.size()) {
        return makeError("resolve_incomplete", "A resolution must close every version of the field.");
    }
    s->conflicts.erase(it);
    s->details.summary.conflicted = !s->conflicts.empty();
    if (const auto field = caseFieldOf(fieldId)) {
        return setField(caseId, *field, value);
    }
    if (const auto item = core::checklistItemOf(core::FieldId{fieldId})) {
        return setChecklistItem(caseId, *item, value == QStringLiteral("yes"));
    }
    if (fieldId == core::fields::kCpr.value) {
        s->details.cprDigits = value;
        return {};
    }
    return makeError("no_conflict", "The demo data has no conflicts on this field.");
}

Status InMemoryCaseRepository::recordCprReveal(const QString& caseId, const QString& /*cprDigits*/,
                                               const QString& purpose) {
    m_audit.push_back({caseId, purpose, m_clock(), m_staffName()});
    return {};
}

void InMemoryCaseRepository::insert(Stored stored) {
    stored.details.summary.conflicted = !stored.conflicts.empty();
    m_cases.push_back(std::move(stored));
}

Status InMemoryContactRepository::addContact(const ContactRecord& contact) {
    m_contacts.push_back(contact);
    return {};
}

Result<ContactStatistics> InMemoryContactRepository::statisticsBetween(const QDateTime& from,
                                                                       const QDateTime& to) const {
    std::vector<ContactRecord> out;
    for (const auto& c : m_contacts) {
        if (c.at >= from && c.at < to) {
            out.push_back(c);
        }
    }
    return computeContactStatistics(out);
}

std::vector<InMemorySessionService::Account> demoAccounts() {
    return {{{QStringLiteral("staff-1"), QStringLiteral("Mette Jensen")}, QStringLiteral("1234")},
            {{QStringLiteral("staff-2"), QStringLiteral("Ali Hassan")}, QStringLiteral("2468")}};
}

void seedDemoData(InMemoryCaseRepository& cases, InMemoryContactRepository& contacts, const QDateTime& now) {
    using core::CaseStatus;
    using core::Channel;
    struct Demo {
        const char* service;
        CaseStatus status;
        int minutesAgo;
        bool mine;
        const char* cpr;
        const char* name;
        const char* address;
    };
    // Fictitious citizens; the CPR numbers are test numbers (valid dates, not real people).
    const Demo demos[] = {
        {"passport", CaseStatus::Informed, 12, true, "0707614285", "Karen Nielsen",
         "Vestergade 12, 8000 Aarhus C"},
        {"moving", CaseStatus::Opened, 35, true, "1502882371", "Jonas Madsen",
         "Nørregade 3, 2. tv, 8000 Aarhus C"},
        {"health-card", CaseStatus::Decided, 80, false, "2311540129", "Birthe Sørensen",
         "Parkvej 7, 8210 Aarhus V"},
        {"pension", CaseStatus::Opened, 140, true, "0103591234", "Erik Poulsen",
         "Skovbrynet 21, 8240 Risskov"},
        {"digital-post", CaseStatus::Done, 200, false, "1812930456", "Sara Ahmed",
         "Gudrunsvej 44, 8220 Brabrand"},
    };
    int n = 0;
    for (const auto& d : demos) {
        InMemoryCaseRepository::Stored s;
        auto& sum = s.details.summary;
        sum.caseId = QStringLiteral("demo-%1").arg(++n);
        sum.serviceCode = QString::fromLatin1(d.service);
        sum.status = d.status;
        sum.channel = Channel::Bike;
        sum.created = now.addSecs(-60LL * (d.minutesAgo + 30));
        sum.updated = now.addSecs(-60LL * d.minutesAgo);
        sum.mine = d.mine;
        sum.pendingSync = d.minutesAgo < 60; // the last hour's work has not reached the center yet
        s.details.cprDigits = QString::fromLatin1(d.cpr);
        s.details.name = QString::fromUtf8(d.name);
        s.details.address = QString::fromUtf8(d.address);
        s.details.phone = QStringLiteral("+45 20 %1 %2").arg(10 + n).arg(40 + n);
        if (n == 1) {
            s.details.checklist = {{1, true}, {2, true}, {3, false}};
            s.details.notes.push_back({sum.created, QStringLiteral("Mette Jensen"),
                                       QStringLiteral("Borgeren har gammelt pas med; foto tages i dag.")});
        }
        if (n == 2) {
            s.conflicts.push_back(
                {fieldIdOf(CaseField::Address),
                 sum.serviceCode,
                 {{QStringLiteral("v-17"), QStringLiteral("Nørregade 3, 2. tv, 8000 Aarhus C"),
                   QStringLiteral("Mette Jensen"), now.addSecs(-60LL * 50)},
                  {QStringLiteral("v-18"), QStringLiteral("Nørregade 3, 2. th, 8000 Aarhus C"),
                   QStringLiteral("Ali Hassan"), now.addSecs(-60LL * 45)}}});
            s.conflicts.push_back({fieldIdOf(CaseField::Phone),
                                   sum.serviceCode,
                                   {{QStringLiteral("v-21"), QStringLiteral("+45 20 11 41"),
                                     QStringLiteral("Mette Jensen"), now.addSecs(-60LL * 50)},
                                    {QStringLiteral("v-22"), QStringLiteral("+45 31 22 19 08"),
                                     QStringLiteral("Ali Hassan"), now.addSecs(-60LL * 44)}}});
            // The first checklist item ticked on one tablet and unticked on the other.
            s.conflicts.push_back({core::checklistAnswerField(1)->value,
                                   sum.serviceCode,
                                   {{QStringLiteral("v-23"), QStringLiteral("yes"),
                                     QStringLiteral("Mette Jensen"), now.addSecs(-60LL * 49)},
                                    {QStringLiteral("v-24"), QStringLiteral("no"),
                                     QStringLiteral("Ali Hassan"), now.addSecs(-60LL * 43)}}});
        }
        cases.insert(std::move(s));
    }
    struct DemoContact {
        Channel channel;
        const char* service;
        core::ContactType type;
        bool resolved;
        int minutesAgo;
    };
    const DemoContact demoContacts[] = {
        {Channel::Bike, "mitid", core::ContactType::HelpToSelfService, true, 20},
        {Channel::Bike, "moving", core::ContactType::HelpToSelfService, true, 40},
        {Channel::Bike, "passport", core::ContactType::Transaction, true, 60},
        {Channel::Bike, "guidance", core::ContactType::Information, true, 70},
        {Channel::Phone, "tax-card", core::ContactType::Information, false, 90},
        {Channel::Bike, "digital-post", core::ContactType::HelpToSelfService, true, 110},
    };
    const QDateTime startOfDay(now.date(), QTime(0, 0));
    for (const auto& c : demoContacts) {
        const QDateTime at = std::max(startOfDay, now.addSecs(-60LL * c.minutesAgo));
        (void)contacts.addContact({at,
                                   c.channel,
                                   QString::fromLatin1(c.service),
                                   c.type,
                                   c.resolved,
                                   c.resolved ? QString() : QStringLiteral("Skattestyrelsen"),
                                   {}});
    }
}

Result<std::vector<TimelineEvent>> InMemoryCaseRepository::timeline(const QString& caseId) {
    const Stored* s = find(caseId);
    if (s == nullptr) {
        return notFound();
    }
    // Memory keeps no operations: the creation, the notes and the looks are what it can tell.
    std::vector<TimelineEvent> out;
    out.push_back({s->details.summary.created, {}, QStringLiteral("created"), {}, true, false, 1});
    for (const auto& note : s->details.notes) {
        out.push_back({note.at, note.authorName, QStringLiteral("note-added"), {}, true, false, 1});
    }
    for (const auto& look : m_audit) {
        if (look.caseId == caseId) {
            out.push_back({look.at, look.staff, QStringLiteral("viewed"), look.purpose, false, false, 1});
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const TimelineEvent& a, const TimelineEvent& b) { return a.at > b.at; });
    return out;
}

Result<CaseAttachment> InMemoryCaseRepository::attachFile(const QString& caseId,
                                                          const NewCaseAttachment& attachment) {
    Stored* s = find(caseId);
    if (s == nullptr) {
        return notFound();
    }
    static const QStringList kTypes = {QStringLiteral("image/png"), QStringLiteral("image/jpeg"),
                                       QStringLiteral("application/pdf")};
    if (!kTypes.contains(attachment.mediaType)) {
        return makeError("unsupported_media_type", "Only PNG, JPEG and PDF files can be attached.");
    }
    CaseAttachment out{QStringLiteral("att-%1").arg(m_nextId++, 4, 10, QLatin1Char('0')),
                       attachment.name,
                       attachment.mediaType,
                       attachment.kind,
                       attachment.bytes.size(),
                       m_staffName(),
                       m_clock(),
                       true};
    auto& list = s->details.attachments;
    if (attachment.kind == QLatin1String("signature")) {
        // A new signature replaces the one in force, as in the store.
        list.erase(
            std::remove_if(list.begin(), list.end(),
                           [](const CaseAttachment& a) { return a.kind == QLatin1String("signature"); }),
            list.end());
    }
    list.push_back(out);
    s->contents[out.attachmentId] = attachment.bytes;
    touch(*s);
    return out;
}

Result<QByteArray> InMemoryCaseRepository::readAttachment(const QString& caseId, const QString& attachmentId,
                                                          const QString& purpose) {
    Stored* s = find(caseId);
    if (s == nullptr) {
        return notFound();
    }
    const auto it = s->contents.find(attachmentId);
    if (it == s->contents.end()) {
        return makeError("unknown_attachment", "The case has no such attachment on this device.");
    }
    m_audit.push_back({caseId, purpose, m_clock(), m_staffName()});
    return it->second;
}

} // namespace fieldkit::app
