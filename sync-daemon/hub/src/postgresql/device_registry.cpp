#include "postgresql/pg_center_parts.hpp"

namespace fieldkit::hub::pg_center {
namespace {

Error unknownDevice(const std::string& deviceId) {
    return makeError("unknown_device", "The center does not know device " + deviceId + ".");
}

/** Devices and enrolment codes in the PostgreSQL center. */
class PgDeviceRegistry final : public DeviceRegistry {
public:
    explicit PgDeviceRegistry(Pool& pool)
        : m_pool(pool) {}

    Status registerDevice(const std::string& deviceId, const std::string& unitName) override {
        return pg::inTransactionStatus(m_pool,
                                       [&](Connection& c) { return insertDevice(c, deviceId, unitName); });
    }

    Result<DeviceRecord> device(const std::string& deviceId) override {
        return pg::inTransaction<DeviceRecord>(m_pool, [&](Connection& c) -> Result<DeviceRecord> {
            auto rows = c.query("SELECT d.unit, d.revoked, d.last_seen_ms, d.last_applied_device_seq, "
                                "w.device_id IS NOT NULL AND w.confirmed_ms = 0 FROM devices d LEFT JOIN "
                                "wipe_orders w ON w.device_id = d.device_id WHERE d.device_id = $1",
                                {pg::text(deviceId)});
            if (!rows) {
                return rows.error();
            }
            if (rows->empty()) {
                return unknownDevice(deviceId);
            }
            return DeviceRecord{deviceId,
                                rows->text(0, 0),
                                rows->int64(0, 1) != 0,
                                rows->int64(0, 2),
                                static_cast<std::uint64_t>(rows->int64(0, 3)),
                                rows->int64(0, 4) != 0};
        });
    }

    Status revokeDevice(const std::string& deviceId) override {
        return pg::inTransactionStatus(m_pool, [&](Connection& c) -> Status {
            auto rows =
                c.query("UPDATE devices SET revoked = true WHERE device_id = $1", {pg::text(deviceId)});
            if (!rows) {
                return rows.error();
            }
            return rows->affected() == 0 ? Status(unknownDevice(deviceId)) : Status();
        });
    }

    Status recordContact(const std::string& deviceId, std::int64_t nowMs) override {
        return pg::inTransactionStatus(m_pool, [&](Connection& c) -> Status {
            // GREATEST: two hubs recording contacts at once keep the later time.
            auto rows =
                c.query("UPDATE devices SET last_seen_ms = GREATEST(last_seen_ms, $2) WHERE device_id = $1",
                        {pg::text(deviceId), pg::integer(nowMs)});
            return rows ? Status() : Status(rows.error());
        });
    }

    Result<std::vector<FleetDevice>> fleet() override {
        return pg::inTransaction<std::vector<FleetDevice>>(
            m_pool, [&](Connection& c) -> Result<std::vector<FleetDevice>> {
                auto rows = c.query(
                    "SELECT d.device_id, d.unit, d.revoked::int, d.last_seen_ms, d.last_applied_device_seq, "
                    "coalesce(w.issued_ms, 0), coalesce(w.delivered_ms, 0), coalesce(w.confirmed_ms, 0), "
                    "coalesce(b.missing, 0)::bigint FROM devices d LEFT JOIN wipe_orders w ON w.device_id = "
                    "d.device_id "
                    "LEFT JOIN (SELECT device_id, sum(chunk_count - chunks_held) AS missing FROM attachments "
                    "WHERE chunks_held < chunk_count GROUP BY device_id) b ON b.device_id = d.device_id "
                    "ORDER BY d.unit, d.device_id",
                    {});
                if (!rows) {
                    return rows.error();
                }
                std::vector<FleetDevice> out;
                for (int i = 0; i < rows->size(); ++i) {
                    out.push_back(FleetDevice{
                        rows->text(i, 0), rows->text(i, 1), rows->int64(i, 2) != 0, rows->int64(i, 3),
                        static_cast<std::uint64_t>(rows->int64(i, 4)), rows->int64(i, 5), rows->int64(i, 6),
                        rows->int64(i, 7), rows->int64(i, 8)});
                }
                return out;
            });
    }

