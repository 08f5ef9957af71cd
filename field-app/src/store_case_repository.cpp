#include <algorithm>
#include <fieldkit/app/case_timeline.hpp>
#include <fieldkit/app/conflict_presentation.hpp>
#include <fieldkit/app/store_backends.hpp>
#include <fieldkit/core/field.hpp>
#include <fieldkit/core/life_situation_answers.hpp>
#include <fieldkit/store/session.hpp>

namespace fieldkit::app {
namespace {

namespace fields = core::fields;

Error locked() {
    return makeError("locked", "The device is locked.");
}

/** The app's code for a store error where the two differ. */
Error fromStore(Error error) {
    if (error.code == "unknown_case") {
        error.code = "case_not_found";
    }
    return error;
}

Status fromStore(Status status) {
    return status ? status : Status(fromStore(status.error()));
}

Result<store::CaseId> parseId(const QString& caseId) {
    auto id = store::CaseId::fromHex(caseId.toStdString());
    if (!id) {
        return makeError("case_not_found", "There is no case with this id on this device.");
    }
    return id;
}

QString text(const std::string& s) {
    return QString::fromStdString(s);
}

QDateTime timeOf(std::int64_t ms) {
    return QDateTime::fromMSecsSinceEpoch(ms);
}

/** The value shown for a register: the newest version (all of them stay until a person resolves). */
QString current(const store::CaseDetails& details, std::uint32_t fieldId) {
    const auto it = details.registers.find(fieldId);
    if (it == details.registers.end() || it->second.empty()) {
        return {};
    }
    const auto newest = std::max_element(it->second.begin(), it->second.end(),
                                         [](const auto& a, const auto& b) { return a.atMs < b.atMs; });
    return text(newest->value);
}

/** A checklist answer counts as ticked unless it is empty or "no" (the app writes "yes"/"no"; imported
 *  cases carry free-text answers). */
bool ticked(const QString& answer) {
    return !answer.isEmpty() && answer != QLatin1String("no");
}

/** The store's filter for one of the app's lists, for the unlocked staff member. */
store::CaseFilter storeFilter(CaseFilter filter, const store::Session& session) {
    store::CaseFilter out;
    out.conflictedOnly = filter == CaseFilter::Conflicted;
    if (filter == CaseFilter::Mine) {
        out.createdBy = session.staff();
    }
    return out;
}

CaseSummary toApp(const store::CaseSummary& s, const std::string& staff) {
    CaseSummary out;
    out.caseId = text(s.id.toHex());
    out.serviceCode = text(s.service);
    out.status = s.status;
    const auto channel = core::channelFromString(s.channel);
    out.channel = channel ? *channel : core::Channel::Bike;
    out.created = timeOf(s.createdMs);
    out.updated = timeOf(s.updatedMs);
    out.mine = s.createdBy == staff;
    out.conflicted = s.conflicted;
    out.pendingSync = s.pendingSync;
    return out;
}

CaseAttachment toApp(const store::AttachmentInfo& a) {
    return {text(a.id.toHex()),          text(a.displayName), text(a.mediaType), text(a.kind),
            static_cast<qint64>(a.size), text(a.staff),       timeOf(a.atMs),    a.available};
}

} // namespace

StoreCaseRepository::StoreCaseRepository(std::shared_ptr<StoreConnection> connection)
    : m_connection(std::move(connection)) {}

QString StoreCaseRepository::versionId(const std::string& deviceId, std::uint64_t deviceSeq) {
    return text(deviceId) + QLatin1Char(':') + QString::number(deviceSeq);
}

int StoreCaseRepository::countCases(CaseFilter filter) const {
    store::Session* session = m_connection->session();
    if (session == nullptr) {
        return 0;
    }
    auto n = session->countCases(storeFilter(filter, *session));
    return n ? static_cast<int>(*n) : 0;
}

std::vector<CaseSummary> StoreCaseRepository::listCases(CaseFilter filter, int offset, int limit) const {
    store::Session* session = m_connection->session();
    if (session == nullptr || limit <= 0) {
        return {};
    }
    store::CaseFilter page = storeFilter(filter, *session);
    page.limit = limit;
    page.offset = std::max(offset, 0);
    auto rows = session->listCases(page);
    std::vector<CaseSummary> out;
    if (rows) {
        out.reserve(rows->size());
        for (const auto& row : *rows) {
            out.push_back(toApp(row, session->staff()));
        }
    }
    return out;
}

Result<QString> StoreCaseRepository::createCase(const NewCase& newCase) {
    store::Session* session = m_connection->session();
    if (session == nullptr) {
        return locked();
    }
    store::NewCase input;
    input.service = newCase.serviceCode.toStdString();
    input.channel = std::string(core::toString(newCase.channel));
    input.citizen = {newCase.cprDigits.toStdString(), newCase.name.toStdString(),
                     newCase.address.toStdString(), newCase.phone.toStdString()};
    input.lifeSituation = newCase.lifeSituation.toStdString();
    input.lifeSituationDone = newCase.lifeSituationDone;
    if (newCase.registersContact) {
        // Service, channel and citizen are the case's (the store fills them in).
        input.contact = store::ContactRecord{{}, {}, "transaction", true, {}, {}};
    }
    auto created = session->createCase(input);
    if (!created) {
        return fromStore(created.error());
    }
    return text(created->id.toHex());
}

Result<CaseDetails> StoreCaseRepository::loadCase(const QString& caseId, const QString& purpose) {
    store::Session* session = m_connection->session();
    if (session == nullptr) {
        return locked();
    }
    auto id = parseId(caseId);
    if (!id) {
        return id.error();
    }
    // The revision is read before decrypting: an operation arriving in between makes the copy look older
    // than it is (one refresh too many), never newer (a change missed).
    const auto history = session->history(*id);
    auto opened = session->openCase(*id, purpose.toStdString());
    if (!opened) {
        return fromStore(opened.error());
    }
    // The page shows the case after every change and look: the citizen views marked since are sealed now
    // (issue 18), so the daemon's next push takes them to the status page.
    (void)session->publishCitizenViews();
    const store::CaseDetails& d = *opened;
    CaseDetails out;
    out.revision = history ? static_cast<std::int64_t>(history->size()) : -1;
    out.summary = toApp(d.summary, session->staff());
    out.cprDigits = current(d, fields::kCpr.value);
    out.name = current(d, fields::kName.value);
    out.address = current(d, fields::kAddress.value);
    out.phone = current(d, fields::kPhone.value);
    out.referredTo = current(d, fields::kReferralAuthority.value);
    out.receiptReference = current(d, fields::kReceiptReference.value);
    out.receiptCode = current(d, fields::kReceiptCode.value);
    std::map<std::uint32_t, std::string> shown; // the version of each register the page shows
    for (const auto& [fieldId, versions] : d.registers) {
        if (const auto item = core::checklistItemOf(core::FieldId{fieldId})) {
            out.checklist[*item] = ticked(current(d, fieldId));
        }
        shown[fieldId] = current(d, fieldId).toStdString();
    }
    const auto life = core::readLifeSituation(shown);
    if (life.situation) {
        out.lifeSituation = text(std::string(core::toString(*life.situation)));
        out.lifeSituationDone = life.done;
    }
    // Notes and the reasons given for status changes, as one add-only list in time order.
    for (const auto fieldId : {fields::kNote.value, fields::kStatusNote.value}) {
        if (const auto it = d.appended.find(fieldId); it != d.appended.end()) {
            for (const auto& entry : it->second) {
                out.notes.push_back({timeOf(entry.atMs), text(entry.staff), text(entry.value)});
            }
        }
    }
    std::stable_sort(out.notes.begin(), out.notes.end(),
                     [](const CaseNote& a, const CaseNote& b) { return a.at < b.at; });
    for (const auto& a : d.attachments) {
        out.attachments.push_back(toApp(a));
    }
    return out;
}

Status StoreCaseRepository::setStatus(const QString& caseId, core::CaseStatus to, const QString& reason) {
    store::Session* session = m_connection->session();
    if (session == nullptr) {
        return locked();
    }
    auto id = parseId(caseId);
    if (!id) {
        return id.error();
    }
    return fromStore(session->changeStatus(*id, to, reason.toStdString()));
}

Status StoreCaseRepository::setField(const QString& caseId, CaseField field, const QString& value) {
    return setValues(caseId, [&]() -> Result<Values> {
        return Values{{fieldIdOf(field), value.toStdString()}};
    });
}

Status StoreCaseRepository::setChecklistItem(const QString& caseId, std::uint16_t itemId, bool done) {
    return setValues(caseId, [&]() -> Result<Values> {
        const auto field = core::checklistAnswerField(itemId);
        if (!field) {
            return makeError("unknown_item", "This checklist item does not exist.");
        }
        return Values{{field->value, done ? "yes" : "no"}};
    });
}

Status StoreCaseRepository::setLifeSituation(const QString& caseId, const QString& situation) {
    return setValues(caseId, [&]() -> Result<Values> {
        const auto code = core::lifeSituationFromString(situation.toStdString());
        if (!code) {
            return code.error();
        }
        const auto [field, value] = core::lifeSituationChoice(*code);
        return Values{{field.value, value}};
    });
}

Status StoreCaseRepository::setLifeSituationStep(const QString& caseId, const QString& situation,
                                                 std::uint16_t stepId, bool done) {
    return setValues(caseId, [&]() -> Result<Values> {
        const auto code = core::lifeSituationFromString(situation.toStdString());
        if (!code) {
            return code.error();
        }
        const auto step = core::lifeSituationStepValue(*code, stepId, done);
        if (!step) {
            return step.error();
        }
        return Values{{step->first.value, step->second}};
    });
}

Status StoreCaseRepository::setValues(const QString& caseId, const std::function<Result<Values>()>& values) {
    store::Session* session = m_connection->session();
    if (session == nullptr) {
        return locked();
    }
    auto id = parseId(caseId);
    if (!id) {
        return id.error();
    }
    auto chosen = values();
    if (!chosen) {
        return chosen.error();
    }
    return fromStore(session->setFields(*id, *chosen));
}

Result<std::vector<CaseSummary>> StoreCaseRepository::findByName(const QString& query, const QString& purpose,
                                                                 int limit) {
    store::Session* session = m_connection->session();
    if (session == nullptr) {
        return locked();
    }
    auto found = session->findByName(query.toStdString(), purpose.toStdString(), limit);
    if (!found) {
        return fromStore(found.error());
    }
    std::vector<CaseSummary> out;
    out.reserve(found->size());
    for (const auto& row : *found) {
        out.push_back(toApp(row, session->staff()));
    }
    return out;
}

Status StoreCaseRepository::appendNote(const QString& caseId, const QString& noteText) {
    store::Session* session = m_connection->session();
    if (session == nullptr) {
        return locked();
    }
    auto id = parseId(caseId);
    if (!id) {
        return id.error();
    }
    return fromStore(session->appendNote(*id, noteText.toStdString()));
}

Result<std::vector<CaseSummary>> StoreCaseRepository::findByCpr(const core::Cpr& cpr,
                                                                const QString& purpose) {
    store::Session* session = m_connection->session();
    if (session == nullptr) {
        return locked();
    }
    auto found = session->findByCpr(cpr.digits(), purpose.toStdString());
    if (!found) {
        return fromStore(found.error());
    }
    std::vector<CaseSummary> out;
    for (const auto& row : *found) {
        out.push_back(toApp(row, session->staff()));
    }
    return out;
}

Result<std::vector<FieldConflict>> StoreCaseRepository::conflicts(const QString& caseId) {
    store::Session* session = m_connection->session();
    if (session == nullptr) {
        return locked();
    }
    auto id = parseId(caseId);
    if (!id) {
        return id.error();
    }
    auto opened = session->openCase(*id, "conflict-review");
    if (!opened) {
        return fromStore(opened.error());
    }
    std::vector<FieldConflict> out;
    for (const auto& [fieldId, versions] : opened->registers) {
        if (versions.size() < 2) {
            continue;
        }
        FieldConflict conflict{fieldId, text(opened->summary.service), {}};
        for (const auto& v : versions) {
            conflict.versions.push_back(
                {versionId(v.deviceId, v.deviceSeq), text(v.value), text(v.staff), timeOf(v.atMs)});
        }
        out.push_back(std::move(conflict));
    }
    return out;
}

Status StoreCaseRepository::resolveConflict(const QString& caseId, std::uint32_t fieldId,
                                            const QString& value,
                                            const std::vector<QString>& closedVersionIds) {
    store::Session* session = m_connection->session();
    if (session == nullptr) {
        return locked();
    }
    auto id = parseId(caseId);
    if (!id) {
        return id.error();
    }
    std::vector<store::VersionRef> closes;
    for (const auto& version : closedVersionIds) {
        const auto colon = version.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        const auto seq = version.mid(colon + 1).toULongLong(&ok);
        if (colon <= 0 || !ok) {
            return makeError("stale_version",
                             "One of the versions is no longer open; look at the field again.");
        }
        closes.push_back({version.left(colon).toStdString(), seq});
    }
    return fromStore(session->resolveField(*id, fieldId, value.toStdString(), closes));
}

Status StoreCaseRepository::recordCprReveal(const QString& caseId, const QString& cprDigits,
                                            const QString& purpose) {
    store::Session* session = m_connection->session();
    if (session == nullptr) {
        return locked();
    }
    // The store logs looks at personal data where they happen: opening the case, or looking the number up.
    const std::string why = "reveal CPR: " + purpose.toStdString();
    if (!caseId.isEmpty()) {
        auto id = parseId(caseId);
        if (!id) {
            return id.error();
        }
        auto opened = session->openCase(*id, why);
        return opened ? Status() : fromStore(opened.error());
    }
    auto found = session->findByCpr(cprDigits.toStdString(), why);
    return found ? Status() : fromStore(found.error());
}

Result<std::vector<TimelineEvent>> StoreCaseRepository::timeline(const QString& caseId) {
    store::Session* session = m_connection->session();
    if (session == nullptr) {
        return locked();
    }
    auto id = parseId(caseId);
    if (!id) {
        return id.error();
    }
    auto history = session->history(*id);
    if (!history) {
        return fromStore(history.error());
    }
    auto audit = session->auditLog(id->toHex());
    if (!audit) {
        return fromStore(audit.error());
    }
    return buildCaseTimeline(*history, *audit);
}

Result<CaseAttachment> StoreCaseRepository::attachFile(const QString& caseId,
                                                       const NewCaseAttachment& attachment) {
    store::Session* session = m_connection->session();
    if (session == nullptr) {
        return locked();
    }
    auto id = parseId(caseId);
    if (!id) {
        return id.error();
    }
    store::NewAttachment input;
    input.displayName = attachment.name.toStdString();
    input.mediaType = attachment.mediaType.toStdString();
    input.kind = attachment.kind.toStdString();
    input.bytes.assign(attachment.bytes.begin(), attachment.bytes.end());
    auto attached = session->attachFile(*id, input);
    // The plaintext copy goes as soon as the store has encrypted it (best effort, like the PIN).
    std::fill(input.bytes.begin(), input.bytes.end(), std::uint8_t{0});
    if (!attached) {
        return fromStore(attached.error());
    }
    return toApp(*attached);
}

Result<QByteArray> StoreCaseRepository::readAttachment(const QString& caseId, const QString& attachmentId,
                                                       const QString& purpose) {
    store::Session* session = m_connection->session();
    if (session == nullptr) {
        return locked();
    }
    auto id = parseId(caseId);
    if (!id) {
        return id.error();
    }
    const auto attachment = store::AttachmentId::fromHex(attachmentId.toStdString());
    if (!attachment) {
        return makeError("unknown_attachment", "The case has no such attachment on this device.");
    }
    auto bytes = session->readAttachment(*id, *attachment, purpose.toStdString());
    if (!bytes) {
        return fromStore(bytes.error());
    }
    QByteArray out(reinterpret_cast<const char*>(bytes->data()), static_cast<qsizetype>(bytes->size()));
    std::fill(bytes->begin(), bytes->end(), std::uint8_t{0});
    return out;
}

} // namespace fieldkit::app
