#include <fieldkit/store/sync_queue.hpp>

namespace fieldkit::store {

using sqlite::Transaction;

Result<std::vector<OutboxOperation>> SyncQueue::pending(int limit) {
    auto stmt = m_store.database().prepare(
        "SELECT x.device_seq, o.case_id, o.kind, o.hlc, o.field_refs, o.meta, o.ciphertext, "
        "c.sealed_key_center, "
        "c.sealed_key_unit, x.queued_ms FROM outbox x JOIN operations o ON o.op_id = x.op_id "
        "JOIN cases c ON c.case_id = o.case_id ORDER BY x.device_seq LIMIT ?1");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, static_cast<std::int64_t>(limit));
    std::vector<OutboxOperation> out;
    while (true) {
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return out;
        }
        out.push_back(OutboxOperation{static_cast<std::uint64_t>(stmt->int64(0)), stmt->blob(1),
                                      stmt->text(2), static_cast<std::uint64_t>(stmt->int64(3)),
                                      stmt->blob(4), stmt->text(5), stmt->blob(6), stmt->blob(7),
                                      stmt->blob(8), stmt->int64(9)});
    }
}

Result<SyncPosition> SyncQueue::position() {
    auto stmt = m_store.database().prepare(
        "SELECT s.pull_cursor, s.last_acked_device_seq, (SELECT count(*) FROM outbox), "
        "(SELECT coalesce(min(queued_ms), 0) FROM outbox) FROM sync_state s WHERE s.id = 1");
    if (!stmt) {
        return stmt.error();
    }
    auto row = stmt->step();
    if (!row || !*row) {
        return row ? makeError("damaged_store", "The store lacks its sync state.") : row.error();
    }
    return SyncPosition{static_cast<std::uint64_t>(stmt->int64(0)),
                        static_cast<std::uint64_t>(stmt->int64(1)), stmt->int64(2), stmt->int64(3)};
}

Status SyncQueue::acknowledge(const std::vector<std::pair<std::uint64_t, std::uint64_t>>& acks) {
    auto& db = m_store.database();
    auto tx = Transaction::begin(db);
    if (!tx) {
        return tx.error();
    }
    auto mark = db.prepare("UPDATE operations SET server_seq = ?3 WHERE device_id = ?1 AND device_seq = ?2");
    auto drop = db.prepare("DELETE FROM outbox WHERE device_seq = ?1");
    auto closing =
        db.prepare("UPDATE cases SET closed_acked_ms = ?3 WHERE case_id = (SELECT case_id FROM operations "
                   "WHERE device_id = ?1 "
                   "AND device_seq = ?2 AND (meta LIKE '%status=closed%' OR meta LIKE '%status=withdrawn%')) "
                   "AND status IN ('closed', 'withdrawn')");
    auto cursor = db.prepare(
        "UPDATE sync_state SET last_acked_device_seq = max(last_acked_device_seq, ?1) WHERE id = 1");
    if (!mark || !drop || !closing || !cursor) {
        return makeError("damaged_store", "The store's schema is incomplete.");
    }
    const std::int64_t now = m_store.clock().nowMs();
    for (const auto& [deviceSeq, serverSeq] : acks) {
        const auto seq = static_cast<std::int64_t>(deviceSeq);
        for (auto* st : {&*mark, &*closing}) {
            st->bind(1, m_store.deviceId()).bind(2, seq);
        }
        mark->bind(3, static_cast<std::int64_t>(serverSeq));
        closing->bind(3, now);
        if (auto s = mark->run(); !s) {
            return s;
        }
        if (auto s = closing->run(); !s) {
            return s;
        }
        if (auto s = drop->bind(1, seq).run(); !s) {
            return s;
        }
        if (auto s = cursor->bind(1, seq).run(); !s) {
            return s;
        }
    }
    return tx->commit();
}

} // namespace fieldkit::store
