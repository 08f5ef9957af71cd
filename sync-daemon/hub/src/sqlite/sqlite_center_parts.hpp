#pragma once
// What the SQLite center's concern files share: the connection type, small conversions, the answers given to
// pushes (used by both the operation and the wipe concern) and the factories that build each concern.

#include "push_ack_values.hpp"

#include <cstdint>
#include <fieldkit/hub/center_store.hpp>
#include <fieldkit/sqlite/database.hpp>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace fieldkit::hub::sqlite_center {

using sqlite::Bytes;
using sqlite::Database;
using sqlite::Transaction;

/** Runs a statement without rows through the connection's statement cache (hot paths). */
inline Status execCached(Database& db, std::string_view sql) {
    auto stmt = db.cached(sql);
    if (!stmt) {
        return stmt.error();
    }
    return stmt->run();
}

template <typename T>
Result<T> prepared(Database& db, std::string_view sql, auto&& body) {
    auto stmt = db.cached(sql);
    if (!stmt) {
        return stmt.error();
    }
    return body(*stmt);
}

inline Bytes toBytes(const std::string& s) {
    return Bytes(s.begin(), s.end());
}

/** Protobuf `bytes` bound as a BLOB (binding the std::string itself would store TEXT, which never equals a
 *  BLOB in SQLite). */
inline std::span<const std::uint8_t> blobOf(const std::string& s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

/** The answer given to each pushed operation (table push_results), so a repeat gets the original one. */
class PushResults {
public:
    explicit PushResults(Database& db)
        : m_db(db) {}

    /** The answer an operation gets without being looked at again, or none when it is new. Another device's
     *  operation in this session (a restored or copied store) is refused without touching this device's acks
     *  or its last applied sequence, so its own saves are not lost; one answered before gets its original
     *  answer (exactly-once effect). */
    [[nodiscard]] Result<std::optional<protocol::PushAck>> answeredBefore(const DeviceRecord& device,
                                                                          const protocol::Operation& op);
    [[nodiscard]] Result<std::optional<protocol::PushAck>> storedAck(const std::string& deviceId,
                                                                     std::uint64_t deviceSeq);
    [[nodiscard]] Status saveAck(const std::string& deviceId, const protocol::PushAck& ack);

private:
    Database& m_db;
};

[[nodiscard]] std::unique_ptr<UnitStore> makeUnitStore(Database& db);
[[nodiscard]] std::unique_ptr<DeviceRegistry> makeDeviceRegistry(Database& db);
[[nodiscard]] std::unique_ptr<OperationStore> makeOperationStore(Database& db);
[[nodiscard]] std::unique_ptr<WipeStore> makeWipeStore(Database& db);
[[nodiscard]] std::unique_ptr<AttachmentStore> makeAttachmentStore(Database& db);
[[nodiscard]] std::unique_ptr<CenterReports> makeCenterReports(Database& db);
[[nodiscard]] std::unique_ptr<CenterAccounts> makeCenterAccounts(Database& db);
[[nodiscard]] std::unique_ptr<CenterAudit> makeCenterAudit(Database& db);
[[nodiscard]] std::unique_ptr<CitizenViews> makeCitizenViews(Database& db);

} // namespace fieldkit::hub::sqlite_center
