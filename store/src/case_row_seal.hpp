#pragma once

#include <fieldkit/core/result.hpp>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/crypto/row_mac.hpp>
#include <fieldkit/sqlite/database.hpp>
#include <optional>
#include <string>

namespace fieldkit::store::detail {

/** The MAC over each case row's clear metadata (case id, service, KLE, status, unit, channel, created time
 * and creator), kept in cases.meta_mac (store migration 6) and checked by verify.
 *
 *  The daemon has no data key, yet it changes a case's status when a status change arrives from another
 *  device, and it inserts cases that arrive (meta_mac NULL until the app seals them). So a row whose MAC
 *  fails passes only when the MAC matches the row with an earlier status of its own operations and the status
 *  now is the one the operations decide (the rule of the daemon's settleStatus); a row without a MAC passes
 *  on that status rule alone. */
class CaseRowSeal {
public:
    explicit CaseRowSeal(const crypto::DataKey& dek)
        : m_mac(dek) {}

    /** Writes the MAC of the row as it is now, inside the caller's transaction. */
    [[nodiscard]] Status seal(sqlite::Database& db, crypto::ByteView caseId) const;

    /** Nothing when the row's clear metadata is as fieldkit left it, otherwise one sentence saying what is
     *  wrong (no personal data: only column names). */
    [[nodiscard]] Result<std::optional<std::string>> check(sqlite::Database& db,
                                                           crypto::ByteView caseId) const;

private:
    crypto::RowMac m_mac;
};

} // namespace fieldkit::store::detail
