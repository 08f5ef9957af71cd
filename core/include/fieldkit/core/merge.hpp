#pragma once

#include <cstdint>
#include <fieldkit/core/field.hpp>
#include <fieldkit/core/operation.hpp>
#include <fieldkit/core/result.hpp>
#include <map>
#include <vector>

namespace fieldkit::core {

/** One version of a register field, named by the server_seq of the operation that wrote it. */
struct FieldVersion {
    ServerSeq seq = 0;
    bool deleted = false; // written by a Delete: a tombstone, kept so delete-vs-edit can be seen

    friend bool operator==(const FieldVersion&, const FieldVersion&) = default;
};

/**
 * The merge state of one register field: the versions still open.
 *
 * None = never set; one = that version is in force (the head); several = conflicted, all kept until a
 * person resolves them. Ascending by seq, so the last one is the newest version the field ever had
 * (every new version enters the open set, and only a newer version can close one).
 */
struct RegisterState {
    std::vector<FieldVersion> open;

    /** server_seq of the newest version, 0 when the field was never set. */
    [[nodiscard]] ServerSeq headSeq() const { return open.empty() ? 0 : open.back().seq; }
    [[nodiscard]] bool isConflicted() const { return open.size() > 1; }
    /** True when a value is in force: set, not deleted, not conflicted. */
    [[nodiscard]] bool hasValue() const { return open.size() == 1 && !open.front().deleted; }

    friend bool operator==(const RegisterState&, const RegisterState&) = default;
};

/** The part of one incoming operation that concerns one field. */
struct FieldChange {
    OperationKind kind = OperationKind::Set;
    /** Set/Delete/Append: the one version the author saw (0 = none). Resolve: every version it closes. */
    std::vector<ServerSeq> bases;
    /** The server_seq the hub assigns to the operation; must be newer than every open version. */
    ServerSeq seq = 0;
};

enum class MergeOutcome : std::uint8_t {
    Applied,    // the change is now the only open version (or, add-only, simply added)
    Conflicted, // the change is kept next to other open versions; a person must resolve
};

/** Why a field is conflicted after a change, so the app can explain it. */
enum class ConflictReason : std::uint8_t {
    None,
    ConcurrentEdit, // the author did not see the version(s) in force
    DeleteVsEdit,   // as ConcurrentEdit, but one side deleted the value and the other edited it
    StillOpen,      // the change continued or resolved some versions, but others it did not name remain
};

/** State in, decision out: what a change does to a field. */
struct MergeDecision {
    MergeOutcome outcome = MergeOutcome::Applied;
    ConflictReason reason = ConflictReason::None;
    RegisterState next;            // the field's state after the change (add-only: unchanged)
    std::vector<ServerSeq> closed; // open versions the change superseded, ascending
};

/**
 * The per-field merge rule (ARCHITECTURE.md "Sync"), pure, shared by the hub and the simulation.
 *
 * - Add-only fields: Append always applies.
 * - Register, Set/Delete with base B: the version B (if open) is superseded and the change becomes a new
 *   open version. Applied when nothing else stays open (B was the head); otherwise Conflicted and every
 *   version is kept: B older than the head is a concurrent edit; delete against edit is a conflict too.
 *   Exception: a Delete concurrent only with other deletes applies, since no value can be lost.
 * - Register, Resolve: closes the open versions it names and becomes the new head; versions it did not
 *   name (they arrived after the person looked) stay open, so the field stays Conflicted.
 *
 * Errors (peer-controlled input): `merge_kind_mismatch` (Append on a register, anything else on an
 * add-only field), `merge_no_base` (a register change naming no base), `merge_unknown_base` (a base newer
 * than any version of the field: it never existed).
 */
[[nodiscard]] Result<MergeDecision> mergeField(FieldKind kind, const RegisterState& current,
                                               const FieldChange& change);

/** The decision for one field of an operation. */
struct FieldMerge {
    FieldId fieldId;
    FieldKind kind = FieldKind::Register;
    MergeDecision decision;
};

/** The decisions for every field of one operation; the case is conflicted if any field is. */
struct OperationMerge {
    std::vector<FieldMerge> fields; // ascending by field id

    [[nodiscard]] bool conflicted() const;
};

/**
 * Merges a whole operation: validates it, groups its FieldRefs per field (a Resolve names one per closed
 * version) and runs mergeField on each. `current` holds the state of the op's register fields; a field
 * missing from it was never set. Fields this version does not know take their kind from the operation
 * (Append: add-only, else register), because their author's version knew it.
 * Fails as a whole (nothing applies) when any field fails: an operation is one save.
 */
[[nodiscard]] Result<OperationMerge>
mergeOperation(const Operation& op, const std::map<FieldId, RegisterState>& current, ServerSeq seq);

} // namespace fieldkit::core
