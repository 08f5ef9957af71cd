#include "push_ack_values.hpp"

#include <algorithm>
#include <fieldkit/core/case_meta.hpp>
#include <fieldkit/core/field.hpp>
#include <fieldkit/core/operation.hpp>
#include <fieldkit/core/partition_checksum.hpp>
#include <fieldkit/hub/push_plan.hpp>
#include <set>

namespace fieldkit::hub {
namespace {

using HeadKey = std::pair<CaseKey, std::uint32_t>;

/** An operation this push may apply: its own, new, and after what the center already applied. */
bool mayApply(const DeviceRecord& device, const protocol::Operation& op, const PushSnapshot& snapshot,
              std::uint64_t lastApplied) {
    return op.device_id() == device.deviceId && !snapshot.storedAcks.contains(op.device_seq()) &&
           op.device_seq() > lastApplied;
}

/** Decides operations one by one against a snapshot that each applied operation moves on. */
class PushPlanner {
public:
    PushPlanner(const DeviceRecord& device, PushSnapshot snapshot, const std::vector<std::uint64_t>& seqs)
        : m_device(device)
        , m_snapshot(std::move(snapshot))
        , m_seqs(seqs)
        , m_storedHeads(m_snapshot.heads) {
        m_plan.lastApplied = m_snapshot.lastApplied;
    }

    Status decide(const protocol::Operation& op) {
        if (op.device_id() != m_device.deviceId) {
            // Not remembered: the answer belongs to no device_seq of this device.
            m_plan.acks.push_back(rejectedAck(op.device_seq(), core::Refusal::OtherDevice,
                                              "the operation names another device"));
            return {};
        }
        if (const auto earlier = m_snapshot.storedAcks.find(op.device_seq());
            earlier != m_snapshot.storedAcks.end()) {
            protocol::PushAck repeat = earlier->second;
            if (repeat.result() == protocol::PushAck::APPLIED) {
                repeat.set_result(protocol::PushAck::DUPLICATE);
            }
            m_plan.acks.push_back(std::move(repeat));
            return {};
        }
        protocol::PushAck ack;
        if (op.device_seq() <= m_plan.lastApplied) {
            ack = rejectedAck(op.device_seq(), core::Refusal::Stale,
                              "the operation is older than what the center already applied");
        } else {
            auto applied = apply(op);
            if (!applied) {
                if (!refusalOf(applied.error())) {
                    return applied.error();
                }
                ack = rejectedAck(op.device_seq(), applied.error());
            } else {
                ack = std::move(*applied);
            }
        }
        m_plan.lastApplied = std::max(m_plan.lastApplied, op.device_seq());
        m_snapshot.storedAcks[op.device_seq()] = ack; // a repeat later in the same push gets this answer
        m_plan.acksToStore.push_back(ack);
        m_plan.acks.push_back(std::move(ack));
        return {};
    }

    PushPlan finish() {
        for (const auto& caseId : m_touchedCases) {
            auto update = m_caseUpdates.at(caseId);
            update.conflicted = false;
            for (auto it = m_snapshot.heads.lower_bound({caseId, 0});
                 it != m_snapshot.heads.end() && it->first.first == caseId; ++it) {
                update.conflicted = update.conflicted || it->second.isConflicted();
            }
            m_plan.caseUpdates.push_back(std::move(update));
        }
        // What is written is the difference between the heads as read and as left, so a version opened and
        // closed within the same push is never written at all.
        for (const auto& key : m_touchedHeads) {
            const auto before = m_storedHeads.find(key);
            const auto& after = m_snapshot.heads.at(key).open;
            const auto contains = [](const std::vector<core::FieldVersion>& versions, std::uint64_t seq) {
                return std::any_of(versions.begin(), versions.end(),
                                   [&](const core::FieldVersion& v) { return v.seq == seq; });
            };
            if (before != m_storedHeads.end()) {
                for (const auto& version : before->second.open) {
                    if (!contains(after, version.seq)) {
                        m_plan.closedHeads.push_back({key.first, key.second, version.seq, version.deleted});
                    }
                }
            }
            for (const auto& version : after) {
                if (before == m_storedHeads.end() || !contains(before->second.open, version.seq)) {
                    m_plan.openedHeads.push_back({key.first, key.second, version.seq, version.deleted});
                }
            }
        }
        return std::move(m_plan);
    }

private:
    /** The operation's number: the one a restore lost, given back when it may be (restore_numbering.hpp),
     *  or the next reserved one; a lost number not given back is remembered as moved to the new one. */
    Result<std::uint64_t> takeSeq(const protocol::Operation& op,
                                  const std::vector<core::RegisterState>& touched) {
        auto& restore = m_snapshot.restore;
        if (const auto restored = restoredNumber(op, restore, touched)) {
            restore.taken.insert(*restored);
            return *restored;
        }
        if (m_nextSeq >= m_seqs.size()) {
            return makeError("too_few_seqs", "The push was planned with too few server sequence numbers.");
        }
        const auto fresh = m_seqs[m_nextSeq++];
        if (restore.lost(op.server_seq()) && !restore.renumbered.contains(op.server_seq())) {
            restore.renumbered.emplace(op.server_seq(), fresh);
            m_plan.renumbered.emplace_back(op.server_seq(), fresh);
        }
        return fresh;
    }

