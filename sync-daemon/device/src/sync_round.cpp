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

Result<RoundOutcome> applyReply(store::SyncQueue& queue, const protocol::SyncReply& reply) {
    RoundOutcome outcome;
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
