#include <fieldkit/core/field.hpp>

namespace fieldkit::core {

FieldInfo fieldInfo(FieldId id) {
    switch (id.value) {
    case fields::kCpr.value:
        return {id, "cpr", FieldKind::Register, true};
    case fields::kName.value:
        return {id, "name", FieldKind::Register, true};
    case fields::kAddress.value:
        return {id, "address", FieldKind::Register, true};
    case fields::kPhone.value:
        return {id, "phone", FieldKind::Register, true};
    case fields::kNote.value:
        return {id, "note", FieldKind::AddOnly, true};
    case fields::kSignature.value:
        return {id, "signature", FieldKind::Register, true};
    case fields::kAttachment.value:
        return {id, "attachment", FieldKind::AddOnly, true};
    case fields::kReferralAuthority.value:
        return {id, "referral-authority", FieldKind::Register, true};
    case fields::kStatusNote.value:
        return {id, "status-note", FieldKind::AddOnly, true};
    case fields::kLifeSituation.value:
        return {id, "life-situation", FieldKind::Register, true};
    case fields::kReceiptReference.value:
        return {id, "receipt-reference", FieldKind::Register, true};
    case fields::kReceiptCode.value:
        return {id, "receipt-code", FieldKind::Register, true};
    default:
        break;
    }
    if (checklistItemOf(id).has_value()) {
        return {id, "checklist-answer", FieldKind::Register, true};
    }
    if (lifeSituationStepOf(id).has_value()) {
        return {id, "life-situation-step", FieldKind::Register, true};
    }
    return {id, "unknown", FieldKind::Register, false};
}

std::optional<FieldId> checklistAnswerField(std::uint16_t itemId) {
    const std::uint32_t value = fields::kChecklistAnswerFirst + itemId;
    if (itemId == 0 || value > fields::kChecklistAnswerLast) {
        return std::nullopt;
    }
    return FieldId{value};
}

std::optional<std::uint16_t> checklistItemOf(FieldId id) {
    if (id.value <= fields::kChecklistAnswerFirst || id.value > fields::kChecklistAnswerLast) {
        return std::nullopt;
    }
    return static_cast<std::uint16_t>(id.value - fields::kChecklistAnswerFirst);
}

std::optional<FieldId> lifeSituationStepField(std::uint16_t stepId) {
    const std::uint32_t value = fields::kLifeSituationStepFirst + stepId;
    if (stepId == 0 || value > fields::kLifeSituationStepLast) {
        return std::nullopt;
    }
    return FieldId{value};
}

std::optional<std::uint16_t> lifeSituationStepOf(FieldId id) {
    if (id.value <= fields::kLifeSituationStepFirst || id.value > fields::kLifeSituationStepLast) {
        return std::nullopt;
    }
    return static_cast<std::uint16_t>(id.value - fields::kLifeSituationStepFirst);
}

} // namespace fieldkit::core