    /** The server_seq of the device's own earlier operation, so a chain of local edits is not a conflict. */
    Result<std::uint64_t> ownServerSeq(std::uint64_t deviceSeq) const {
        const auto ack = m_snapshot.storedAcks.find(deviceSeq);
        if (ack == m_snapshot.storedAcks.end() || ack->second.result() == protocol::PushAck::REJECTED) {
            return refusal(core::Refusal::DependsOnRefused,
                           "the operation builds on one of this device's changes that was not applied");
        }
        return ack->second.server_seq();
    }

    /** Applies one new operation to the plan; a refusal() error refuses it and leaves the plan as it was. */
    Result<protocol::PushAck> apply(const protocol::Operation& op) {
        const CaseKey caseId(op.case_id().begin(), op.case_id().end());
        if (caseId.size() != 16) {
            return refusal(core::Refusal::Malformed, "the case id is not 16 bytes");
        }
        auto kind = core::operationKindFromString(op.kind());
        if (!kind) {
            return refusal(core::Refusal::Malformed, "unknown operation kind");
        }
        const auto meta = core::parseCaseMeta(op.meta());
        const auto service = meta.find("service");
        const auto channel = meta.find("channel");
        const auto status = meta.find("status");
        const auto owner = m_snapshot.caseUnits.find(caseId);
        if (owner != m_snapshot.caseUnits.end() && owner->second != m_device.unit) {
            return refusal(core::Refusal::OtherUnit, "the case belongs to another unit");
        }
        const bool isNew = owner == m_snapshot.caseUnits.end();
        if (isNew &&
            (service == meta.end() || op.sealed_key_center().empty() || op.sealed_key_unit().empty())) {
            return refusal(core::Refusal::Malformed, "a new case needs its service and sealed record keys");
        }
        // Group the field references per field (a resolve names one per version it closes).
        std::map<std::uint32_t, std::vector<std::uint64_t>> bases;
        for (const auto& ref : op.fields()) {
            std::uint64_t base = ref.base_seq();
            if (ref.base_device_seq() != 0) {
                auto own = ownServerSeq(ref.base_device_seq());
                if (!own) {
                    return own.error();
                }
                base = std::max(base, *own);
            }
            bases[ref.field_id()].push_back(base);
        }
        std::vector<core::RegisterState> touched;
        for (const auto& [fieldId, fieldBases] : bases) {
            if (const auto state = m_snapshot.heads.find({caseId, fieldId});
                state != m_snapshot.heads.end()) {
                touched.push_back(state->second);
            }
        }
        auto seq = takeSeq(op, touched);
        if (!seq) {
            return seq.error();
        }
        protocol::PushAck ack;
        ack.set_device_seq(op.device_seq());
        ack.set_server_seq(*seq);
        ack.set_result(protocol::PushAck::APPLIED);
        // Every field is decided before any is changed: a field that fails refuses the whole operation.
        std::vector<std::pair<HeadKey, core::RegisterState>> nextStates;
        bool conflicted = false;
        for (const auto& [fieldId, fieldBases] : bases) {
            const auto info = core::fieldInfo(core::FieldId{fieldId});
            const bool addOnly =
                info.known ? info.kind == core::FieldKind::AddOnly : *kind == core::OperationKind::Append;
            if (addOnly) {
                continue; // add-only values never conflict
            }
            HeadKey key{caseId, fieldId};
            const auto current = m_snapshot.heads.find(key);
            const core::RegisterState state =
                current == m_snapshot.heads.end() ? core::RegisterState{} : current->second;
            const auto changeKind = *kind == core::OperationKind::Append ? core::OperationKind::Set : *kind;
            std::vector<std::uint64_t> resolved;
            for (const auto base : fieldBases) {
                resolved.push_back(m_snapshot.restore.empty() ? base
                                                              : resolveBase(base, m_snapshot.restore, state));
            }
            auto decision = core::mergeField(core::FieldKind::Register, state,
                                             core::FieldChange{changeKind, std::move(resolved), *seq});
            if (!decision) {
                return refusal(core::Refusal::Malformed, decision.error().message);
            }
            conflicted = conflicted || decision->outcome == core::MergeOutcome::Conflicted;
            for (const auto closedSeq : decision->closed) {
                ack.add_closes(closedSeq);
            }
            // The stores keep the new version beside those it did not close, flagged when it deletes.
            core::RegisterState next;
            for (const auto& version : state.open) {
                if (std::find(decision->closed.begin(), decision->closed.end(), version.seq) ==
                    decision->closed.end()) {
                    next.open.push_back(version);
                }
            }
            next.open.push_back({*seq, *kind == core::OperationKind::Delete});
            nextStates.emplace_back(std::move(key), std::move(next));
        }
        ack.set_conflicted(conflicted);

        // Decided: from here on the operation is applied to the plan.
        for (auto& [key, next] : nextStates) {
            m_touchedHeads.insert(key);
            m_snapshot.heads[key] = std::move(next);
        }
        if (isNew) {
            m_snapshot.caseUnits.emplace(caseId, m_device.unit);
            m_plan.newCases.push_back({caseId, service->second,
                                       channel == meta.end() ? std::string() : channel->second,
                                       op.sealed_key_center(), op.sealed_key_unit()});
        }
        auto& update = m_caseUpdates[caseId];
        update.caseId = caseId;
        if (status != meta.end()) {
            update.status = status->second;
        }
        if (service != meta.end()) {
            update.service = service->second;
        }
        if (channel != meta.end()) {
            update.channel = channel->second;
        }
        m_touchedCases.insert(caseId);

        protocol::Operation stored = op;
        stored.set_server_seq(*seq);
        stored.set_unit(m_device.unit);
        stored.clear_closes();
        for (const auto closedSeq : ack.closes()) {
            stored.add_closes(closedSeq);
        }
        if (!isNew) {
            stored.clear_sealed_key_center();
            stored.clear_sealed_key_unit();
        }
        m_plan.operations.push_back({*seq, caseId, op.device_seq(), stored.SerializeAsString()});
        m_plan.checksumDelta ^= core::operationFingerprint(*seq, m_device.deviceId, op.device_seq());
        m_plan.changed = true;
        return ack;
    }

