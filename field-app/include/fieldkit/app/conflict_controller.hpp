#pragma once

#include <QObject>
#include <QVariantList>
#include <fieldkit/app/case_repository.hpp>
#include <optional>

namespace fieldkit::app {

/**
 * The conflicting fields of one case, versions side by side; a person picks one or writes a merged value,
 * and resolving closes every version of that field (no automatic resolver on devices).
 */
class ConflictController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString caseId READ caseId NOTIFY changed)
    Q_PROPERTY(QVariantList fields READ fields NOTIFY changed)
    Q_PROPERTY(int count READ count NOTIFY changed)
    Q_PROPERTY(QString errorCode READ errorCode NOTIFY changed)

public:
    explicit ConflictController(CaseRepository& repository, QObject* parent = nullptr);

    [[nodiscard]] QString caseId() const { return m_caseId; }
    /** [{field: "name"|"address"|"phone"|"referred-to", versions: [{versionId, value, author, at}]}] */
    [[nodiscard]] QVariantList fields() const;
    [[nodiscard]] int count() const { return static_cast<int>(m_conflicts.size()); }
    [[nodiscard]] QString errorCode() const { return m_errorCode; }

    Q_INVOKABLE void load(const QString& caseId);
    /** Resolves `field` with `value` (one of the versions, or a merged text); blank values are refused. */
    Q_INVOKABLE bool resolve(const QString& field, const QString& value);
    Q_INVOKABLE void clear();

signals:
    void changed();
    void resolved(const QString& caseId);

private:
    CaseRepository& m_repository;
    QString m_caseId;
    std::vector<FieldConflict> m_conflicts;
    QString m_errorCode;
};

/** Stable codes of the editable fields, as QML names them. */
[[nodiscard]] QString caseFieldCode(CaseField field);
[[nodiscard]] std::optional<CaseField> caseFieldFromCode(const QString& code);

} // namespace fieldkit::app
