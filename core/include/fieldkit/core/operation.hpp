#pragma once

#include <cstdint>
#include <fieldkit/core/field.hpp>
#include <fieldkit/core/hlc.hpp>
#include <fieldkit/core/id128.hpp>
#include <fieldkit/core/result.hpp>
#include <string_view>
#include <vector>

namespace fieldkit::core {

/** Per-device counter; incremented in the same transaction as the save, so it is the idempotency key. */
using DeviceSeq = std::uint64_t;
/** The hub's global order of applied operations; 0 means "no version" (the author saw the field unset). */
using ServerSeq = std::uint64_t;

/** What an operation does to its fields. Numeric values travel on the wire: never renumber. */
enum class OperationKind : std::uint8_t {
    Set = 0,     // new value(s) for register fields
    Append = 1,  // new entries for add-only fields
    Delete = 2,  // remove register values (a tombstone version; conflicts with concurrent edits)
    Resolve = 3, // a person's resolution of a conflicted register: closes the versions it names
};

/** Stable codes: "set", "append", "delete", "resolve". */
[[nodiscard]] std::string_view toString(OperationKind kind);
/** Error `unknown_operation_kind` for anything but the exact codes. */
[[nodiscard]] Result<OperationKind> operationKindFromString(std::string_view code);

/**
 * One field an operation touches and the hub version its author saw (clear, so the hub can merge
 * without the key). A Resolve lists the same field once per version it closes.
 */
struct FieldRef {
    FieldId fieldId;
    ServerSeq baseSeq = 0;

    friend bool operator==(const FieldRef&, const FieldRef&) = default;
};

/**
 * One staff member's save to one case (ARCHITECTURE.md "Data model").
 *
 * Everything here is clear except `ciphertext`, which holds the new values of all `fields` together
 * (one nonce and tag per save); the ciphertext's AAD binds it to case, device, seq and field ids.
 */
struct Operation {
    DeviceId deviceId;
    DeviceSeq deviceSeq = 0;
    CaseId caseId;
    OperationKind kind = OperationKind::Set;
    Hlc hlc; // display and tie-breaking only
    std::vector<FieldRef> fields;
    std::vector<std::uint8_t> ciphertext;

    friend bool operator==(const Operation&, const Operation&) = default;
};

/**
 * Structural checks before an operation is stored, sent or merged (it may come from a peer).
 *
 * Error codes: `op_nil_device`, `op_nil_case`, `op_zero_device_seq`, `op_no_fields`, `op_duplicate_field`
 * (a field twice in a Set/Append/Delete), `op_resolve_without_version` (Resolve naming version 0),
 * `op_kind_mismatch` (Append on a register or Set/Delete/Resolve on an add-only field; fields this version
 * does not know are not checked), `op_missing_ciphertext` (every kind but Delete carries values).
 */
[[nodiscard]] Status validateOperation(const Operation& op);

} // namespace fieldkit::core
