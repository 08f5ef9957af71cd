#include "postgresql/pg_center_parts.hpp"

namespace fieldkit::hub::pg_center {

Status lockUnit(Connection& c, const std::string& unit) {
    // Key space 1 of the two-int form keeps these apart from the migration lock.
    auto locked = c.query("SELECT pg_advisory_xact_lock(1, hashtext($1))", {pg::text(unit)});
    if (!locked) {
        return locked.error();
    }
    return {};
}

Result<std::optional<protocol::PushAck>>
PushResults::answeredBefore(Connection& c, const DeviceRecord& device, const protocol::Operation& op) {
    if (op.device_id() != device.deviceId) {
        return std::optional<protocol::PushAck>(
            rejectedAck(op.device_seq(), core::Refusal::OtherDevice, "the operation names another device"));
    }
    auto previous = storedAck(c, device.deviceId, op.device_seq());
    if (previous && previous->has_value() && (*previous)->result() == protocol::PushAck::APPLIED) {
        (*previous)->set_result(protocol::PushAck::DUPLICATE);
    }
    return previous;
}

Result<std::optional<protocol::PushAck>> PushResults::storedAck(Connection& c, const std::string& deviceId,
                                                                std::uint64_t deviceSeq) {
    auto rows = c.query("SELECT ack FROM push_results WHERE device_id = $1 AND device_seq = $2",
                        {pg::text(deviceId), pg::integer(static_cast<std::int64_t>(deviceSeq))});
    if (!rows) {
        return rows.error();
    }
    if (rows->empty()) {
        return std::optional<protocol::PushAck>();
    }
    const auto blob = rows->raw(0, 0);
    protocol::PushAck ack;
    if (!ack.ParseFromArray(blob.data(), static_cast<int>(blob.size()))) {
        return makeError("corrupt", "A stored acknowledgement does not parse.");
    }
    return std::optional<protocol::PushAck>(std::move(ack));
}

Status PushResults::saveAck(Connection& c, const std::string& deviceId, const protocol::PushAck& ack) {
    auto rows =
        c.query("INSERT INTO push_results(device_id, device_seq, result, ack) VALUES ($1, $2, $3, $4)",
                {pg::text(deviceId), pg::integer(static_cast<std::int64_t>(ack.device_seq())),
                 pg::integer(static_cast<std::int64_t>(ack.result())), pg::bytes(ack.SerializeAsString())});
    if (!rows) {
        return rows.error();
    }
    return {};
}

} // namespace fieldkit::hub::pg_center
