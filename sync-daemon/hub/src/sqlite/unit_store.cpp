#include "sqlite/sqlite_center_parts.hpp"

namespace fieldkit::hub::sqlite_center {
namespace {

/** Units and certificate serials in the SQLite center. */
class SqliteUnitStore final : public UnitStore {
public:
    explicit SqliteUnitStore(Database& db)
        : m_db(db) {}

    Status addUnit(const UnitRecord& unit) override {
        auto stmt = m_db.cached("INSERT INTO units(name, public_key, sealed_secret) VALUES (?1, ?2, ?3)");
        if (!stmt) {
            return stmt.error();
        }
        auto st = stmt->bind(1, unit.name).bind(2, unit.publicKey).bind(3, unit.sealedSecret).run();
        if (!st && st.error().code == "constraint") {
            return makeError("unit_exists", "A unit named " + unit.name + " already exists.");
        }
        return st;
    }

    Result<UnitRecord> unit(const std::string& name) override {
        return prepared<UnitRecord>(m_db, "SELECT public_key, sealed_secret FROM units WHERE name = ?1",
                                    [&](sqlite::Statement& s) -> Result<UnitRecord> {
                                        s.bind(1, name);
                                        auto row = s.step();
                                        if (!row) {
                                            return row.error();
                                        }
                                        if (!*row) {
                                            return makeError("unknown_unit",
                                                             "There is no unit named " + name + ".");
                                        }
                                        return UnitRecord{name, s.blob(0), s.blob(1)};
                                    });
    }

    Result<std::vector<std::string>> units() override {
        return prepared<std::vector<std::string>>(
            m_db, "SELECT name FROM units ORDER BY name",
            [](sqlite::Statement& s) -> Result<std::vector<std::string>> {
                std::vector<std::string> names;
                while (true) {
                    auto row = s.step();
                    if (!row) {
                        return row.error();
                    }
                    if (!*row) {
                        return names;
                    }
                    names.push_back(s.text(0));
                }
            });
    }

    Result<std::uint64_t> nextCertificateSerial() override {
        auto tx = Transaction::begin(m_db);
        if (!tx) {
            return tx.error();
        }
        if (auto st = m_db.exec("UPDATE counters SET value = value + 1 WHERE name = 'certificate_serial'");
            !st) {
            return st.error();
        }
        auto serial = m_db.queryInt("SELECT value FROM counters WHERE name = 'certificate_serial'");
        if (!serial) {
            return serial.error();
        }
        if (auto st = tx->commit(); !st) {
            return st.error();
        }
        return static_cast<std::uint64_t>(*serial);
    }

    Database& m_db;
};

} // namespace

std::unique_ptr<UnitStore> makeUnitStore(Database& db) {
    return std::make_unique<SqliteUnitStore>(db);
}

} // namespace fieldkit::hub::sqlite_center
