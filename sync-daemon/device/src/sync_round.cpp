#include <fieldkit/core/refusal.hpp>
#include <fieldkit/device/operation_mapping.hpp>
#include <fieldkit/device/sync_round.hpp>

namespace fieldkit::device {

Result<protocol::PushBatch> buildPush(store::SyncQueue& queue, int limit) {
    auto pending = queue.pending(limit);
    if (!pending) {
        return pending.error();
    }
    protocol::PushBatch batch;
    for (const auto& op : *pending) {
        *batch.add_ops() = toWire(op);
    }
    return batch;
}

Result<protocol::PushBatch> buildPush(store::SyncQueue& queue, std::uint64_t afterDeviceSeq, int maxOps,
                                      std::size_t maxBytes) {
    // Realistic operations are a few hundred bytes, so this many cover the budget without reading (and
    // copying) the whole outbox for a small push on a slow link.
    constexpr std::size_t kSmallestOpBytes = 128;
    const auto wanted =
        std::min<std::size_t>(static_cast<std::size_t>(std::max(1, maxOps)), maxBytes / kSmallestOpBytes + 1);
    auto pending = queue.pending(static_cast<int>(wanted), afterDeviceSeq);
    if (!pending) {
        return pending.error();
    }
    protocol::PushBatch batch;
    std::size_t bytes = 0;
    for (const auto& op : *pending) {
        auto wire = toWire(op);
        // Field tag and length prefix around each operation: a few bytes, counted so the budget holds.
        const std::size_t size = wire.ByteSizeLong() + 4;
        if (size > protocol::kMaxOperationBytes) {
            // The store refuses such saves; one that is here anyway (an older version, a damaged file)
            // would close every connection it is sent on. It stays on the device, marked for attention.
            const store::PushResult refused{op.deviceSeq, 0, true,
                                            "The save is too large to send to the center (" +
                                                std::to_string(size) + " bytes); it stays on this device.",
                                            std::string(core::refusalCode(core::Refusal::TooLarge))};
            if (auto st = queue.acknowledge({refused}); !st) {
                return st.error();
            }
            continue;
        }
        if (batch.ops_size() > 0 && bytes + size > maxBytes) {
            break;
        }
        bytes += size;
        *batch.add_ops() = std::move(wire);
    }
    return batch;
}

Status addCitizenViews(store::SyncQueue& queue, protocol::PushBatch& push, std::size_t maxBytes) {
    auto views = queue.pendingCitizenViews(static_cast<int>(protocol::kMaxPushCitizenViews));
    if (!views) {
        return views.error();
    }
    std::size_t bytes = push.ByteSizeLong();
    for (const auto& view : *views) {
        protocol::CitizenView wire;
        wire.set_reference(view.reference);
        wire.set_case_id(std::string(view.caseId.begin(), view.caseId.end()));
        wire.set_verifier(std::string(view.verifier.begin(), view.verifier.end()));
        wire.set_sealed(std::string(view.sealed.begin(), view.sealed.end()));
        wire.set_updated_ms(view.updatedMs);
        wire.set_expires_ms(view.expiresMs);
        const std::size_t size = wire.ByteSizeLong() + 4;
        const bool first = push.ops_size() == 0 && push.citizen_views_size() == 0;
        if (!first && bytes + size > maxBytes) {
            break;
        }
        bytes += size;
        *push.add_citizen_views() = std::move(wire);
    }
    return {};
}

Result<RoundOutcome> applyReply(store::SyncQueue& queue, const protocol::SyncReply& reply) {
    RoundOutcome outcome;
    if (reply.citizen_views_taken_size() > 0) {
        std::vector<store::CitizenViewAnswer> answers;
        for (const auto& taken : reply.citizen_views_taken()) {
            answers.push_back({taken.reference(), taken.updated_ms(), taken.refused()});
        }
        if (auto st = queue.citizenViewsAnswered(answers); !st) {
            return st.error();
        }
    }
    std::vector<store::PushResult> acks;
    acks.reserve(static_cast<std::size_t>(reply.acks_size()));
    for (const auto& ack : reply.acks()) {
        acks.push_back(fromWire(ack));
        outcome.rejected += acks.back().rejected ? 1 : 0;
    }
    outcome.acknowledged = acks.size();
    // Acks of our operations the page passed over: one may be for a push whose reply was lost, and a change
    // in this page may close that operation by the server_seq only the ack tells.
    for (const auto& ack : reply.own_acks()) {
        acks.push_back(fromWire(ack));
    }
    if (auto st = queue.acknowledge(acks); !st) {
        return st.error();
    }
    std::vector<store::SyncOperation> changes;
    changes.reserve(static_cast<std::size_t>(reply.changes_size()));
    for (const auto& op : reply.changes()) {
        changes.push_back(fromWire(op));
    }
    auto applied = queue.applyInbound(changes, reply.checkpoint(), reply.more(), reply.partition_checksum());
    if (!applied) {
        return applied.error();
    }
    outcome.pulled = static_cast<std::size_t>(applied->applied);
    outcome.diverged = applied->diverged;
    outcome.more = reply.more();
    return outcome;
}

} // namespace fieldkit::device
