#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

namespace fieldkit::core {

/**
 * The stable numeric id of an encrypted case field.
 *
 * Rule: an id, once released, keeps its meaning forever and is never reused, not even after the field is
 * retired, because ids travel in clear in every operation and in the AAD, and old operations are replayed
 * by devices and the hub long after. Retire a field by leaving its id unassigned in new code.
 * Unknown ids are representable on purpose: a newer app version may send fields this version lacks.
 */
struct FieldId {
    std::uint32_t value = 0; // 0 is never assigned

    friend constexpr auto operator<=>(const FieldId&, const FieldId&) = default;
};

/** How a field merges: one current value that can conflict, or a growing list that cannot. */
enum class FieldKind : std::uint8_t {
    Register = 0, // one current value; concurrent changes keep every version and mark a conflict
    AddOnly = 1,  // entries are only added, so concurrent additions simply both apply
};

namespace fields {
inline constexpr FieldId kCpr{1};
inline constexpr FieldId kName{2};
inline constexpr FieldId kAddress{3};
inline constexpr FieldId kPhone{4};
inline constexpr FieldId kNote{5}; // add-only
// 6 is reserved and never assigned: checklist answers use one field per item (see below) instead.
inline constexpr FieldId kSignature{7};         // reference to the attachment holding the signature
inline constexpr FieldId kAttachment{8};        // add-only: references to attachments
inline constexpr FieldId kReferralAuthority{9}; // where a referred case was sent
inline constexpr FieldId kStatusNote{10};       // add-only: why a status changed, kept as history
inline constexpr FieldId kLifeSituation{11};    // the life situation talked through (code), empty for none
// The citizen's receipt (issue 18), made at creation: whoever holds the record key can republish the view.
inline constexpr FieldId kReceiptReference{12}; // the status page reference (crypto/citizen_access.hpp)
inline constexpr FieldId kReceiptCode{13};      // the access code the citizen view is sealed under

/**
 * Checklist answers: one register field per checklist item, ids kChecklistAnswerFirst + item id.
 * One field per item (rather than one field holding a map) because merging is per field: two staff
 * ticking different items on two tablets then never conflict. The item id is stable within the case's
 * service (ChecklistItem::id), so the service code in the clear metadata tells what an id means.
 */
inline constexpr std::uint32_t kChecklistAnswerFirst = 1000;
inline constexpr std::uint32_t kChecklistAnswerLast = 1999;

/**
 * Life-situation steps: one register field per step number, ids kLifeSituationStepFirst + step id, so two
 * staff ticking different steps on two tablets never conflict (as with checklist answers). The field id
 * names only the step's number, never the situation: which situation a case is about ("new child",
 * "retirement") is personal, so it lives only inside the ciphertext, in kLifeSituation and in each step's
 * value (life_situation_answers.hpp).
 */
inline constexpr std::uint32_t kLifeSituationStepFirst = 2000;
inline constexpr std::uint32_t kLifeSituationStepLast = 2099;
} // namespace fields

/** What this version knows about a field id; `known == false` for ids from newer versions. */
struct FieldInfo {
    FieldId id;
    std::string_view name; // stable lowercase code for logs and debugging, e.g. "cpr", "checklist-answer"
    FieldKind kind = FieldKind::Register;
    bool known = false;
};

/**
 * Name and kind of a field. Unknown ids (including 0 and the reserved 6) come back with `known == false`
 * and kind Register: treating an unknown field as a register can at worst show a needless conflict,
 * while treating it as add-only could silently let one concurrent version hide another.
 */
[[nodiscard]] FieldInfo fieldInfo(FieldId id);

/** The answer field for checklist item `itemId` (1..999); nullopt outside the range. */
[[nodiscard]] std::optional<FieldId> checklistAnswerField(std::uint16_t itemId);

/** The checklist item id of an answer field, or nullopt when `id` is not a checklist answer. */
[[nodiscard]] std::optional<std::uint16_t> checklistItemOf(FieldId id);

/** The field of life-situation step `stepId` (1..99); nullopt outside the range. */
[[nodiscard]] std::optional<FieldId> lifeSituationStepField(std::uint16_t stepId);

/** The step number of a life-situation step field, or nullopt when `id` is not one. */
[[nodiscard]] std::optional<std::uint16_t> lifeSituationStepOf(FieldId id);

} // namespace fieldkit::core

/** So field ids can key unordered containers (the hub groups operations per field). */
template <>
struct std::hash<fieldkit::core::FieldId> {
    [[nodiscard]] std::size_t operator()(fieldkit::core::FieldId id) const noexcept {
        return std::hash<std::uint32_t>{}(id.value);
    }
};
