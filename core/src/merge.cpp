#include <algorithm>
#include <cassert>
#include <fieldkit/core/merge.hpp>
#include <string>
#include <utility>

namespace fieldkit::core {

namespace {

[[maybe_unused]] bool isAscendingUnique(const std::vector<FieldVersion>& open) {
    return std::adjacent_find(open.begin(), open.end(), [](const FieldVersion& a, const FieldVersion& b) {
               return a.seq >= b.seq;
           }) == open.end();
}

bool contains(const std::vector<ServerSeq>& seqs, ServerSeq seq) {
    return std::find(seqs.begin(), seqs.end(), seq) != seqs.end();
}

Result<MergeDecision> mergeAddOnly(const RegisterState& current, const FieldChange& change) {
    if (change.kind != OperationKind::Append) {
        return makeError("merge_kind_mismatch", "Entries of an add-only field can only be appended.");
    }
    return MergeDecision{MergeOutcome::Applied, ConflictReason::None, current, {}};
}

} // namespace

Result<MergeDecision> mergeField(FieldKind kind, const RegisterState& current, const FieldChange& change) {
    assert(isAscendingUnique(current.open) && "RegisterState::open must be ascending and unique");
    assert(change.seq > current.headSeq() && "the hub assigns each operation a seq newer than all versions");

    if (kind == FieldKind::AddOnly) {
        return mergeAddOnly(current, change);
    }
    if (change.kind == OperationKind::Append) {
        return makeError("merge_kind_mismatch",
                         "A register field is set, deleted or resolved, not appended.");
    }
    if (change.bases.empty()) {
        return makeError("merge_no_base",
                         "A change to a register field must name the version it is based on.");
    }
    for (const ServerSeq base : change.bases) {
        if (base > current.headSeq()) {
            return makeError("merge_unknown_base", "The change is based on a version this field never had (" +
                                                       std::to_string(base) + ").");
        }
    }

    const bool incomingDeletes = change.kind == OperationKind::Delete;
    MergeDecision decision;
    std::vector<FieldVersion> remaining;
    for (const FieldVersion& version : current.open) {
        if (contains(change.bases, version.seq)) {
            decision.closed.push_back(version.seq);
        } else {
            remaining.push_back(version);
        }
    }

    const bool onlyDeletesRemain = std::all_of(remaining.begin(), remaining.end(),
                                               [](const FieldVersion& version) { return version.deleted; });
    if (incomingDeletes && !remaining.empty() && onlyDeletesRemain) {
        // Concurrent deletes agree: no value exists that a person would have to choose.
        for (const FieldVersion& version : remaining) {
            decision.closed.push_back(version.seq);
        }
        std::sort(decision.closed.begin(), decision.closed.end());
        remaining.clear();
    }

    if (remaining.empty()) {
        decision.outcome = MergeOutcome::Applied;
        decision.reason = ConflictReason::None;
    } else {
        decision.outcome = MergeOutcome::Conflicted;
        if (!decision.closed.empty()) {
            decision.reason = ConflictReason::StillOpen;
        } else {
            const bool otherSideDiffers =
                std::any_of(remaining.begin(), remaining.end(),
                            [&](const FieldVersion& version) { return version.deleted != incomingDeletes; });
            decision.reason =
                otherSideDiffers ? ConflictReason::DeleteVsEdit : ConflictReason::ConcurrentEdit;
        }
    }

    remaining.push_back(FieldVersion{change.seq, incomingDeletes});
    decision.next.open = std::move(remaining);
    return decision;
}

bool OperationMerge::conflicted() const {
    return std::any_of(fields.begin(), fields.end(), [](const FieldMerge& field) {
        return field.decision.outcome == MergeOutcome::Conflicted;
    });
}

Result<OperationMerge> mergeOperation(const Operation& op, const std::map<FieldId, RegisterState>& current,
                                      ServerSeq seq) {
    if (auto valid = validateOperation(op); !valid.ok()) {
        return valid.error();
    }

    std::map<FieldId, std::vector<ServerSeq>> basesPerField;
    for (const FieldRef& ref : op.fields) {
        basesPerField[ref.fieldId].push_back(ref.baseSeq);
    }

    static const RegisterState kUnset{};
    OperationMerge merge;
    for (auto& [fieldId, bases] : basesPerField) {
        const FieldInfo info = fieldInfo(fieldId);
        FieldKind kind = info.kind;
        if (!info.known) {
            kind = op.kind == OperationKind::Append ? FieldKind::AddOnly : FieldKind::Register;
        }
        const auto found = current.find(fieldId);
        const RegisterState& state = found == current.end() ? kUnset : found->second;
        auto decision = mergeField(kind, state, FieldChange{op.kind, std::move(bases), seq});
        if (!decision.ok()) {
            return decision.error();
        }
        merge.fields.push_back(FieldMerge{fieldId, kind, std::move(decision).value()});
    }
    return merge;
}

} // namespace fieldkit::core
