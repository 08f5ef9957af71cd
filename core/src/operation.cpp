#include <array>
#include <fieldkit/core/operation.hpp>
#include <set>
#include <string>

namespace fieldkit::core {

namespace {

constexpr std::array kAllOperationKinds{OperationKind::Set, OperationKind::Append, OperationKind::Delete,
                                        OperationKind::Resolve};

} // namespace

std::string_view toString(OperationKind kind) {
    switch (kind) {
    case OperationKind::Set:
        return "set";
    case OperationKind::Append:
        return "append";
    case OperationKind::Delete:
        return "delete";
    case OperationKind::Resolve:
        return "resolve";
    }
    return "unknown";
}

Result<OperationKind> operationKindFromString(std::string_view code) {
    for (const OperationKind kind : kAllOperationKinds) {
        if (toString(kind) == code) {
            return kind;
        }
    }
    return makeError("unknown_operation_kind",
                     "The operation kind is not one this version of fieldkit knows.");
}

Status validateOperation(const Operation& op) {
    if (op.deviceId.isNil()) {
        return makeError("op_nil_device", "The operation does not name the device that made it.");
    }
    if (op.caseId.isNil()) {
        return makeError("op_nil_case", "The operation does not name a case.");
    }
    if (op.deviceSeq == 0) {
        return makeError("op_zero_device_seq", "The operation has no device sequence number.");
    }
    if (op.fields.empty()) {
        return makeError("op_no_fields", "The operation changes no fields.");
    }
    std::set<FieldId> seen;
    for (const FieldRef& ref : op.fields) {
        if (op.kind == OperationKind::Resolve) {
            if (ref.baseSeq == 0) {
                return makeError("op_resolve_without_version",
                                 "A resolution must name the versions it closes, field " +
                                     std::to_string(ref.fieldId.value) + " names none.");
            }
        } else if (!seen.insert(ref.fieldId).second) {
            return makeError("op_duplicate_field", "Field " + std::to_string(ref.fieldId.value) +
                                                       " appears twice in one operation.");
        }
        const FieldInfo info = fieldInfo(ref.fieldId);
        if (!info.known) {
            continue; // from a newer version: its author knew the kind, and merge infers it from the op
        }
        const bool appends = op.kind == OperationKind::Append;
        if (appends != (info.kind == FieldKind::AddOnly)) {
            return makeError("op_kind_mismatch", "A '" + std::string(toString(op.kind)) +
                                                     "' operation cannot change the field '" +
                                                     std::string(info.name) + "'.");
        }
    }
    if (op.kind != OperationKind::Delete && op.ciphertext.empty()) {
        return makeError("op_missing_ciphertext", "The operation carries no values.");
    }
    return {};
}

} // namespace fieldkit::core
