#include <QVariantMap>
#include <fieldkit/app/conflict_controller.hpp>
#include <fieldkit/app/language_controller.hpp>
#include <fieldkit/core/cpr.hpp>
#include <fieldkit/core/field.hpp>

namespace fieldkit::app {

ConflictController::ConflictController(CaseRepository& repository, const LanguageController& language,
                                       QObject* parent)
    : QObject(parent)
    , m_repository(repository)
    , m_language(language) {}

QVariantList ConflictController::fields() const {
    QVariantList out;
    for (const auto& c : m_conflicts) {
        const auto shown = presentConflict(c, m_language.coreLanguage());
        QVariantList versions;
        for (std::size_t i = 0; i < c.versions.size(); ++i) {
            const auto& v = c.versions[i];
            versions.append(
                QVariantMap{{QStringLiteral("versionId"), v.versionId},
                            {QStringLiteral("value"), shown.shown[i]},
                            {QStringLiteral("author"), v.authorName},
                            {QStringLiteral("at"), v.at.toString(QStringLiteral("yyyy-MM-dd HH:mm"))}});
        }
        out.append(QVariantMap{{QStringLiteral("field"), shown.code},
                               {QStringLiteral("label"), shown.label},
                               {QStringLiteral("freeText"), shown.freeText},
                               {QStringLiteral("versions"), versions}});
    }
    return out;
}

void ConflictController::load(const QString& caseId) {
    m_caseId = caseId;
    auto conflicts = m_repository.conflicts(caseId);
    if (conflicts) {
        m_conflicts = std::move(conflicts).value();
        m_errorCode.clear();
    } else {
        m_conflicts.clear();
        m_errorCode = QString::fromStdString(conflicts.error().code);
    }
    emit changed();
}

const FieldConflict* ConflictController::find(const QString& field) const {
    for (const auto& c : m_conflicts) {
        if (presentConflict(c, m_language.coreLanguage()).code == field) {
            return &c;
        }
    }
    return nullptr;
}

bool ConflictController::keep(const QString& field, int index) {
    const FieldConflict* conflict = find(field);
    if (conflict == nullptr) {
        return fail(QStringLiteral("no_conflict"));
    }
    if (index < 0 || static_cast<std::size_t>(index) >= conflict->versions.size()) {
        return fail(QStringLiteral("stale_version"));
    }
    return resolveWith(*conflict, conflict->versions[static_cast<std::size_t>(index)].value);
}

bool ConflictController::resolve(const QString& field, const QString& value) {
    const FieldConflict* conflict = find(field);
    if (conflict == nullptr) {
        return fail(QStringLiteral("no_conflict"));
    }
    if (!presentConflict(*conflict, m_language.coreLanguage()).freeText) {
        return fail(QStringLiteral("keep_a_version")); // a tick or the signature: one of the versions stands
    }
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty()) {
        return fail(QStringLiteral("value_empty"));
    }
    if (conflict->fieldId == core::fields::kCpr.value) {
        auto cpr = core::parseCpr(trimmed.toStdString());
        if (!cpr) {
            return fail(QString::fromStdString(cpr.error().code));
        }
        return resolveWith(*conflict, QString::fromStdString(cpr->digits()));
    }
    return resolveWith(*conflict, trimmed);
}

bool ConflictController::resolveWith(const FieldConflict& conflict, const QString& value) {
    std::vector<QString> closed;
    for (const auto& v : conflict.versions) {
        closed.push_back(v.versionId);
    }
    if (const auto ok = m_repository.resolveConflict(m_caseId, conflict.fieldId, value, closed); !ok) {
        return fail(QString::fromStdString(ok.error().code));
    }
    load(m_caseId);
    emit resolved(m_caseId);
    return true;
}

bool ConflictController::fail(const QString& code) {
    m_errorCode = code;
    emit changed();
    return false;
}

void ConflictController::clear() {
    m_caseId.clear();
    m_conflicts.clear();
    m_errorCode.clear();
    emit changed();
}

} // namespace fieldkit::app