    const DeviceRecord& m_device;
    PushSnapshot m_snapshot; // moves on with every applied operation
    const std::vector<std::uint64_t>& m_seqs;
    std::size_t m_nextSeq = 0;
    const std::map<HeadKey, core::RegisterState> m_storedHeads; // as read
    std::set<HeadKey> m_touchedHeads;
    std::set<CaseKey> m_touchedCases;
    std::map<CaseKey, CaseMetaUpdate> m_caseUpdates;
    PushPlan m_plan;
};

} // namespace

std::size_t seqsNeeded(const DeviceRecord& device, const std::vector<protocol::Operation>& ops,
                       const PushSnapshot& snapshot) {
    std::size_t count = 0;
    std::uint64_t lastApplied = snapshot.lastApplied;
    std::set<std::uint64_t> seen;
    for (const auto& op : ops) {
        if (mayApply(device, op, snapshot, lastApplied) && seen.insert(op.device_seq()).second) {
            ++count;
            lastApplied = std::max(lastApplied, op.device_seq());
        }
    }
    return count;
}

Result<PushPlan> planPush(const DeviceRecord& device, const std::vector<protocol::Operation>& ops,
                          PushSnapshot snapshot, const std::vector<std::uint64_t>& seqs) {
    PushPlanner planner(device, std::move(snapshot), seqs);
    for (const auto& op : ops) {
        if (auto st = planner.decide(op); !st) {
            return st.error();
        }
    }
    return planner.finish();
}

} // namespace fieldkit::hub