    Status addEnrolmentCode(const EnrolmentCodeRecord& code) override {
        return pg::inTransactionStatus(m_pool, [&](Connection& c) -> Status {
            if (auto st = requireUnit(c, code.unit); !st) {
                return st;
            }
            auto rows = c.query("INSERT INTO enrolment_codes(lookup, mac_key, unit, created_ms, expires_ms, "
                                "unit_key_wrapped) VALUES ($1, $2, $3, $4, $5, $6)",
                                {pg::bytes(code.lookup), pg::bytes(code.macKey), pg::text(code.unit),
                                 pg::integer(code.createdMs), pg::integer(code.expiresMs),
                                 pg::bytes(code.unitKeyWrapped)});
            return rows ? Status() : Status(rows.error());
        });
    }

    Status forgetExpiredCodeKeys(std::int64_t nowMs) override {
        return pg::inTransactionStatus(m_pool, [&](Connection& c) -> Status {
            auto rows = c.query("UPDATE enrolment_codes SET unit_key_wrapped = NULL "
                                "WHERE expires_ms <= $1 AND unit_key_wrapped IS NOT NULL",
                                {pg::integer(nowMs)});
            return rows ? Status() : Status(rows.error());
        });
    }

    Result<EnrolmentCodeRecord> enrolmentCode(const Bytes& lookup) override {
        return pg::inTransaction<EnrolmentCodeRecord>(
            m_pool, [&](Connection& c) { return readCode(c, lookup, /*forUpdate*/ false); });
    }

    Status redeemEnrolmentCode(const Bytes& lookup, const std::string& deviceId,
                               std::int64_t nowMs) override {
        return pg::inTransactionStatus(m_pool, [&](Connection& c) -> Status {
            // FOR UPDATE: a second hub redeeming the same code waits here and then sees it used.
            auto code = readCode(c, lookup, /*forUpdate*/ true);
            if (!code) {
                return code.error();
            }
            if (code->usedMs != 0) {
                return makeError("code_used", "The enrolment code has already been used; ask for a new one.");
            }
            if (nowMs >= code->expiresMs) {
                return makeError("code_expired", "The enrolment code has expired; ask for a new one.");
            }
            auto mark = c.query("UPDATE enrolment_codes SET used_ms = $2, device_id = $3, "
                                "unit_key_wrapped = NULL WHERE lookup = $1",
                                {pg::bytes(lookup), pg::integer(nowMs), pg::text(deviceId)});
            if (!mark) {
                return mark.error();
            }
            return insertDevice(c, deviceId, code->unit); // an error rolls back: the code stays unused
        });
    }

private:
    static Status requireUnit(Connection& c, const std::string& name) {
        auto rows = c.query("SELECT 1 FROM units WHERE name = $1", {pg::text(name)});
        if (!rows) {
            return rows.error();
        }
        if (rows->empty()) {
            return makeError("unknown_unit", "There is no unit named " + name + ".");
        }
        return {};
    }

    static Status insertDevice(Connection& c, const std::string& deviceId, const std::string& unitName) {
        if (auto st = requireUnit(c, unitName); !st) {
            return st;
        }
        auto rows = c.query("INSERT INTO devices(device_id, unit) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                            {pg::text(deviceId), pg::text(unitName)});
        if (!rows) {
            return rows.error();
        }
        if (rows->affected() == 0) {
            return makeError("device_exists", "The device " + deviceId + " is already enrolled.");
        }
        return {};
    }

    static Result<EnrolmentCodeRecord> readCode(Connection& c, const Bytes& lookup, bool forUpdate) {
        auto rows = c.query(forUpdate ? "SELECT mac_key, unit, created_ms, expires_ms, used_ms, "
                                        "coalesce(device_id, ''), coalesce(unit_key_wrapped, ''::bytea) "
                                        "FROM enrolment_codes WHERE lookup = $1 FOR UPDATE"
                                      : "SELECT mac_key, unit, created_ms, expires_ms, used_ms, "
                                        "coalesce(device_id, ''), coalesce(unit_key_wrapped, ''::bytea) "
                                        "FROM enrolment_codes WHERE lookup = $1",
                            {pg::bytes(lookup)});
        if (!rows) {
            return rows.error();
        }
        if (rows->empty()) {
            return makeError("unknown_code", "The enrolment code is not valid for this center.");
        }
        return EnrolmentCodeRecord{lookup,
                                   rows->blob(0, 0),
                                   rows->text(0, 1),
                                   rows->int64(0, 2),
                                   rows->int64(0, 3),
                                   rows->int64(0, 4),
                                   rows->text(0, 5),
                                   rows->blob(0, 6)};
    }

    Pool& m_pool;
};

} // namespace

std::unique_ptr<DeviceRegistry> makeDeviceRegistry(Pool& pool) {
    return std::make_unique<PgDeviceRegistry>(pool);
}

} // namespace fieldkit::hub::pg_center
