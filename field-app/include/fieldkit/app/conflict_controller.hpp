#pragma once

#include <QObject>
#include <QVariantList>
#include <fieldkit/app/case_repository.hpp>
#include <fieldkit/app/conflict_presentation.hpp>

namespace fieldkit::app {

class LanguageController;

/**
 * The conflicting fields of one case, versions side by side; a person keeps one or (for text and the CPR
 * number) writes a merged value, and resolving closes every version of that field (no automatic resolver on
 * devices). Any register can conflict: details, CPR, checklist answers, life-situation steps, the signature.
 */
class ConflictController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString caseId READ caseId NOTIFY changed)
    Q_PROPERTY(QVariantList fields READ fields NOTIFY changed)
    Q_PROPERTY(int count READ count NOTIFY changed)
    Q_PROPERTY(QString errorCode READ errorCode NOTIFY changed)

public:
    ConflictController(CaseRepository& repository, const LanguageController& language,
                       QObject* parent = nullptr);

    [[nodiscard]] QString caseId() const { return m_caseId; }
    /** [{field: code, label, freeText, versions: [{versionId, value (as shown), author, at}]}], codes and
     *  shown values as conflict_presentation.hpp defines them. */
    [[nodiscard]] QVariantList fields() const;
    [[nodiscard]] int count() const { return static_cast<int>(m_conflicts.size()); }
    [[nodiscard]] QString errorCode() const { return m_errorCode; }

    Q_INVOKABLE void load(const QString& caseId);
    /** Resolves `field` by keeping version `index` as it is. */
    Q_INVOKABLE bool keep(const QString& field, int index);
    /** Resolves a free-text `field` with a merged `value`; blank values are refused, and a CPR number must be
     *  a valid one (the CPR input's error codes). */
    Q_INVOKABLE bool resolve(const QString& field, const QString& value);
    Q_INVOKABLE void clear();

signals:
    void changed();
    void resolved(const QString& caseId);

private:
    [[nodiscard]] bool fail(const QString& code);
    [[nodiscard]] bool resolveWith(const FieldConflict& conflict, const QString& value);
    [[nodiscard]] const FieldConflict* find(const QString& field) const;

    CaseRepository& m_repository;
    const LanguageController& m_language;
    QString m_caseId;
    std::vector<FieldConflict> m_conflicts;
    QString m_errorCode;
};

} // namespace fieldkit::app
