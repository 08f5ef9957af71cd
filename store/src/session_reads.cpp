// Session reads: the case list, decrypting a case, CPR look-up, history, indexing arrived cases. Every read
// of personal data is audited.
#include "session_impl.hpp"

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
    const std::string cases = found->empty() ? std::string() : found->front().id.toHex();
    if (auto st = m_impl->audit.append(m_impl->db, m_impl->now(), m_staff, "find_cpr", cases, purpose); !st) {
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
    auto stmt = m_impl->db.cached("SELECT case_id FROM cases WHERE wrapped_record_key IS NULL");
    if (!stmt) {
        return stmt.error();
    }
    auto ids =
        collect<CaseId>(*stmt, [](const sqlite::Statement& s) { return *CaseId::fromBytes(s.blob(0)); });
    if (!ids) {
        return ids.error();
    }
    int indexed = 0;
    for (const auto& id : *ids) {
        auto key = m_impl->recordKey(id); // also wraps it locally
        if (!key) {
            continue;
        }
        auto ops = m_impl->openOperations(id, *key);
        if (!ops) {
            continue;
        }
        for (const auto& op : *ops) {
            for (const auto& v : op.values) {
                if (v.field_id != core::fields::kCpr.value) {
                    continue;
                }
                if (auto hash = m_impl->cprHash(v.value); hash) {
                    auto index =
                        m_impl->db.cached("INSERT OR IGNORE INTO blind_index(hash, case_id) VALUES (?1, ?2)");
                    if (index) {
                        (void)index->bind(1, crypto::ByteView(*hash)).bind(2, idView(id)).run();
                    }
                }
            }
        }
        // The row arrived through the daemon, which cannot seal it: from now on verify checks it.
        (void)m_impl->rowSeal.seal(m_impl->db, idView(id));
        ++indexed;
    }
    return indexed;
}

} // namespace fieldkit::store
