#include <algorithm>
#include <cstdint>
#include <doctest/doctest.h>
#include <fieldkit/core/merge.hpp>
#include <map>
#include <string_view>
#include <vector>

using fieldkit::core::ConflictReason;
using fieldkit::core::FieldChange;
using fieldkit::core::FieldId;
using fieldkit::core::FieldKind;
using fieldkit::core::FieldVersion;
using fieldkit::core::mergeField;
using fieldkit::core::MergeOutcome;
using fieldkit::core::Operation;
using fieldkit::core::OperationKind;
using fieldkit::core::RegisterState;
using fieldkit::core::ServerSeq;
namespace fields = fieldkit::core::fields;

namespace {

constexpr bool kDel = true;

FieldVersion v(ServerSeq seq, bool deleted = false) {
    return FieldVersion{seq, deleted};
}

RegisterState state(std::vector<FieldVersion> open) {
    return RegisterState{std::move(open)};
}

using Seqs = std::vector<ServerSeq>;

} // namespace

TEST_CASE("Merge: register fields, state in -> decision out") {
    struct Row {
        std::string_view what;
        RegisterState current;
        OperationKind kind;
        Seqs bases;
        ServerSeq seq;
        MergeOutcome outcome;
        ConflictReason reason;
        RegisterState next;
        Seqs closed;
    };
    using enum OperationKind;
    const auto applied = MergeOutcome::Applied;
    const auto conflicted = MergeOutcome::Conflicted;
    const Row rows[] = {
        // Plain edits: base == head applies.
        {"first set", state({}), Set, {0}, 1, applied, ConflictReason::None, state({v(1)}), {}},
        {"edit on head", state({v(5)}), Set, {5}, 6, applied, ConflictReason::None, state({v(6)}), {5}},
        {"delete on head",
         state({v(5)}),
         Delete,
         {5},
         6,
         applied,
         ConflictReason::None,
         state({v(6, kDel)}),
         {5}},
        {"set after delete",
         state({v(5, kDel)}),
         Set,
         {5},
         6,
         applied,
         ConflictReason::None,
         state({v(6)}),
         {5}},

        // Concurrent changes: base older than head keeps both.
        {"stale edit",
         state({v(5)}),
         Set,
         {3},
         6,
         conflicted,
         ConflictReason::ConcurrentEdit,
         state({v(5), v(6)}),
         {}},
        {"two first sets",
         state({v(5)}),
         Set,
         {0},
         6,
         conflicted,
         ConflictReason::ConcurrentEdit,
         state({v(5), v(6)}),
         {}},
        {"delete vs edit",
         state({v(5)}),
         Delete,
         {3},
         6,
         conflicted,
         ConflictReason::DeleteVsEdit,
         state({v(5), v(6, kDel)}),
         {}},
        {"edit vs delete",
         state({v(5, kDel)}),
         Set,
         {3},
         6,
         conflicted,
         ConflictReason::DeleteVsEdit,
         state({v(5, kDel), v(6)}),
         {}},
        {"delete vs delete agrees",
         state({v(5, kDel)}),
         Delete,
         {3},
         6,
         applied,
         ConflictReason::None,
         state({v(6, kDel)}),
         {5}},

        // Already conflicted fields.
        {"edit one branch",
         state({v(5), v(6)}),
         Set,
         {6},
         7,
         conflicted,
         ConflictReason::StillOpen,
         state({v(5), v(7)}),
         {6}},
        {"edit older branch",
         state({v(5), v(6)}),
         Set,
         {5},
         7,
         conflicted,
         ConflictReason::StillOpen,
         state({v(6), v(7)}),
         {5}},
        {"stale edit on conflict",
         state({v(5), v(6)}),
         Set,
         {4},
         7,
         conflicted,
         ConflictReason::ConcurrentEdit,
         state({v(5), v(6), v(7)}),
         {}},
        {"delete one branch",
         state({v(5), v(6)}),
         Delete,
         {6},
         7,
         conflicted,
         ConflictReason::StillOpen,
         state({v(5), v(7, kDel)}),
         {6}},
        {"delete the edit, only deletes remain",
         state({v(5, kDel), v(6)}),
         Delete,
         {6},
         7,
         applied,
         ConflictReason::None,
         state({v(7, kDel)}),
         {5, 6}},

        // Resolution.
        {"resolve all",
         state({v(5), v(6)}),
         Resolve,
         {5, 6},
         7,
         applied,
         ConflictReason::None,
         state({v(7)}),
         {5, 6}},
        {"resolve names in any order",
         state({v(5), v(6), v(8)}),
         Resolve,
         {8, 5, 6},
         9,
         applied,
         ConflictReason::None,
         state({v(9)}),
         {5, 6, 8}},
        {"resolve delete vs edit",
         state({v(5, kDel), v(6)}),
         Resolve,
         {5, 6},
         7,
         applied,
         ConflictReason::None,
         state({v(7)}),
         {5, 6}},
        {"resolve part",
         state({v(5), v(6)}),
         Resolve,
         {5},
         7,
         conflicted,
         ConflictReason::StillOpen,
         state({v(6), v(7)}),
         {5}},
        {"resolve missed a newer version",
         state({v(5), v(8)}),
         Resolve,
         {5, 6},
         9,
         conflicted,
         ConflictReason::StillOpen,
         state({v(8), v(9)}),
         {5}},
        {"concurrent resolutions conflict",
         state({v(7)}),
         Resolve,
         {5, 6},
         8,
         conflicted,
         ConflictReason::ConcurrentEdit,
         state({v(7), v(8)}),
         {}},
        {"resolve a clean field",
         state({v(5)}),
         Resolve,
         {5},
         6,
         applied,
         ConflictReason::None,
         state({v(6)}),
         {5}},
    };
    for (const Row& row : rows) {
        CAPTURE(row.what);
        auto decision =
            mergeField(FieldKind::Register, row.current, FieldChange{row.kind, row.bases, row.seq});
        REQUIRE(decision.ok());
        CHECK(decision->outcome == row.outcome);
        CHECK(decision->reason == row.reason);
        CHECK(decision->next == row.next);
        CHECK(decision->closed == row.closed);
    }
}

