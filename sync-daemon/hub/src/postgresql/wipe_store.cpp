#include "postgresql/pg_center_parts.hpp"

namespace fieldkit::hub::pg_center {
namespace {

/** Wipe orders and quarantined operations in the PostgreSQL center. */
class PgWipeStore final : public WipeStore {
public:
    explicit PgWipeStore(Pool& pool)
        : m_pool(pool) {}

    Status addWipeOrder(const WipeOrderRecord& order) override {
        return pg::inTransactionStatus(m_pool, [&](Connection& c) -> Status {
            auto revoked =
                c.query("UPDATE devices SET revoked = true WHERE device_id = $1", {pg::text(order.deviceId)});
            if (!revoked) {
                return revoked.error();
            }
            if (revoked->affected() == 0) {
                return makeError("unknown_device", "The center does not know device " + order.deviceId + ".");
            }
            auto rows =
                c.query("INSERT INTO wipe_orders(device_id, order_id, issued_ms, signature) VALUES ($1, $2, "
                        "$3, $4)",
                        {pg::text(order.deviceId), pg::text(order.orderId), pg::integer(order.issuedMs),
                         pg::bytes(order.signature)});
            if (!rows) {
                return rows.error().code == "constraint"
                           ? makeError("wipe_ordered",
                                       "The device " + order.deviceId + " already has a wipe order.")
                           : rows.error();
            }
            return {};
        });
    }

    Result<std::optional<WipeOrderRecord>> wipeOrder(const std::string& deviceId) override {
        auto orders = readWipeOrders(deviceId);
        if (!orders) {
            return orders.error();
        }
        if (orders->empty()) {
            return std::optional<WipeOrderRecord>();
        }
        return std::optional<WipeOrderRecord>(std::move(orders->front()));
    }

    Result<std::vector<WipeOrderRecord>> wipeOrders() override { return readWipeOrders(std::nullopt); }

    Status markWipeDelivered(const std::string& deviceId, std::int64_t nowMs) override {
        return pg::inTransactionStatus(m_pool, [&](Connection& c) -> Status {
            auto rows =
                c.query("UPDATE wipe_orders SET delivered_ms = $2 WHERE device_id = $1 AND delivered_ms = 0",
                        {pg::text(deviceId), pg::integer(nowMs)});
            return rows ? Status() : Status(rows.error());
        });
    }

    Status confirmWipe(const std::string& deviceId, const std::string& orderId, std::int64_t nowMs) override {
        return pg::inTransactionStatus(m_pool, [&](Connection& c) -> Status {
            auto rows =
                c.query("UPDATE wipe_orders SET confirmed_ms = $3 WHERE device_id = $1 AND order_id = $2 "
                        "AND confirmed_ms = 0",
                        {pg::text(deviceId), pg::text(orderId), pg::integer(nowMs)});
            if (!rows) {
                return rows.error();
            }
            if (rows->affected() == 0) {
                return makeError("unknown_order", "The device has no pending wipe order with that id.");
            }
            return {};
        });
    }

    Result<std::vector<protocol::PushAck>> quarantineBatch(const DeviceRecord& device,
                                                           const std::vector<protocol::Operation>& ops,
                                                           std::int64_t nowMs) override {
        using Acks = std::vector<protocol::PushAck>;
        return pg::inTransaction<Acks>(m_pool, [&](Connection& c) -> Result<Acks> {
            // The same lock as applyBatch: a repeat over another hub's connection gets the first answer.
            if (auto st = lockUnit(c, device.unit); !st) {
                return st.error();
            }
            Acks acks;
            for (const auto& op : ops) {
                auto earlier = PushResults::answeredBefore(c, device, op);
                if (!earlier) {
                    return earlier.error();
                }
                if (earlier->has_value()) {
                    acks.push_back(std::move(**earlier));
                    continue;
                }
                auto kept = c.query(
                    "INSERT INTO quarantined_operations(device_id, device_seq, case_id, received_ms, "
                    "message) VALUES ($1, $2, $3, $4, $5)",
                    {pg::text(device.deviceId), pg::integer(static_cast<std::int64_t>(op.device_seq())),
                     pg::bytes(op.case_id()), pg::integer(nowMs), pg::bytes(op.SerializeAsString())});
                if (!kept) {
                    return kept.error();
                }
                auto ack = quarantinedAck(op.device_seq());
                if (auto st = PushResults::saveAck(c, device.deviceId, ack); !st) {
                    return st.error();
                }
                acks.push_back(std::move(ack));
            }
            return acks;
        });
    }

    Result<std::vector<QuarantinedOperation>> quarantinedOperations() override {
        using Kept = std::vector<QuarantinedOperation>;
        return pg::inTransaction<Kept>(m_pool, [&](Connection& c) -> Result<Kept> {
            auto rows =
                c.query("SELECT received_ms, message FROM quarantined_operations ORDER BY received_ms, "
                        "device_id, device_seq");
            if (!rows) {
                return rows.error();
            }
            Kept out;
            for (int i = 0; i < rows->size(); ++i) {
                QuarantinedOperation q;
                q.receivedMs = rows->int64(i, 0);
                const auto message = rows->raw(i, 1);
                if (!q.op.ParseFromArray(message.data(), static_cast<int>(message.size()))) {
                    return makeError("corrupt", "A quarantined operation does not parse.");
                }
                out.push_back(std::move(q));
            }
            return out;
        });
    }

private:
    /** One device's order, or every order when `deviceId` is empty. */
    Result<std::vector<WipeOrderRecord>> readWipeOrders(const std::optional<std::string>& deviceId) {
        using Orders = std::vector<WipeOrderRecord>;
        return pg::inTransaction<Orders>(m_pool, [&](Connection& c) -> Result<Orders> {
            auto rows =
                c.query("SELECT device_id, order_id, issued_ms, signature, delivered_ms, confirmed_ms FROM "
                        "wipe_orders WHERE $1::text IS NULL OR device_id = $1 ORDER BY issued_ms, device_id",
                        {deviceId ? pg::text(*deviceId) : pg::null()});
            if (!rows) {
                return rows.error();
            }
            Orders out;
            for (int i = 0; i < rows->size(); ++i) {
                out.push_back(WipeOrderRecord{rows->text(i, 0), rows->text(i, 1), rows->int64(i, 2),
                                              rows->blob(i, 3), rows->int64(i, 4), rows->int64(i, 5)});
            }
            return out;
        });
    }

    Pool& m_pool;
};

} // namespace

std::unique_ptr<WipeStore> makeWipeStore(Pool& pool) {
    return std::make_unique<PgWipeStore>(pool);
}

} // namespace fieldkit::hub::pg_center
