#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <fieldkit/crypto/audit_mac.hpp>
#include <fieldkit/hub/center_audit.hpp>
#include <functional>
#include <string>

namespace fieldkit::center {

/** Writes the center's audit log as a MAC chain (each entry's MAC covers the previous MAC and the entry), the
 *  way the device's store chains its own; the store only keeps the rows. */
class CenterAuditLog {
public:
    CenterAuditLog(hub::CenterAudit& store, crypto::AuditMac mac, std::function<std::int64_t()> nowMs);

    /** Appends one entry; retries when another console process took the same place first. */
    [[nodiscard]] Status record(const std::string& user, const std::string& action,
                                const std::string& caseHex, const std::string& purpose);
    /** True when every entry's MAC matches the chain from the first one. */
    [[nodiscard]] Result<bool> verify();

    /** The bytes one entry's MAC covers (after the previous MAC): every field, length-prefixed. */
    [[nodiscard]] static std::string entryBytes(const hub::CenterAuditEntry& entry);

private:
    hub::CenterAudit& m_store;
    crypto::AuditMac m_mac;
    std::function<std::int64_t()> m_nowMs;
};

} // namespace fieldkit::center
