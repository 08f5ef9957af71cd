#pragma once

#include <QString>
#include <fieldkit/app/case_repository.hpp>
#include <fieldkit/core/localized_text.hpp>
#include <optional>
#include <vector>

namespace fieldkit::app {

/** The register field behind a text field the case page edits. */
[[nodiscard]] std::uint32_t fieldIdOf(CaseField field);
/** The text field a register is, or nullopt for the CPR number, checklist answers and the rest. */
[[nodiscard]] std::optional<CaseField> caseFieldOf(std::uint32_t fieldId);

/** The stable code QML names a text field by ("name", "address", "phone", "referred-to"). */
[[nodiscard]] QString caseFieldCode(CaseField field);

/** How the conflicts page shows one conflicting field, and how a person may resolve it. */
struct ConflictPresentation {
    /** Stable code QML names the field by: "name", "address", "phone", "referred-to", "cpr",
     *  "life-situation", "signature", "checklist-<item>", "life-step-<step>", or "field-<id>" for a field
     *  only a newer version knows. */
    QString code;
    /** The checklist item's or step's own wording; empty where the page names the field by its code. */
    QString label;
    /** Whether a person may type a merged value (text and the CPR number); otherwise one version is kept. */
    bool freeText = false;
    /** Per version, in order, what the person sees: the text itself, or for a tick "done" / "not-done", for
     *  the signature "signature", for the life situation its name ("none" when none was chosen). */
    std::vector<QString> shown;
};

/** A pure function of the conflict and the language, so each kind of field is tested without a store. */
[[nodiscard]] ConflictPresentation presentConflict(const FieldConflict& conflict, core::Language language);

} // namespace fieldkit::app
