#include <fieldkit/center/center_audit_log.hpp>
#include <fieldkit/crypto/password_hash.hpp>

namespace fieldkit::center {
namespace {

void appendField(std::string& out, const std::string& value) {
    const auto n = static_cast<std::uint32_t>(value.size());
    for (int i = 3; i >= 0; --i) {
        out += static_cast<char>((n >> (8 * i)) & 0xff);
    }
    out += value;
}

} // namespace

CenterAuditLog::CenterAuditLog(hub::CenterAudit& store, crypto::AuditMac mac,
                               std::function<std::int64_t()> nowMs)
    : m_store(store)
    , m_mac(std::move(mac))
    , m_nowMs(std::move(nowMs)) {}

std::string CenterAuditLog::entryBytes(const hub::CenterAuditEntry& e) {
    std::string out = "fkcaudit1";
    appendField(out, std::to_string(e.seq));
    appendField(out, std::to_string(e.atMs));
    appendField(out, e.user);
    appendField(out, e.action);
    appendField(out, e.caseId);
    appendField(out, e.purpose);
    return out;
}

Status CenterAuditLog::record(const std::string& user, const std::string& action, const std::string& caseHex,
                              const std::string& purpose) {
    for (int attempt = 0; attempt < 5; ++attempt) {
        auto last = m_store.lastEntry();
        if (!last) {
            return last.error();
        }
        hub::CenterAuditEntry entry{
            *last ? (*last)->seq + 1 : 1, m_nowMs(), user, action, caseHex, purpose, {}};
        const std::vector<std::uint8_t> previous = *last ? (*last)->mac : std::vector<std::uint8_t>{};
        const auto bytes = entryBytes(entry);
        const auto mac = m_mac.chain(previous, crypto::asBytes(bytes));
        entry.mac.assign(mac.begin(), mac.end());
        auto st = m_store.append(entry);
        if (st || st.error().code != "audit_race") {
            return st;
        }
    }
    return makeError("audit_busy", "The audit log is too busy; the view was not shown.");
}

Result<bool> CenterAuditLog::verify() {
    auto all = m_store.entries(1);
    if (!all) {
        return all.error();
    }
    std::vector<std::uint8_t> previous;
    std::int64_t expectedSeq = 1;
    for (const auto& e : *all) {
        const auto mac = m_mac.chain(previous, crypto::asBytes(entryBytes(e)));
        if (e.seq != expectedSeq++ || !crypto::constantTimeEqual(mac, e.mac)) {
            return false;
        }
        previous = e.mac;
    }
    return true;
}

} // namespace fieldkit::center
