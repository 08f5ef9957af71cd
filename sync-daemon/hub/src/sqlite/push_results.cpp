#include "sqlite/sqlite_center_parts.hpp"

namespace fieldkit::hub::sqlite_center {

Result<std::optional<protocol::PushAck>> PushResults::answeredBefore(const DeviceRecord& device,
                                                                     const protocol::Operation& op) {
    if (op.device_id() != device.deviceId) {
        return std::optional<protocol::PushAck>(
            rejectedAck(op.device_seq(), core::Refusal::OtherDevice, "the operation names another device"));
    }
    auto previous = storedAck(device.deviceId, op.device_seq());
    if (previous && previous->has_value() && (*previous)->result() == protocol::PushAck::APPLIED) {
        (*previous)->set_result(protocol::PushAck::DUPLICATE);
    }
    return previous;
}

Result<std::optional<protocol::PushAck>> PushResults::storedAck(const std::string& deviceId,
                                                                std::uint64_t deviceSeq) {
    auto stmt = m_db.cached("SELECT ack FROM push_results WHERE device_id = ?1 AND device_seq = ?2");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, deviceId).bind(2, static_cast<std::int64_t>(deviceSeq));
    auto row = stmt->step();
    if (!row) {
        return row.error();
    }
    if (!*row) {
        return std::optional<protocol::PushAck>();
    }
    const Bytes blob = stmt->blob(0);
    protocol::PushAck ack;
    if (!ack.ParseFromArray(blob.data(), static_cast<int>(blob.size()))) {
        return makeError("corrupt", "A stored acknowledgement does not parse.");
    }
    return std::optional<protocol::PushAck>(std::move(ack));
}

Status PushResults::saveAck(const std::string& deviceId, const protocol::PushAck& ack) {
    auto stmt =
        m_db.cached("INSERT INTO push_results(device_id, device_seq, result, ack) VALUES (?1, ?2, ?3, ?4)");
    if (!stmt) {
        return stmt.error();
    }
    return stmt->bind(1, deviceId)
        .bind(2, static_cast<std::int64_t>(ack.device_seq()))
        .bind(3, static_cast<std::int64_t>(ack.result()))
        .bind(4, toBytes(ack.SerializeAsString()))
        .run();
}

/** The server_seq of the device's own earlier operation, so a chain of local edits is not a conflict. */

} // namespace fieldkit::hub::sqlite_center
