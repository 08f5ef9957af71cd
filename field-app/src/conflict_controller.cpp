#include <QVariantMap>
#include <algorithm>
#include <fieldkit/app/conflict_controller.hpp>

namespace fieldkit::app {

QString caseFieldCode(CaseField field) {
    switch (field) {
    case CaseField::Name:
        return QStringLiteral("name");
    case CaseField::Address:
        return QStringLiteral("address");
    case CaseField::Phone:
        return QStringLiteral("phone");
    case CaseField::ReferredTo:
        return QStringLiteral("referred-to");
    }
    return {};
}

std::optional<CaseField> caseFieldFromCode(const QString& code) {
    for (const auto f : {CaseField::Name, CaseField::Address, CaseField::Phone, CaseField::ReferredTo}) {
        if (caseFieldCode(f) == code) {
            return f;
        }
    }
    return std::nullopt;
}

ConflictController::ConflictController(CaseRepository& repository, QObject* parent)
    : QObject(parent)
    , m_repository(repository) {}

QVariantList ConflictController::fields() const {
    QVariantList out;
    for (const auto& c : m_conflicts) {
        QVariantList versions;
        for (const auto& v : c.versions) {
            versions.append(
                QVariantMap{{QStringLiteral("versionId"), v.versionId},
                            {QStringLiteral("value"), v.value},
                            {QStringLiteral("author"), v.authorName},
                            {QStringLiteral("at"), v.at.toString(QStringLiteral("yyyy-MM-dd HH:mm"))}});
        }
        out.append(QVariantMap{{QStringLiteral("field"), caseFieldCode(c.field)},
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

bool ConflictController::resolve(const QString& field, const QString& value) {
    const auto f = caseFieldFromCode(field);
    const auto it = std::find_if(m_conflicts.begin(), m_conflicts.end(),
                                 [&](const FieldConflict& c) { return f && c.field == *f; });
    if (it == m_conflicts.end()) {
        m_errorCode = QStringLiteral("no_conflict");
        emit changed();
        return false;
    }
    if (value.trimmed().isEmpty()) {
        m_errorCode = QStringLiteral("value_empty");
        emit changed();
        return false;
    }
    std::vector<QString> closed;
    for (const auto& v : it->versions) {
        closed.push_back(v.versionId);
    }
    if (const auto ok = m_repository.resolveConflict(m_caseId, *f, value.trimmed(), closed); !ok) {
        m_errorCode = QString::fromStdString(ok.error().code);
        emit changed();
        return false;
    }
    load(m_caseId);
    emit resolved(m_caseId);
    return true;
}

void ConflictController::clear() {
    m_caseId.clear();
    m_conflicts.clear();
    m_errorCode.clear();
    emit changed();
}

} // namespace fieldkit::app