TEST_CASE("Merge: add-only fields always apply, whatever the base") {
    const RegisterState current = state({v(5)});
    for (ServerSeq base : {0U, 1U, 5U}) {
        auto decision =
            mergeField(FieldKind::AddOnly, current, FieldChange{OperationKind::Append, {base}, 9});
        REQUIRE(decision.ok());
        CHECK(decision->outcome == MergeOutcome::Applied);
        CHECK(decision->reason == ConflictReason::None);
        CHECK(decision->next == current);
        CHECK(decision->closed.empty());
    }
}

TEST_CASE("Merge: malformed changes are errors, not guesses") {
    struct Row {
        std::string_view what;
        FieldKind kind;
        RegisterState current;
        OperationKind opKind;
        Seqs bases;
        std::string_view code;
    };
    using enum OperationKind;
    const Row rows[] = {
        {"append on register", FieldKind::Register, state({v(5)}), Append, {5}, "merge_kind_mismatch"},
        {"set on add-only", FieldKind::AddOnly, state({}), Set, {0}, "merge_kind_mismatch"},
        {"delete on add-only", FieldKind::AddOnly, state({}), Delete, {0}, "merge_kind_mismatch"},
        {"resolve on add-only", FieldKind::AddOnly, state({}), Resolve, {1}, "merge_kind_mismatch"},
        {"no base", FieldKind::Register, state({v(5)}), Set, {}, "merge_no_base"},
        {"base from the future", FieldKind::Register, state({v(5)}), Set, {6}, "merge_unknown_base"},
        {"base on a never-set field", FieldKind::Register, state({}), Set, {1}, "merge_unknown_base"},
        {"resolve names a future version",
         FieldKind::Register,
         state({v(5), v(6)}),
         Resolve,
         {5, 99},
         "merge_unknown_base"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.what);
        auto decision = mergeField(row.kind, row.current, FieldChange{row.opKind, row.bases, 100});
        REQUIRE_FALSE(decision.ok());
        CHECK(decision.error().code == row.code);
    }
}

TEST_CASE("Merge: RegisterState helpers") {
    CHECK(state({}).headSeq() == 0);
    CHECK_FALSE(state({}).hasValue());
    CHECK(state({v(4)}).hasValue());
    CHECK_FALSE(state({v(4, kDel)}).hasValue());
    CHECK_FALSE(state({v(4), v(7)}).hasValue());
    CHECK(state({v(4), v(7)}).isConflicted());
    CHECK(state({v(4), v(7)}).headSeq() == 7);
}

