#include "sqlite/sqlite_center_parts.hpp"

namespace fieldkit::hub::sqlite_center {
namespace {

/** Devices and enrolment codes in the SQLite center. */
class SqliteDeviceRegistry final : public DeviceRegistry {
public:
    explicit SqliteDeviceRegistry(Database& db)
        : m_db(db) {}

    Status registerDevice(const std::string& deviceId, const std::string& unitName) override {
        if (auto u = requireUnit(unitName); !u) {
            return u;
        }
        auto stmt = m_db.cached("INSERT INTO devices(device_id, unit) VALUES (?1, ?2)");
        if (!stmt) {
            return stmt.error();
        }
        auto st = stmt->bind(1, deviceId).bind(2, unitName).run();
        if (!st && st.error().code == "constraint") {
            return makeError("device_exists", "The device " + deviceId + " is already enrolled.");
        }
        return st;
    }

    Result<DeviceRecord> device(const std::string& deviceId) override {
        auto stmt = m_db.cached(
            "SELECT d.unit, d.revoked, d.last_seen_ms, d.last_applied_device_seq, w.device_id IS NOT NULL "
            "AND "
            "w.confirmed_ms = 0 FROM devices d LEFT JOIN wipe_orders w ON w.device_id = d.device_id WHERE "
            "d.device_id = ?1");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, deviceId);
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return makeError("unknown_device", "The center does not know device " + deviceId + ".");
        }
        return DeviceRecord{deviceId,
                            stmt->text(0),
                            stmt->int64(1) != 0,
                            stmt->int64(2),
                            static_cast<std::uint64_t>(stmt->int64(3)),
                            stmt->int64(4) != 0};
    }

    Status revokeDevice(const std::string& deviceId) override {
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

    Result<std::vector<FleetDevice>> fleet() override {
        auto stmt = m_db.cached(
            "SELECT d.device_id, d.unit, d.revoked, d.last_seen_ms, d.last_applied_device_seq, "
            "coalesce(w.issued_ms, 0), coalesce(w.delivered_ms, 0), coalesce(w.confirmed_ms, 0), "
            "coalesce(b.missing, 0) FROM devices d LEFT JOIN wipe_orders w ON w.device_id = d.device_id "
            "LEFT JOIN (SELECT device_id, sum(chunk_count - chunks_held) AS missing FROM attachments "
            "WHERE chunks_held < chunk_count GROUP BY device_id) b ON b.device_id = d.device_id "
            "ORDER BY d.unit, d.device_id");
        if (!stmt) {
            return stmt.error();
        }
        std::vector<FleetDevice> out;
        for (;;) {
            auto row = stmt->step();
            if (!row) {
                return row.error();
            }
            if (!*row) {
                return out;
            }
            out.push_back(FleetDevice{stmt->text(0), stmt->text(1), stmt->int64(2) != 0, stmt->int64(3),
                                      static_cast<std::uint64_t>(stmt->int64(4)), stmt->int64(5),
                                      stmt->int64(6), stmt->int64(7), stmt->int64(8)});
        }
    }

    Status recordContact(const std::string& deviceId, std::int64_t nowMs) override {
        auto stmt = m_db.cached("UPDATE devices SET last_seen_ms = ?2 WHERE device_id = ?1");
        if (!stmt) {
            return stmt.error();
        }
        return stmt->bind(1, deviceId).bind(2, nowMs).run();
    }

    Status addEnrolmentCode(const EnrolmentCodeRecord& code) override {
        if (auto u = requireUnit(code.unit); !u) {
            return u;
        }
        auto stmt = m_db.cached("INSERT INTO enrolment_codes(lookup, mac_key, unit, created_ms, expires_ms, "
                                "unit_key_wrapped) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        if (!stmt) {
            return stmt.error();
        }
        return stmt->bind(1, code.lookup)
            .bind(2, code.macKey)
            .bind(3, code.unit)
            .bind(4, code.createdMs)
            .bind(5, code.expiresMs)
            .bind(6, code.unitKeyWrapped)
            .run();
    }

    Status forgetExpiredCodeKeys(std::int64_t nowMs) override {
        auto stmt = m_db.cached("UPDATE enrolment_codes SET unit_key_wrapped = NULL "
                                "WHERE expires_ms <= ?1 AND unit_key_wrapped IS NOT NULL");
        if (!stmt) {
            return stmt.error();
        }
        return stmt->bind(1, nowMs).run();
    }

    Result<EnrolmentCodeRecord> enrolmentCode(const Bytes& lookup) override {
        auto stmt =
            m_db.cached("SELECT mac_key, unit, created_ms, expires_ms, used_ms, coalesce(device_id, ''), "
                        "coalesce(unit_key_wrapped, x'') FROM enrolment_codes WHERE lookup = ?1");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, lookup);
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return makeError("unknown_code", "The enrolment code is not valid for this center.");
        }
        return EnrolmentCodeRecord{lookup,         stmt->blob(0),  stmt->text(1), stmt->int64(2),
                                   stmt->int64(3), stmt->int64(4), stmt->text(5), stmt->blob(6)};
    }

    Status redeemEnrolmentCode(const Bytes& lookup, const std::string& deviceId,
                               std::int64_t nowMs) override {
        auto tx = Transaction::begin(m_db);
        if (!tx) {
            return tx.error();
        }
        auto code = enrolmentCode(lookup);
        if (!code) {
            return code.error();
        }
        if (code->usedMs != 0) {
            return makeError("code_used", "The enrolment code has already been used; ask for a new one.");
        }
        if (nowMs >= code->expiresMs) {
            return makeError("code_expired", "The enrolment code has expired; ask for a new one.");
        }
        auto mark = m_db.cached("UPDATE enrolment_codes SET used_ms = ?2, device_id = ?3, "
                                "unit_key_wrapped = NULL WHERE lookup = ?1");
        if (!mark) {
            return mark.error();
        }
        if (auto st = mark->bind(1, lookup).bind(2, nowMs).bind(3, deviceId).run(); !st) {
            return st;
        }
        if (auto st = registerDevice(deviceId, code->unit); !st) {
            return st; // the transaction rolls back: the code stays unused
        }
        return tx->commit();
    }

private:
    /** The same check and error as UnitStore::unit, without reading the unit's keys. */
    Status requireUnit(const std::string& name) {
        auto stmt = m_db.cached("SELECT 1 FROM units WHERE name = ?1");
        if (!stmt) {
            return stmt.error();
        }
        auto row = stmt->bind(1, name).step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return makeError("unknown_unit", "There is no unit named " + name + ".");
        }
        return {};
    }

    Database& m_db;
};

} // namespace

std::unique_ptr<DeviceRegistry> makeDeviceRegistry(Database& db) {
    return std::make_unique<SqliteDeviceRegistry>(db);
}

} // namespace fieldkit::hub::sqlite_center
