#include "case_row_seal.hpp"

#include <algorithm>
#include <fieldkit/core/case_meta.hpp>
#include <set>

namespace fieldkit::store::detail {
namespace {

struct ClearRow {
    std::string service;
    std::string kle;
    std::string status;
    std::string unit;
    std::string channel;
    std::int64_t createdMs = 0;
    std::string createdBy;
};

void appendInt(sqlite::Bytes& out, std::uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) {
        out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
    }
}

void appendField(sqlite::Bytes& out, std::string_view text) {
    appendInt(out, text.size(), 4);
    out.insert(out.end(), text.begin(), text.end());
}

/** Length-prefixed, so no two rows encode alike; a version byte first, for a later change of columns. */
sqlite::Bytes encode(crypto::ByteView caseId, const ClearRow& row, const std::string& status) {
    sqlite::Bytes out{1};
    appendInt(out, caseId.size(), 4);
    out.insert(out.end(), caseId.begin(), caseId.end());
    for (const std::string* text : {&row.service, &row.kle, &status, &row.unit, &row.channel}) {
        appendField(out, *text);
    }
    appendInt(out, static_cast<std::uint64_t>(row.createdMs), 8);
    appendField(out, row.createdBy);
    return out;
}

Result<std::optional<std::pair<ClearRow, std::optional<sqlite::Bytes>>>> readRow(sqlite::Database& db,
                                                                                 crypto::ByteView caseId) {
    auto stmt = db.cached("SELECT service, kle, status, unit, channel, created_ms, created_by, meta_mac "
                          "FROM cases WHERE case_id = ?1");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, caseId);
    auto found = stmt->step();
    if (!found) {
        return found.error();
    }
    if (!*found) {
        return std::optional<std::pair<ClearRow, std::optional<sqlite::Bytes>>>();
    }
    ClearRow row{stmt->text(0), stmt->text(1),  stmt->text(2), stmt->text(3),
                 stmt->text(4), stmt->int64(5), stmt->text(6)};
    std::optional<sqlite::Bytes> mac;
    if (!stmt->isNull(7)) {
        mac = stmt->blob(7);
    }
    stmt->reset();
    return std::optional(std::pair{std::move(row), std::move(mac)});
}

} // namespace

Status CaseRowSeal::seal(sqlite::Database& db, crypto::ByteView caseId) const {
    auto row = readRow(db, caseId);
    if (!row) {
        return row.error();
    }
    if (!*row) {
        return {};
    }
    const auto mac = m_mac.mac(encode(caseId, (*row)->first, (*row)->first.status));
    auto update = db.cached("UPDATE cases SET meta_mac = ?2 WHERE case_id = ?1");
    if (!update) {
        return update.error();
    }
    return update->bind(1, caseId).bind(2, crypto::ByteView(mac)).run();
}

Result<std::optional<std::string>> CaseRowSeal::check(sqlite::Database& db, crypto::ByteView caseId) const {
    auto read = readRow(db, caseId);
    if (!read) {
        return read.error();
    }
    if (!*read) {
        return std::optional<std::string>();
    }
    const ClearRow& row = (*read)->first;
    const std::optional<sqlite::Bytes>& mac = (*read)->second;
    // The statuses this case's operations ever set, and the one they decide now (the daemon's settleStatus).
    auto ops =
        db.cached("SELECT meta FROM operations WHERE case_id = ?1 AND meta LIKE '%status=%' AND "
                  "rejected IS NULL ORDER BY server_seq IS NULL DESC, server_seq DESC, device_seq DESC");
    if (!ops) {
        return ops.error();
    }
    ops->bind(1, caseId);
    std::set<std::string> statuses;
    std::optional<std::string> decided;
    while (true) {
        auto step = ops->step();
        if (!step) {
            return step.error();
        }
        if (!*step) {
            break;
        }
        const auto meta = core::parseCaseMeta(ops->text(0));
        if (const auto it = meta.find("status"); it != meta.end()) {
            statuses.insert(it->second);
            if (!decided) {
                decided = it->second;
            }
        }
    }
    if (mac && m_mac.matches(encode(caseId, row, row.status), *mac)) {
        return std::optional<std::string>(); // as the app sealed it
    }
    // Otherwise only the daemon may have changed it: the status alone, to the one the operations decide.
    bool explained = !decided || *decided == row.status;
    if (explained && mac) {
        explained = std::any_of(statuses.begin(), statuses.end(), [&](const std::string& earlier) {
            return m_mac.matches(encode(caseId, row, earlier), *mac);
        });
    }
    if (explained) {
        return std::optional<std::string>();
    }
    return std::optional<std::string>(
        "its clear metadata (service, status, unit, channel, creation) was changed outside fieldkit");
}

} // namespace fieldkit::store::detail