TEST_CASE("Merge: seeded random changes never lose a version silently") {
    // Invariants, for any history: the new version is open and newest; every version open before is
    // still open or reported closed; only versions the change named (or tombstones, for a delete) close;
    // Applied exactly when one version remains.
    std::uint64_t rng = 0x5EEDF1E1D;
    auto next = [&rng](std::uint64_t bound) {
        rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
        return (rng >> 33) % bound;
    };
    int applied = 0;
    int conflicted = 0;
    int rejected = 0;
    for (int history = 0; history < 200; ++history) {
        RegisterState current;
        ServerSeq seq = 0;
        for (int step = 0; step < 30; ++step) {
            ++seq;
            const OperationKind kind = next(4) == 0
                                           ? OperationKind::Resolve
                                           : (next(3) == 0 ? OperationKind::Delete : OperationKind::Set);
            Seqs bases;
            const std::uint64_t count = kind == OperationKind::Resolve ? 1 + next(3) : 1;
            if (next(2) == 0) {
                // A well-informed author: based on what is open (the head, or every open version).
                for (const FieldVersion& version : current.open) {
                    if (kind == OperationKind::Resolve || version.seq == current.headSeq()) {
                        bases.push_back(version.seq);
                    }
                }
                if (bases.empty()) {
                    bases.push_back(kind == OperationKind::Resolve ? 1 : 0);
                }
            } else {
                for (std::uint64_t i = 0; i < count; ++i) {
                    bases.push_back(next(seq)); // 0 .. seq-1: stale, the head, or (later) past the head
                }
            }
            if (kind == OperationKind::Resolve) {
                std::replace(bases.begin(), bases.end(), ServerSeq{0}, ServerSeq{1});
            }
            auto decision = mergeField(FieldKind::Register, current, FieldChange{kind, bases, seq});
            if (!decision.ok()) {
                CHECK(decision.error().code == "merge_unknown_base"); // a random base past the head
                ++rejected;
                continue;
            }
            const auto& open = decision->next.open;
            REQUIRE_FALSE(open.empty());
            CHECK(open.back() == FieldVersion{seq, kind == OperationKind::Delete});
            CHECK(std::is_sorted(open.begin(), open.end(),
                                 [](const FieldVersion& a, const FieldVersion& b) { return a.seq < b.seq; }));
            for (const FieldVersion& before : current.open) {
                const bool stillOpen = std::find(open.begin(), open.end(), before) != open.end();
                const bool closed = std::find(decision->closed.begin(), decision->closed.end(), before.seq) !=
                                    decision->closed.end();
                CHECK(stillOpen != closed);
                if (closed) {
                    const bool named = std::find(bases.begin(), bases.end(), before.seq) != bases.end();
                    CHECK((named || (kind == OperationKind::Delete && before.deleted)));
                }
            }
            CHECK((decision->outcome == MergeOutcome::Applied) == (open.size() == 1));
            ++(decision->outcome == MergeOutcome::Applied ? applied : conflicted);
            current = decision->next;
        }
    }
    // The generator must reach every branch, or the invariants above prove little.
    CAPTURE(applied);
    CAPTURE(conflicted);
    CAPTURE(rejected);
    CHECK(applied > 100);
    CHECK(conflicted > 100);
    CHECK(rejected > 0);
}

namespace {

Operation makeOp(OperationKind kind, std::vector<fieldkit::core::FieldRef> refs) {
    Operation op;
    fieldkit::core::CaseId::Bytes bytes{};
    bytes[0] = 1;
    op.caseId = fieldkit::core::CaseId(bytes);
    op.deviceId = fieldkit::core::DeviceId(bytes);
    op.deviceSeq = 1;
    op.kind = kind;
    op.fields = std::move(refs);
    op.ciphertext = {1, 2, 3};
    return op;
}

} // namespace

TEST_CASE("Merge: an operation merges per field") {
    const std::map<FieldId, RegisterState> current{
        {fields::kName, state({v(5)})},
        {fields::kAddress, state({v(3)})},
    };
    // The author saw name@5 (the head) and address@2 (someone changed it since): name applies,
    // address conflicts, phone (never set) applies.
    auto merge = fieldkit::core::mergeOperation(
        makeOp(OperationKind::Set, {{fields::kPhone, 0}, {fields::kAddress, 2}, {fields::kName, 5}}), current,
        9);
    REQUIRE(merge.ok());
    CHECK(merge->conflicted());
    REQUIRE(merge->fields.size() == 3);
    CHECK(merge->fields[0].fieldId == fields::kName);
    CHECK(merge->fields[0].decision.outcome == MergeOutcome::Applied);
    CHECK(merge->fields[0].decision.next == state({v(9)}));
    CHECK(merge->fields[1].fieldId == fields::kAddress);
    CHECK(merge->fields[1].decision.outcome == MergeOutcome::Conflicted);
    CHECK(merge->fields[1].decision.next == state({v(3), v(9)}));
    CHECK(merge->fields[2].fieldId == fields::kPhone);
    CHECK(merge->fields[2].decision.outcome == MergeOutcome::Applied);
}

