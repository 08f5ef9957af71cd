#include <QVariantMap>
#include <algorithm>
#include <fieldkit/app/case_edit_controller.hpp>
#include <fieldkit/app/language_controller.hpp>
#include <fieldkit/core/life_situation.hpp>
#include <fieldkit/core/service_catalogue.hpp>
#include <fieldkit/crypto/citizen_access.hpp>

namespace fieldkit::app {
namespace {

QString fromView(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QString timeText(const QDateTime& t) {
    return t.isValid() ? t.toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

} // namespace

CaseEditController::CaseEditController(CaseRepository& repository, const LanguageController& language,
                                       QObject* parent)
    : QObject(parent)
    , m_repository(repository)
    , m_language(language) {
    connect(&language, &LanguageController::languageChanged, this, &CaseEditController::changed);
}

QString CaseEditController::caseId() const {
    return m_case ? m_case->summary.caseId : QString();
}

QString CaseEditController::serviceCode() const {
    return m_case ? m_case->summary.serviceCode : QString();
}

QString CaseEditController::status() const {
    return m_case ? fromView(core::toString(m_case->summary.status)) : QString();
}

QStringList CaseEditController::allowedNextStatuses() const {
    QStringList out;
    if (m_case) {
        for (const auto s : core::allowedNextStatuses(m_case->summary.status)) {
            out << fromView(core::toString(s));
        }
    }
    return out;
}

QString CaseEditController::channel() const {
    return m_case ? fromView(core::toString(m_case->summary.channel)) : QString();
}

QString CaseEditController::created() const {
    return m_case ? timeText(m_case->summary.created) : QString();
}

QString CaseEditController::updated() const {
    return m_case ? timeText(m_case->summary.updated) : QString();
}

bool CaseEditController::conflicted() const {
    return m_case && m_case->summary.conflicted;
}

QString CaseEditController::maskedCpr() const {
    if (!m_case || m_case->cprDigits.isEmpty()) {
        return {};
    }
    const auto cpr = core::parseCpr(m_case->cprDigits.toStdString());
    return cpr ? QString::fromStdString(cpr->masked()) : QString();
}

QString CaseEditController::citizenName() const {
    return m_case ? m_case->name : QString();
}

QString CaseEditController::address() const {
    return m_case ? m_case->address : QString();
}

QString CaseEditController::phone() const {
    return m_case ? m_case->phone : QString();
}

QString CaseEditController::referredTo() const {
    return m_case ? m_case->referredTo : QString();
}

QString CaseEditController::receiptReference() const {
    return m_case ? QString::fromStdString(
                        crypto::displayCitizenReference(m_case->receiptReference.toStdString()))
                  : QString();
}

QString CaseEditController::receiptCode() const {
    return m_case ? QString::fromStdString(crypto::displayCitizenCode(m_case->receiptCode.toStdString()))
                  : QString();
}

QString CaseEditController::receiptLink() const {
    if (!m_case || m_case->receiptReference.isEmpty() || m_statusPageUrl.isEmpty()) {
        return {};
    }
    return m_statusPageUrl + QStringLiteral("#r=") + m_case->receiptReference + QStringLiteral("&c=") +
           m_case->receiptCode;
}

QVariantList CaseEditController::checklist() const {
    QVariantList out;
    if (!m_case) {
        return out;
    }
    const core::Service* service = core::serviceCatalogue().find(m_case->summary.serviceCode.toStdString());
    if (service == nullptr) {
        return out;
    }
    for (const auto& item : service->checklist) {
        const auto it = m_case->checklist.find(item.id);
        out.append(QVariantMap{{QStringLiteral("itemId"), item.id},
                               {QStringLiteral("text"), localized(item.text, m_language.coreLanguage())},
                               {QStringLiteral("done"), it != m_case->checklist.end() && it->second}});
    }
    return out;
}

QString CaseEditController::lifeSituation() const {
    return m_case ? m_case->lifeSituation : QString();
}

QVariantList CaseEditController::lifeSituationSteps() const {
    QVariantList out;
    if (!m_case || m_case->lifeSituation.isEmpty()) {
        return out;
    }
    const auto situation = core::lifeSituationFromString(m_case->lifeSituation.toStdString());
    if (!situation) {
        return out;
    }
    for (const auto& step : core::lifeSituationSteps(*situation)) {
        out.append(QVariantMap{{QStringLiteral("stepId"), step.id},
                               {QStringLiteral("text"), localized(step.text, m_language.coreLanguage())},
                               {QStringLiteral("serviceCode"), fromView(step.serviceCode)},
                               {QStringLiteral("done"), m_case->lifeSituationDone.contains(step.id)}});
    }
    return out;
}

QVariantList CaseEditController::notes() const {
    QVariantList out;
    if (m_case) {
        for (const auto& n : m_case->notes) {
            out.append(QVariantMap{{QStringLiteral("at"), timeText(n.at)},
                                   {QStringLiteral("author"), n.authorName},
                                   {QStringLiteral("text"), n.text}});
        }
    }
    return out;
}

QVariantList CaseEditController::attachments() const {
    QVariantList out;
    if (m_case) {
        for (const auto& a : m_case->attachments) {
            out.append(
                QVariantMap{{QStringLiteral("attachmentId"), a.attachmentId},
                            {QStringLiteral("name"), a.name},
                            {QStringLiteral("mediaType"), a.mediaType},
                            {QStringLiteral("kind"), a.kind},
                            {QStringLiteral("size"), a.size},
                            {QStringLiteral("staff"), a.staff},
                            {QStringLiteral("at"), timeText(a.at)},
                            {QStringLiteral("available"), a.available},
                            {QStringLiteral("image"), a.mediaType.startsWith(QLatin1String("image/"))}});
        }
    }
    return out;
}

bool CaseEditController::hasSignature() const {
    return m_case &&
           std::any_of(m_case->attachments.begin(), m_case->attachments.end(),
                       [](const CaseAttachment& a) { return a.kind == QLatin1String("signature"); });
}

bool CaseEditController::fail(const Error& error) {
    m_errorCode = QString::fromStdString(error.code);
    emit changed();
    return false;
}

bool CaseEditController::reload() {
    const QString id = caseId();
    auto details = m_repository.loadCase(id, QStringLiteral("case-edit"));
    if (!details) {
        return fail(details.error());
    }
    m_case = std::move(details).value();
    m_errorCode.clear();
    emit changed();
    emit caseSaved(id);
    return true;
}

bool CaseEditController::createCase(const QString& serviceCode, const QString& channel,
                                    const QString& cprDigits, const QString& name, const QString& address,
                                    const QString& phone, const QString& situation,
                                    const QVariantList& doneSteps) {
    if (core::serviceCatalogue().find(serviceCode.toStdString()) == nullptr) {
        return fail(makeError("unknown_service", "This service is not in the catalogue."));
    }
    const auto ch = core::channelFromString(channel.toStdString());
    if (!ch) {
        return fail(ch.error());
    }
    if (!cprDigits.isEmpty()) {
        if (const auto cpr = core::parseCpr(cprDigits.toStdString()); !cpr) {
            return fail(cpr.error());
        }
    }
    NewCase input{serviceCode, *ch, cprDigits, name, address, phone};
    input.lifeSituation = situation;
    for (const auto& step : doneSteps) {
        bool ok = false;
        const int stepId = step.toInt(&ok);
        if (!ok || stepId <= 0 || stepId > 0xffff) {
            return fail(makeError("unknown_life_situation_step", "A ticked step is not a step."));
        }
        input.lifeSituationDone.push_back(static_cast<std::uint16_t>(stepId));
    }
    input.registersContact = true;
    auto id = m_repository.createCase(input);
    if (!id) {
        return fail(id.error());
    }
    if (!load(*id)) {
        return false;
    }
    emit caseSaved(*id);
    return true;
}

bool CaseEditController::load(const QString& caseId) {
    auto details = m_repository.loadCase(caseId, QStringLiteral("case-view"));
    if (!details) {
        return fail(details.error());
    }
    m_case = std::move(details).value();
    m_errorCode.clear();
    emit changed();
    return true;
}

bool CaseEditController::refreshAfterInbound() {
    if (!m_case) {
        return false;
    }
    auto details = m_repository.loadCase(caseId(), QStringLiteral("case-view: refreshed after sync"));
    if (!details) {
        return fail(details.error());
    }
    m_case = std::move(details).value();
    emit changed();
    return true;
}

std::optional<std::int64_t> CaseEditController::revision() const {
    if (!m_case || m_case->revision < 0) {
        return std::nullopt;
    }
    return m_case->revision;
}

bool CaseEditController::canChangeStatus(const QString& to) {
    if (!m_case) {
        return fail(makeError("no_case", "No case is open."));
    }
    const auto target = core::caseStatusFromString(to.toStdString());
    if (!target) {
        return fail(target.error());
    }
    if (const auto ok = core::checkTransition(m_case->summary.status, *target); !ok) {
        return fail(ok.error());
    }
    if (!m_errorCode.isEmpty()) {
        m_errorCode.clear();
        emit changed();
    }
    return true;
}

bool CaseEditController::changeStatus(const QString& to, const QString& reason) {
    if (!canChangeStatus(to)) {
        return false;
    }
    const auto target = core::caseStatusFromString(to.toStdString());
    if (const auto ok = m_repository.setStatus(caseId(), *target, reason.trimmed()); !ok) {
        return fail(ok.error());
    }
    return reload();
}

bool CaseEditController::refer(const QString& authority, const QString& reason) {
    if (authority.trimmed().isEmpty()) {
        return fail(makeError("authority_missing", "Name the authority the case is referred to."));
    }
    if (!canChangeStatus(QStringLiteral("referred"))) {
        return false;
    }
    if (const auto ok = m_repository.setField(caseId(), CaseField::ReferredTo, authority.trimmed()); !ok) {
        return fail(ok.error());
    }
    return changeStatus(QStringLiteral("referred"), reason);
}

bool CaseEditController::setChecklistItem(int itemId, bool done) {
    if (!m_case) {
        return fail(makeError("no_case", "No case is open."));
    }
    if (itemId < 0 || itemId > 0xffff) {
        return fail(makeError("unknown_item", "This checklist item does not exist."));
    }
    if (const auto ok = m_repository.setChecklistItem(caseId(), static_cast<std::uint16_t>(itemId), done);
        !ok) {
        return fail(ok.error());
    }
    return reload();
}

bool CaseEditController::setLifeSituation(const QString& situation) {
    if (!m_case) {
        return fail(makeError("no_case", "No case is open."));
    }
    if (situation == m_case->lifeSituation) {
        return true;
    }
    if (const auto ok = m_repository.setLifeSituation(caseId(), situation); !ok) {
        return fail(ok.error());
    }
    return reload();
}

bool CaseEditController::setLifeSituationStep(int stepId, bool done) {
    if (!m_case) {
        return fail(makeError("no_case", "No case is open."));
    }
    if (stepId <= 0 || stepId > 0xffff) {
        return fail(makeError("unknown_life_situation_step", "This step does not exist."));
    }
    if (const auto ok = m_repository.setLifeSituationStep(caseId(), m_case->lifeSituation,
                                                          static_cast<std::uint16_t>(stepId), done);
        !ok) {
        return fail(ok.error());
    }
    return reload();
}

bool CaseEditController::addNote(const QString& text) {
    if (!m_case) {
        return fail(makeError("no_case", "No case is open."));
    }
    if (text.trimmed().isEmpty()) {
        return fail(makeError("note_empty", "A note needs some text."));
    }
    if (const auto ok = m_repository.appendNote(caseId(), text.trimmed()); !ok) {
        return fail(ok.error());
    }
    return reload();
}

QVariantList CaseEditController::casesForCpr(const QString& cprDigits) {
    QVariantList out;
    const auto cpr = core::parseCpr(cprDigits.toStdString());
    if (!cpr) {
        return out;
    }
    auto found = m_repository.findByCpr(*cpr, QStringLiteral("find-citizen"));
    if (!found) {
        fail(found.error());
        return out;
    }
    for (const auto& summary : *found) {
        out.append(QVariantMap{{QStringLiteral("caseId"), summary.caseId},
                               {QStringLiteral("serviceCode"), summary.serviceCode},
                               {QStringLiteral("status"), fromView(core::toString(summary.status))}});
    }
    return out;
}

void CaseEditController::clear() {
    m_case.reset();
    m_errorCode.clear();
    emit changed();
}

} // namespace fieldkit::app
