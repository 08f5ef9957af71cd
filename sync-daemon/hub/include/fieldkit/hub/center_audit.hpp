#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <optional>
#include <string>
#include <vector>

namespace fieldkit::hub {

/** One entry of the center's audit log: who did what with which case, when and why. `mac` chains it to the
 *  entry before (crypto::AuditMac::forCenter), computed by the console, which holds the key. No personal
 *  data: the case is named by its random id. */
struct CenterAuditEntry {
    std::int64_t seq = 0; // 1, 2, 3 ... without gaps
    std::int64_t atMs = 0;
    std::string user;
    std::string action; // view_case, reveal_cpr, login, login_failed, lockout, ...
    std::string caseId; // hex, empty for account events
    std::string purpose;
    std::vector<std::uint8_t> mac;
};

/** The center's audit log. Appends are ordered by seq; a second writer racing for the same seq gets code
 *  audit_race and recomputes its MAC over the new last entry. */
class CenterAudit {
public:
    virtual ~CenterAudit() = default;

    [[nodiscard]] virtual Result<std::optional<CenterAuditEntry>> lastEntry() = 0;
    [[nodiscard]] virtual Status append(const CenterAuditEntry& entry) = 0;
    /** The entries about one case, oldest first. */
    [[nodiscard]] virtual Result<std::vector<CenterAuditEntry>> caseEntries(const std::string& caseId) = 0;
    /** Every entry from `fromSeq` on, oldest first (to check the chain). */
    [[nodiscard]] virtual Result<std::vector<CenterAuditEntry>> entries(std::int64_t fromSeq) = 0;
};

} // namespace fieldkit::hub
