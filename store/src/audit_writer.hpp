#pragma once

#include <fieldkit/core/result.hpp>
#include <fieldkit/crypto/audit_mac.hpp>
#include <fieldkit/sqlite/database.hpp>
#include <string>

namespace fieldkit::store::detail {

/** Appends MAC-chained entries to the audit log inside the caller's transaction. */
class AuditWriter {
public:
    explicit AuditWriter(const crypto::DataKey& dek)
        : m_mac(dek) {}

    [[nodiscard]] Status append(sqlite::Database& db, std::int64_t atMs, const std::string& staff,
                                const std::string& action, const std::string& caseHex,
                                const std::string& purpose) const;

    /** Recomputes the chain; returns the seq of the first entry that does not verify, or 0 when all do. */
    [[nodiscard]] Result<std::int64_t> firstBrokenEntry(sqlite::Database& db) const;

private:
    [[nodiscard]] static sqlite::Bytes entryBytes(std::int64_t seq, std::int64_t atMs,
                                                  const std::string& staff, const std::string& action,
                                                  const std::string& caseHex, const std::string& purpose);
    crypto::AuditMac m_mac;
};

} // namespace fieldkit::store::detail
