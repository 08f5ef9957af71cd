#pragma once
// What the PostgreSQL center's concern files share: the pool, small conversions, the answers given to pushes
// (used by the operation and the wipe concern), the per-unit lock, and the factories that build each concern.

#include "postgresql/pg_connection.hpp"
#include "push_ack_values.hpp"

#include <cstdint>
#include <fieldkit/hub/center_store.hpp>
#include <memory>
#include <optional>
#include <string>

namespace fieldkit::hub::pg_center {

using pg::Bytes;
using pg::Connection;
using pg::Pool;

inline Bytes toBytes(const std::string& s) {
    return Bytes(s.begin(), s.end());
}

inline std::string toText(const Bytes& b) {
    return std::string(b.begin(), b.end());
}

/** Takes the transaction-scoped lock of one unit. Every write that decides from what a unit already holds
 *  (exactly-once apply and its acks, the device's last applied sequence, field heads and conflicts, the
 *  unit's running checksum, the order of server_seq within the unit) runs under it, so two hub processes
 *  that receive pushes for the same unit, or for the same device over two connections, apply them one after
 *  the other as the single SQLite writer would. pg_advisory_xact_lock waits rather than fails, holds until
 *  COMMIT/ROLLBACK (a killed hub releases it with its session), and costs no row writes; units are few, and
 *  pushes of different units still run in parallel. server_seq is taken from a sequence after the lock, so
 *  within a unit the order of sequences is the order of commits and a reader never sees a later change of a
 *  unit without the earlier ones (a gap would make a device's cursor skip it). */
[[nodiscard]] Status lockUnit(Connection& c, const std::string& unit);

/** The answer given to each pushed operation (table push_results), so a repeat gets the original one. */
class PushResults {
public:
    /** As the SQLite store: a foreign device's operation is refused, a repeat gets its original answer. */
    [[nodiscard]] static Result<std::optional<protocol::PushAck>>
    answeredBefore(Connection& c, const DeviceRecord& device, const protocol::Operation& op);
    [[nodiscard]] static Result<std::optional<protocol::PushAck>>
    storedAck(Connection& c, const std::string& deviceId, std::uint64_t deviceSeq);
    [[nodiscard]] static Status saveAck(Connection& c, const std::string& deviceId,
                                        const protocol::PushAck& ack);
};

/** The channel a hub LISTENs on; the payload is the unit whose changes were committed. */
inline constexpr const char* kChangesChannel = "fieldkit_changes";

[[nodiscard]] std::unique_ptr<UnitStore> makeUnitStore(Pool& pool);
[[nodiscard]] std::unique_ptr<DeviceRegistry> makeDeviceRegistry(Pool& pool);
[[nodiscard]] std::unique_ptr<OperationStore> makeOperationStore(Pool& pool);
[[nodiscard]] std::unique_ptr<WipeStore> makeWipeStore(Pool& pool);
[[nodiscard]] std::unique_ptr<AttachmentStore> makeAttachmentStore(Pool& pool);
[[nodiscard]] std::unique_ptr<CenterReports> makeCenterReports(Pool& pool);
[[nodiscard]] std::unique_ptr<CenterAccounts> makeCenterAccounts(Pool& pool);
[[nodiscard]] std::unique_ptr<CenterAudit> makeCenterAudit(Pool& pool);
[[nodiscard]] std::unique_ptr<CitizenViews> makeCitizenViews(Pool& pool);

} // namespace fieldkit::hub::pg_center
