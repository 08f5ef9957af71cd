#include <array>
#include <fieldkit/hub/center_store.hpp>
#include <fieldkit/sqlite/database.hpp>
#include <string_view>

namespace fieldkit::hub {
namespace {

using sqlite::Database;
using sqlite::Transaction;

// Each entry migrates user_version N to N+1 in its own transaction.
constexpr std::array<std::string_view, 1> kMigrations = {
    R"sql(
    CREATE TABLE units (
        name TEXT PRIMARY KEY
    ) STRICT;
    CREATE TABLE devices (
        device_id TEXT PRIMARY KEY,
        unit TEXT NOT NULL REFERENCES units(name),
        revoked INTEGER NOT NULL DEFAULT 0,
        last_seen_ms INTEGER NOT NULL DEFAULT 0,
        last_applied_device_seq INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE TABLE counters (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL
    ) STRICT;
    INSERT INTO counters VALUES ('certificate_serial', 1), ('server_seq', 0);
    )sql",
};

/** SQLite implementation of the center store. */
class SqliteCenterStore final : public CenterStore {
public:
    explicit SqliteCenterStore(Database db)
        : m_db(std::move(db)) {}

    Status migrate() {
        auto version = m_db.queryInt("PRAGMA user_version");
        if (!version) {
            return version.error();
        }
        if (*version > static_cast<std::int64_t>(kMigrations.size())) {
            return makeError("newer_schema", "The center store was written by a newer fieldkit-hub.");
        }
        for (auto v = static_cast<std::size_t>(*version); v < kMigrations.size(); ++v) {
            auto tx = Transaction::begin(m_db);
            if (!tx) {
                return tx.error();
            }
            if (auto st = m_db.exec(kMigrations[v]); !st) {
                return st;
            }
            if (auto st = m_db.exec("PRAGMA user_version = " + std::to_string(v + 1)); !st) {
                return st;
            }
            if (auto st = tx->commit(); !st) {
                return st;
            }
        }
        return {};
    }

    Status addUnit(const std::string& name) override {
        auto stmt = m_db.prepare("INSERT INTO units(name) VALUES (?1)");
        if (!stmt) {
            return stmt.error();
        }
        auto st = stmt->bind(1, name).run();
        if (!st && st.error().code == "constraint") {
            return makeError("unit_exists", "A unit named " + name + " already exists.");
        }
        return st;
    }

    Result<std::vector<std::string>> units() override {
        auto stmt = m_db.prepare("SELECT name FROM units ORDER BY name");
        if (!stmt) {
            return stmt.error();
        }
        std::vector<std::string> names;
        while (true) {
            auto row = stmt->step();
            if (!row) {
                return row.error();
            }
            if (!*row) {
                return names;
            }
            names.push_back(stmt->text(0));
        }
    }

    Status registerDevice(const std::string& deviceId, const std::string& unit) override {
        auto stmt = m_db.prepare("INSERT INTO devices(device_id, unit) VALUES (?1, ?2)");
        if (!stmt) {
            return stmt.error();
        }
        auto st = stmt->bind(1, deviceId).bind(2, unit).run();
        if (!st && st.error().code == "constraint") {
            return makeError("unknown_unit_or_device_exists",
                             "The unit " + unit + " does not exist, or the device is already registered.");
        }
        return st;
    }

    Result<DeviceRecord> device(const std::string& deviceId) override {
        auto stmt = m_db.prepare(
            "SELECT unit, revoked, last_seen_ms, last_applied_device_seq FROM devices WHERE device_id = ?1");
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
        return DeviceRecord{deviceId, stmt->text(0), stmt->int64(1) != 0, stmt->int64(2),
                            static_cast<std::uint64_t>(stmt->int64(3))};
    }

    Status revokeDevice(const std::string& deviceId) override {
        auto stmt = m_db.prepare("UPDATE devices SET revoked = 1 WHERE device_id = ?1");
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

    Status recordContact(const std::string& deviceId, std::int64_t nowMs) override {
        auto stmt = m_db.prepare("UPDATE devices SET last_seen_ms = ?2 WHERE device_id = ?1");
        if (!stmt) {
            return stmt.error();
        }
        return stmt->bind(1, deviceId).bind(2, nowMs).run();
    }

    Result<std::uint64_t> serverHead(const std::string& /*unit*/) override {
        auto head = m_db.queryInt("SELECT value FROM counters WHERE name = 'server_seq'");
        if (!head) {
            return head.error();
        }
        return static_cast<std::uint64_t>(*head);
    }

    Result<std::uint64_t> nextCertificateSerial() override {
        auto tx = Transaction::begin(m_db);
        if (!tx) {
            return tx.error();
        }
        auto serial = m_db.queryInt("SELECT value FROM counters WHERE name = 'certificate_serial'");
        if (!serial) {
            return serial.error();
        }
        if (auto st = m_db.exec("UPDATE counters SET value = value + 1 WHERE name = 'certificate_serial'");
            !st) {
            return st.error();
        }
        if (auto st = tx->commit(); !st) {
            return st.error();
        }
        return static_cast<std::uint64_t>(*serial) + 1;
    }

private:
    Database m_db;
};

} // namespace

Result<std::unique_ptr<CenterStore>> openSqliteCenterStore(const std::filesystem::path& file, bool create) {
    auto db = Database::open(file, create ? sqlite::OpenMode::CreateIfMissing : sqlite::OpenMode::MustExist);
    if (!db) {
        return db.error();
    }
    for (const char* pragma :
         {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
        if (auto st = db->exec(pragma); !st) {
            return st.error();
        }
    }
    auto store = std::make_unique<SqliteCenterStore>(std::move(*db));
    if (auto st = store->migrate(); !st) {
        return st.error();
    }
    return std::unique_ptr<CenterStore>(std::move(store));
}

} // namespace fieldkit::hub
