#include "sqlite/sqlite_center_parts.hpp"

#include <optional>

namespace fieldkit::hub::sqlite_center {
namespace {

/** Wipe orders and quarantined operations in the SQLite center. */
class SqliteWipeStore final : public WipeStore {
public:
    explicit SqliteWipeStore(Database& db)
        : m_db(db)
        , m_acks(db) {}

    Status addWipeOrder(const WipeOrderRecord& order) override {
        auto tx = Transaction::begin(m_db);
        if (!tx) {
            return tx.error();
        }
        if (auto st = revoke(order.deviceId); !st) {
            return st;
        }
        auto stmt = m_db.cached("INSERT INTO wipe_orders(device_id, order_id, issued_ms, signature) VALUES "
                                "(?1, ?2, ?3, ?4)");
        if (!stmt) {
            return stmt.error();
        }
        auto st = stmt->bind(1, order.deviceId)
                      .bind(2, order.orderId)
                      .bind(3, order.issuedMs)
                      .bind(4, order.signature)
                      .run();
        if (!st) {
            return st.error().code == "constraint"
                       ? makeError("wipe_ordered",
                                   "The device " + order.deviceId + " already has a wipe order.")
                       : st.error();
        }
        return tx->commit();
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
        auto stmt = m_db.cached("UPDATE wipe_orders SET delivered_ms = ?2 WHERE device_id = ?1 AND "
                                "delivered_ms = 0");
        if (!stmt) {
            return stmt.error();
        }
        return stmt->bind(1, deviceId).bind(2, nowMs).run();
    }

    Status confirmWipe(const std::string& deviceId, const std::string& orderId, std::int64_t nowMs) override {
        auto stmt =
            m_db.cached("UPDATE wipe_orders SET confirmed_ms = ?3 WHERE device_id = ?1 AND order_id = "
                        "?2 AND confirmed_ms = 0");
        if (!stmt) {
            return stmt.error();
        }
        if (auto st = stmt->bind(1, deviceId).bind(2, orderId).bind(3, nowMs).run(); !st) {
            return st;
        }
        if (m_db.changes() == 0) {
            return makeError("unknown_order", "The device has no pending wipe order with that id.");
        }
        return {};
    }

    Result<std::vector<protocol::PushAck>> quarantineBatch(const DeviceRecord& device,
                                                           const std::vector<protocol::Operation>& ops,
                                                           std::int64_t nowMs) override {
        auto tx = Transaction::begin(m_db);
        if (!tx) {
            return tx.error();
        }
        auto keep = m_db.cached("INSERT INTO quarantined_operations(device_id, device_seq, case_id, "
                                "received_ms, message) VALUES (?1, ?2, ?3, ?4, ?5)");
        if (!keep) {
            return keep.error();
        }
        std::vector<protocol::PushAck> acks;
        for (const auto& op : ops) {
            auto earlier = m_acks.answeredBefore(device, op);
            if (!earlier) {
                return earlier.error();
            }
            if (earlier->has_value()) {
                acks.push_back(std::move(**earlier));
                continue;
            }
            if (auto st = keep->bind(1, device.deviceId)
                              .bind(2, static_cast<std::int64_t>(op.device_seq()))
                              .bind(3, toBytes(op.case_id()))
                              .bind(4, nowMs)
                              .bind(5, toBytes(op.SerializeAsString()))
                              .run();
                !st) {
                return st.error();
            }
            const protocol::PushAck ack = quarantinedAck(op.device_seq());
            if (auto st = m_acks.saveAck(device.deviceId, ack); !st) {
                return st.error();
            }
            acks.push_back(std::move(ack));
        }
        if (auto st = tx->commit(); !st) {
            return st.error();
        }
        return acks;
    }

    Result<std::vector<QuarantinedOperation>> quarantinedOperations() override {
        auto stmt = m_db.cached("SELECT received_ms, message FROM quarantined_operations ORDER BY "
                                "received_ms, device_id, device_seq");
        if (!stmt) {
            return stmt.error();
        }
        std::vector<QuarantinedOperation> out;
        while (true) {
            auto row = stmt->step();
            if (!row) {
                return row.error();
            }
            if (!*row) {
                return out;
            }
            QuarantinedOperation q;
            q.receivedMs = stmt->int64(0);
            const Bytes message = stmt->blob(1);
            if (!q.op.ParseFromArray(message.data(), static_cast<int>(message.size()))) {
                return makeError("corrupt", "A quarantined operation does not parse.");
            }
            out.push_back(std::move(q));
        }
    }

private:
    Result<std::vector<WipeOrderRecord>> readWipeOrders(const std::optional<std::string>& deviceId) {
        auto stmt =
            m_db.cached("SELECT device_id, order_id, issued_ms, signature, delivered_ms, confirmed_ms "
                        "FROM wipe_orders WHERE ?1 IS NULL OR device_id = ?1 ORDER BY issued_ms, "
                        "device_id");
        if (!stmt) {
            return stmt.error();
        }
        if (deviceId) {
            stmt->bind(1, *deviceId);
        } else {
            stmt->bindNull(1);
        }
        std::vector<WipeOrderRecord> out;
        while (true) {
            auto row = stmt->step();
            if (!row) {
                return row.error();
            }
            if (!*row) {
                return out;
            }
            out.push_back(WipeOrderRecord{stmt->text(0), stmt->text(1), stmt->int64(2), stmt->blob(3),
                                          stmt->int64(4), stmt->int64(5)});
        }
    }

    /** The answer an operation gets without being looked at again, or none when it is new. Another device's
     *  operation in this session (a restored or copied store) is refused without touching this device's acks
     *  or its last applied sequence, so its own saves are not lost; one answered before gets its original
     *  answer (exactly-once effect). */

    /** Revokes the device inside the caller's transaction; unknown_device when there is none. */
    Status revoke(const std::string& deviceId) {
        auto stmt = m_db.cached("UPDATE devices SET revoked = 1 WHERE device_id = ?1");
        if (!stmt) {
            return stmt.error();
        }
        if (auto st = stmt->bind(1, deviceId).run(); !st) {
            return st;
        }
        if (m_db.changes() == 0) {
            return makeError("unknown_device", "The center does not know device " + deviceId + ".");
        }
        return {};
    }

    Database& m_db;
    PushResults m_acks;
};

} // namespace

std::unique_ptr<WipeStore> makeWipeStore(Database& db) {
    return std::make_unique<SqliteWipeStore>(db);
}

} // namespace fieldkit::hub::sqlite_center