TEST_CASE("Merge: different fields changed concurrently both apply") {
    std::map<FieldId, RegisterState> current;
    auto first = fieldkit::core::mergeOperation(makeOp(OperationKind::Set, {{fields::kName, 0}}), current, 1);
    REQUIRE(first.ok());
    current[fields::kName] = first->fields[0].decision.next;
    auto second =
        fieldkit::core::mergeOperation(makeOp(OperationKind::Set, {{fields::kPhone, 0}}), current, 2);
    REQUIRE(second.ok());
    CHECK_FALSE(second->conflicted());
}

TEST_CASE("Merge: a resolve operation groups the versions it names per field") {
    const std::map<FieldId, RegisterState> current{{fields::kName, state({v(5), v(6)})}};
    auto merge = fieldkit::core::mergeOperation(
        makeOp(OperationKind::Resolve, {{fields::kName, 5}, {fields::kName, 6}}), current, 7);
    REQUIRE(merge.ok());
    CHECK_FALSE(merge->conflicted());
    REQUIRE(merge->fields.size() == 1);
    CHECK(merge->fields[0].decision.closed == Seqs{5, 6});
    CHECK(merge->fields[0].decision.next == state({v(7)}));
}

TEST_CASE("Merge: notes and unknown fields from newer versions") {
    const std::map<FieldId, RegisterState> current{{FieldId{78}, state({v(4)})}};
    auto notes = fieldkit::core::mergeOperation(
        makeOp(OperationKind::Append, {{fields::kNote, 1}, {FieldId{77}, 0}}), current, 9);
    REQUIRE(notes.ok());
    CHECK_FALSE(notes->conflicted());
    CHECK(notes->fields[1].kind == FieldKind::AddOnly); // inferred from Append

    auto stale = fieldkit::core::mergeOperation(makeOp(OperationKind::Set, {{FieldId{78}, 2}}), current, 9);
    REQUIRE(stale.ok());
    CHECK(stale->fields[0].kind == FieldKind::Register);
    CHECK(stale->conflicted());
}

TEST_CASE("Merge: a bad operation fails as a whole") {
    const std::map<FieldId, RegisterState> current{{fields::kName, state({v(5)})}};
    auto invalid = fieldkit::core::mergeOperation(makeOp(OperationKind::Set, {}), current, 9);
    REQUIRE_FALSE(invalid.ok());
    CHECK(invalid.error().code == "op_no_fields");

    // name would apply, but address names a version that never existed: nothing applies.
    auto future = fieldkit::core::mergeOperation(
        makeOp(OperationKind::Set, {{fields::kName, 5}, {fields::kAddress, 8}}), current, 9);
    REQUIRE_FALSE(future.ok());
    CHECK(future.error().code == "merge_unknown_base");
}

TEST_CASE("Merge: two tablets edit the same name offline, a person resolves, nothing is lost") {
    RegisterState name = state({v(1)}); // both tablets synced at seq 1
    // Tablet A syncs first: its edit based on 1 applies.
    auto a = mergeField(FieldKind::Register, name, FieldChange{OperationKind::Set, {1}, 2});
    REQUIRE(a.ok());
    CHECK(a->outcome == MergeOutcome::Applied);
    name = a->next;
    // Tablet B, also based on 1, arrives later: both versions are kept.
    auto b = mergeField(FieldKind::Register, name, FieldChange{OperationKind::Set, {1}, 3});
    REQUIRE(b.ok());
    CHECK(b->outcome == MergeOutcome::Conflicted);
    CHECK(b->reason == ConflictReason::ConcurrentEdit);
    name = b->next;
    CHECK(name == state({v(2), v(3)}));
    // A person looks at both and resolves.
    auto resolved = mergeField(FieldKind::Register, name, FieldChange{OperationKind::Resolve, {2, 3}, 4});
    REQUIRE(resolved.ok());
    CHECK(resolved->outcome == MergeOutcome::Applied);
    CHECK(resolved->next == state({v(4)}));
}
