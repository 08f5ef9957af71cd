#include "postgresql/pg_center_parts.hpp"

namespace fieldkit::hub::pg_center {
namespace {

/** Units and certificate serials in the PostgreSQL center. */
class PgUnitStore final : public UnitStore {
public:
    explicit PgUnitStore(Pool& pool)
        : m_pool(pool) {}

    Status addUnit(const UnitRecord& unit) override {
        return pg::inTransactionStatus(m_pool, [&](Connection& c) -> Status {
            auto rows =
                c.query("INSERT INTO units(name, public_key, sealed_secret) VALUES ($1, $2, $3)",
                        {pg::text(unit.name), pg::bytes(unit.publicKey), pg::bytes(unit.sealedSecret)});
            if (!rows && rows.error().code == "constraint") {
                return makeError("unit_exists", "A unit named " + unit.name + " already exists.");
            }
            return rows ? Status() : Status(rows.error());
        });
    }

    Result<UnitRecord> unit(const std::string& name) override {
        return pg::inTransaction<UnitRecord>(m_pool, [&](Connection& c) -> Result<UnitRecord> {
            auto rows =
                c.query("SELECT public_key, sealed_secret FROM units WHERE name = $1", {pg::text(name)});
            if (!rows) {
                return rows.error();
            }
            if (rows->empty()) {
                return makeError("unknown_unit", "There is no unit named " + name + ".");
            }
            return UnitRecord{name, rows->blob(0, 0), rows->blob(0, 1)};
        });
    }

    Result<std::vector<std::string>> units() override {
        using Names = std::vector<std::string>;
        return pg::inTransaction<Names>(m_pool, [&](Connection& c) -> Result<Names> {
            auto rows = c.query("SELECT name FROM units ORDER BY name");
            if (!rows) {
                return rows.error();
            }
            Names names;
            for (int i = 0; i < rows->size(); ++i) {
                names.push_back(rows->text(i, 0));
            }
            return names;
        });
    }

    Result<std::uint64_t> nextCertificateSerial() override {
        return pg::inTransaction<std::uint64_t>(m_pool, [&](Connection& c) -> Result<std::uint64_t> {
            // The row lock serialises hubs issuing certificates at once; each gets its own serial.
            auto rows = c.query(
                "UPDATE counters SET value = value + 1 WHERE name = 'certificate_serial' RETURNING value");
            if (!rows) {
                return rows.error();
            }
            if (rows->empty()) {
                return makeError("damaged_center_store", "The center store lacks its certificate counter.");
            }
            return static_cast<std::uint64_t>(rows->int64(0, 0));
        });
    }

private:
    Pool& m_pool;
};

} // namespace

std::unique_ptr<UnitStore> makeUnitStore(Pool& pool) {
    return std::make_unique<PgUnitStore>(pool);
}

} // namespace fieldkit::hub::pg_center
