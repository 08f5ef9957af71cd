// The daemon's side of the citizen views (issue 18): sealed views out, the hub's answers in, no key needed.
#include <fieldkit/sqlite/collect.hpp>
#include <fieldkit/store/sync_queue.hpp>

namespace fieldkit::store {

Result<std::vector<PendingCitizenView>> SyncQueue::pendingCitizenViews(int limit) {
    auto stmt = m_store.database().cached("SELECT reference, case_id, verifier, sealed, updated_ms, "
                                          "expires_ms FROM citizen_views WHERE pending = 1 "
                                          "AND refused = '' ORDER BY updated_ms LIMIT ?1");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, static_cast<std::int64_t>(limit));
    return sqlite::collect<PendingCitizenView>(*stmt, [](const sqlite::Statement& s) {
        return PendingCitizenView{s.text(0), s.blob(1), s.blob(2), s.blob(3), s.int64(4), s.int64(5)};
    });
}

Status SyncQueue::citizenViewsAnswered(const std::vector<CitizenViewAnswer>& answers) {
    auto& db = m_store.database();
    auto tx = sqlite::Transaction::begin(db);
    if (!tx) {
        return tx.error();
    }
    auto taken = db.cached("UPDATE citizen_views SET pending = 0 WHERE reference = ?1 AND updated_ms = ?2");
    auto refused =
        db.cached("UPDATE citizen_views SET refused = ?3 WHERE reference = ?1 AND updated_ms = ?2");
    if (!taken || !refused) {
        return !taken ? taken.error() : refused.error();
    }
    for (const auto& answer : answers) {
        auto& stmt = answer.refused.empty() ? *taken : *refused;
        stmt.bind(1, answer.reference).bind(2, answer.updatedMs);
        if (!answer.refused.empty()) {
            stmt.bind(3, answer.refused);
        }
        if (auto st = stmt.run(); !st) {
            return st;
        }
    }
    return tx->commit();
}

Result<std::pair<std::int64_t, std::string>> SyncQueue::citizenViewBacklog() {
    auto stmt = m_store.database().cached(
        "SELECT count(*), coalesce(max(refused), '') FROM citizen_views WHERE pending = 1");
    if (!stmt) {
        return stmt.error();
    }
    auto row = stmt->step();
    if (!row) {
        return row.error();
    }
    return std::pair<std::int64_t, std::string>{stmt->int64(0), stmt->text(1)};
}

} // namespace fieldkit::store
