#include "audit_writer.hpp"

namespace fieldkit::store::detail {

sqlite::Bytes AuditWriter::entryBytes(std::int64_t seq, std::int64_t atMs, const std::string& staff,
                                      const std::string& action, const std::string& caseHex,
                                      const std::string& purpose) {
    // Length-prefixed so no two different entries encode alike.
    sqlite::Bytes out;
    const auto put = [&out](const std::string& s) {
        const auto n = static_cast<std::uint32_t>(s.size());
        for (int i = 0; i < 4; ++i) {
            out.push_back(static_cast<std::uint8_t>(n >> (8 * i)));
        }
        out.insert(out.end(), s.begin(), s.end());
    };
    put(std::to_string(seq));
    put(std::to_string(atMs));
    put(staff);
    put(action);
    put(caseHex);
    put(purpose);
    return out;
}

Status AuditWriter::append(sqlite::Database& db, std::int64_t atMs, const std::string& staff,
                           const std::string& action, const std::string& caseHex,
                           const std::string& purpose) const {
    auto last = db.cached("SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1");
    if (!last) {
        return last.error();
    }
    auto row = last->step();
    if (!row) {
        return row.error();
    }
    const std::int64_t seq = *row ? last->int64(0) + 1 : 1;
    const sqlite::Bytes previous = *row ? last->blob(1) : sqlite::Bytes{};
    const auto mac = m_mac.chain(previous, entryBytes(seq, atMs, staff, action, caseHex, purpose));
    auto insert = db.cached("INSERT INTO audit_log(seq, at_ms, staff, action, case_id, purpose, mac) VALUES "
                            "(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!insert) {
        return insert.error();
    }
    return insert->bind(1, seq)
        .bind(2, atMs)
        .bind(3, staff)
        .bind(4, action)
        .bind(5, caseHex)
        .bind(6, purpose)
        .bind(7, std::span<const std::uint8_t>(mac))
        .run();
}

Result<std::int64_t> AuditWriter::firstBrokenEntry(sqlite::Database& db) const {
    auto stmt =
        db.cached("SELECT seq, at_ms, staff, action, case_id, purpose, mac FROM audit_log ORDER BY seq");
    if (!stmt) {
        return stmt.error();
    }
    sqlite::Bytes previous;
    std::int64_t expectedSeq = 1;
    while (true) {
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return std::int64_t{0};
        }
        const std::int64_t seq = stmt->int64(0);
        const auto mac = m_mac.chain(previous, entryBytes(seq, stmt->int64(1), stmt->text(2), stmt->text(3),
                                                          stmt->text(4), stmt->text(5)));
        const sqlite::Bytes stored = stmt->blob(6);
        if (seq != expectedSeq || stored != sqlite::Bytes(mac.begin(), mac.end())) {
            return seq;
        }
        previous = stored;
        ++expectedSeq;
    }
}

} // namespace fieldkit::store::detail
