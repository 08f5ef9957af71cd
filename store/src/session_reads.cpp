// Session reads: the case list, decrypting a case, CPR look-up, history, indexing arrived cases. Every read
// of personal data is audited.
#include "session_impl.hpp"

#include <fieldkit/core/case_search.hpp>

namespace fieldkit::store {

namespace {

std::string whereClause(const CaseFilter& filter) {
    std::string where = " WHERE 1";
    if (filter.status) {
        where += " AND c.status = ?1";
    }
    if (!filter.service.empty()) {
        where += " AND c.service = ?2";
    }
    if (!filter.unit.empty()) {
        where += " AND c.unit = ?3";
    }
    if (filter.openOnly) {
        where += " AND c.status NOT IN ('closed', 'withdrawn')";
    }
    if (filter.conflictedOnly) {
        where += " AND c.conflicted = 1";
    }
    if (!filter.createdBy.empty()) {
        where += " AND c.created_by = ?6";
    }
    return where;
}

void bindFilter(sqlite::Statement& stmt, const CaseFilter& filter) {
    if (filter.status) {
        stmt.bind(1, core::toString(*filter.status));
    }
    if (!filter.service.empty()) {
        stmt.bind(2, filter.service);
    }
    if (!filter.unit.empty()) {
        stmt.bind(3, filter.unit);
    }
    if (!filter.createdBy.empty()) {
        stmt.bind(6, filter.createdBy);
    }
}

} // namespace

Result<std::vector<CaseSummary>> Session::listCases(const CaseFilter& filter) {
    auto stmt = m_impl->db.cached(std::string("SELECT ") + kSummaryColumns + " FROM cases c" +
                                  whereClause(filter) + " ORDER BY c.updated_ms DESC LIMIT ?4 OFFSET ?5");
    if (!stmt) {
        return stmt.error();
    }
    bindFilter(*stmt, filter);
    stmt->bind(4, static_cast<std::int64_t>(filter.limit)).bind(5, static_cast<std::int64_t>(filter.offset));
    return collect<CaseSummary>(*stmt, [](const sqlite::Statement& s) { return readSummary(s); });
}

Result<std::int64_t> Session::countCases(const CaseFilter& filter) {
    auto stmt = m_impl->db.cached("SELECT count(*) FROM cases c" + whereClause(filter));
    if (!stmt) {
        return stmt.error();
    }
    bindFilter(*stmt, filter);
    auto row = stmt->step();
    if (!row) {
        return row.error();
    }
    return stmt->int64(0);
}

Result<CaseDetails> Session::openCase(const CaseId& id, const std::string& purpose) {
    if (purpose.empty()) {
        return makeError("missing_purpose",
                         "Say why the case is opened; every look-up is logged with its purpose.");
    }
    auto details = m_impl->details(id);
    if (!details) {
        return details.error();
    }
    // Logged only once the data was actually shown.
    if (auto st = m_impl->auditRead(m_staff, "view", id.toHex(), purpose); !st) {
        return st.error();
    }
    {
        const RelaxedSync relaxed(m_impl->db); // like the look's audit entry
        markCitizenViewStale(id); // Min log shows this look once the view is sealed again and synced
    }
    return details;
}

Result<std::vector<CaseSummary>> Session::findByCpr(const std::string& cpr, const std::string& purpose) {
    if (purpose.empty()) {
        return makeError("missing_purpose", "Say why you search; every look-up is logged with its purpose.");
    }
    auto hash = m_impl->cprHash(cpr);
    if (!hash) {
        return hash.error();
    }
    static const std::string sql =
        std::string("SELECT ") + kSummaryColumns +
        " FROM blind_index b JOIN cases c ON c.case_id = b.case_id WHERE b.hash = ?1 "
        "ORDER BY c.updated_ms DESC";
    // The look-up and its audit entry in one transaction: one lock round instead of two, and no result
    // without its entry.
    const RelaxedSync relaxed(m_impl->db);
    auto tx = Transaction::begin(m_impl->db);
    if (!tx) {
        return tx.error();
    }
    auto stmt = m_impl->db.cached(sql);
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, crypto::ByteView(*hash));
    auto found = collect<CaseSummary>(*stmt, [](const sqlite::Statement& s) { return readSummary(s); });
    stmt->reset();
    if (!found) {
        return found;
    }
    if (auto st = m_impl->auditFound(m_staff, "find_cpr", *found, purpose); !st) {
        return st.error();
    }
    if (auto st = tx->commit(); !st) {
        return st.error();
    }
    return found;
}

Result<std::vector<HistoryEntry>> Session::history(const CaseId& id) {
    auto stmt =
        m_impl->db.cached("SELECT kind, staff, hlc, field_refs, meta, server_seq IS NOT NULL FROM operations "
                          "WHERE case_id = ?1 ORDER BY op_id");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, idView(id));
    return collect<HistoryEntry>(*stmt, [](const sqlite::Statement& s) {
        HistoryEntry e;
        e.kind = s.text(0);
        e.staff = s.text(1);
        e.atMs =
            static_cast<std::int64_t>(core::Hlc::decode(static_cast<std::uint64_t>(s.int64(2))).physicalMs());
        if (auto refs = detail::decodeFieldRefs(s.blob(3)); refs) {
            for (const auto& r : *refs) {
                e.fields.push_back(r.fieldId);
            }
        }
        const auto meta = core::parseCaseMeta(s.text(4));
        if (const auto it = meta.find("status"); it != meta.end()) {
            e.statusChange = it->second;
        }
        e.synced = s.int64(5) != 0;
        return e;
    });
}

Result<int> Session::indexArrivedCases() {
    auto& db = m_impl->db;
    auto tx = Transaction::begin(db);
    if (!tx) {
        return tx.error();
    }
    // 1. Cases that arrived from other devices: their record key is opened with the unit key and wrapped
    //    here, and the row is sealed, since the daemon could do neither (it holds no key).
    auto arrived = db.cached("SELECT case_id FROM cases WHERE wrapped_record_key IS NULL");
    if (!arrived) {
        return arrived.error();
    }
    auto fresh =
        collect<CaseId>(*arrived, [](const sqlite::Statement& s) { return *CaseId::fromBytes(s.blob(0)); });
    arrived->reset();
    if (!fresh) {
        return fresh.error();
    }
    std::set<CaseId> indexed;
    for (const auto& id : *fresh) {
        if (!m_impl->recordKey(id)) { // opens and wraps it locally
            continue;
        }
        // From now on verify checks the row.
        (void)m_impl->rowSeal.seal(db, idView(id));
        if (m_impl->reindexSearch(id)) {
            indexed.insert(id);
        }
    }
    // 2. Search entries follow every operation written elsewhere since the last time (a name corrected on
    //    the partner's tablet), or, once after migration 7, every case the store held before it.
    auto mark = db.cached("SELECT (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'search_indexed_op'), "
                          "EXISTS (SELECT 1 FROM meta WHERE key = 'search_backfill'), "
                          "(SELECT coalesce(max(op_id), 0) FROM operations)");
    if (!mark) {
        return mark.error();
    }
    auto row = mark->step();
    if (!row || !*row) {
        return row ? makeError("damaged_store", "The store lacks its search index state.") : row.error();
    }
    const std::int64_t since = mark->int64(0);
    const bool backfill = mark->int64(1) != 0;
    const std::int64_t upTo = mark->int64(2);
    mark->reset();
    auto touched = db.cached(backfill ? "SELECT case_id FROM cases"
                                      : "SELECT DISTINCT case_id FROM operations WHERE op_id > ?1 AND "
                                        "op_id <= ?2 AND device_id != ?3");
    if (!touched) {
        return touched.error();
    }
    if (!backfill) {
        touched->bind(1, since).bind(2, upTo).bind(3, m_impl->store.deviceId());
    }
    auto changed =
        collect<CaseId>(*touched, [](const sqlite::Statement& s) { return *CaseId::fromBytes(s.blob(0)); });
    touched->reset();
    if (!changed) {
        return changed.error();
    }
    for (const auto& id : *changed) {
        if (indexed.contains(id)) {
            continue;
        }
        // A case that does not open here (not this unit's, damaged) stays unsearchable; verify reports it.
        if (m_impl->reindexSearch(id)) {
            indexed.insert(id);
        }
    }
    auto save = db.cached("INSERT OR REPLACE INTO meta(key, value) VALUES ('search_indexed_op', ?1)");
    auto done = db.cached("DELETE FROM meta WHERE key = 'search_backfill'");
    if (!save || !done) {
        return makeError("damaged_store", "The store's schema is incomplete.");
    }
    if (auto st = save->bind(1, std::to_string(upTo)).run(); !st) {
        return st.error();
    }
    if (auto st = done->run(); !st) {
        return st.error();
    }
    if (auto st = tx->commit(); !st) {
        return st.error();
    }
    return static_cast<int>(indexed.size());
}

Result<std::vector<CaseSummary>> Session::findByName(const std::string& query, const std::string& purpose,
                                                     int limit) {
    if (purpose.empty()) {
        return makeError("missing_purpose", "Say why you search; every look-up is logged with its purpose.");
    }
    const auto parsed = core::parseSearch(query);
    if (parsed.kind != core::SearchKind::Name) {
        return makeError("search_too_short", "Type at least three letters of a name.");
    }
    const auto hashes = m_impl->names.hashes(parsed.nameKeys);
    // The first key drives (its rows are in key order); every further key is one probe of the primary key.
    std::string sql = std::string("SELECT ") + kSummaryColumns +
                      " FROM name_index n JOIN cases c ON c.case_id = n.case_id WHERE n.key = ?1";
    for (std::size_t i = 1; i < hashes.size(); ++i) {
        sql += " AND EXISTS (SELECT 1 FROM name_index m WHERE m.key = ?" + std::to_string(i + 2) +
               " AND m.case_id = c.case_id)";
    }
    sql += " ORDER BY c.updated_ms DESC LIMIT ?2";
    const RelaxedSync relaxed(m_impl->db);
    auto tx = Transaction::begin(m_impl->db);
    if (!tx) {
        return tx.error();
    }
    auto stmt = m_impl->db.cached(sql);
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, crypto::ByteView(hashes.front())).bind(2, static_cast<std::int64_t>(std::max(limit, 1)));
    for (std::size_t i = 1; i < hashes.size(); ++i) {
        stmt->bind(static_cast<int>(i + 2), crypto::ByteView(hashes[i]));
    }
    auto found = collect<CaseSummary>(*stmt, [](const sqlite::Statement& s) { return readSummary(s); });
    stmt->reset();
    if (!found) {
        return found;
    }
    if (auto st = m_impl->auditFound(m_staff, "find_name", *found, purpose); !st) {
        return st.error();
    }
    if (auto st = tx->commit(); !st) {
        return st.error();
    }
    return found;
}

} // namespace fieldkit::store
