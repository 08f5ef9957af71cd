#pragma once
// A real center store, with unit bike-07 and its devices dev-a and dev-b, on either backend: SQLite in a
// temporary folder, or PostgreSQL in a database of its own in the run's throw-away cluster. Each store test
// is a TEST_CASE_TEMPLATE over the two backend tags, so one suite checks both implementations.
#include <doctest/doctest.h>
#include <fieldkit/hub/center_store.hpp>
#include <fieldkit/protocol/codec.hpp>
#include <filesystem>
#include <memory>
#include <optional>
#include <pg_test_cluster.hpp>
#include <random>
#include <string>

namespace fieldkit::hub::testing {

struct SqliteBackend {};
struct PostgresBackend {};

/** Which database a store test runs on. */
enum class Backend { Sqlite, Postgres };

inline Backend backendOf(SqliteBackend) {
    return Backend::Sqlite;
}
inline Backend backendOf(PostgresBackend) {
    return Backend::Postgres;
}

/** Opens a store of `backend` and keeps what it needs (folder or database) until destroyed. */
class BackendStore {
public:
    explicit BackendStore(Backend backend)
        : m_backend(backend) {
        std::filesystem::create_directories(m_dir);
        if (backend == Backend::Postgres) {
            m_database.emplace();
        }
    }
    ~BackendStore() {
        std::error_code ec;
        std::filesystem::remove_all(m_dir, ec);
    }
    BackendStore(const BackendStore&) = delete;
    BackendStore& operator=(const BackendStore&) = delete;

    /** Another connection (SQLite) or pool (PostgreSQL) on the same center, as a second process has. */
    [[nodiscard]] Result<std::unique_ptr<CenterStore>> open() const {
        if (m_backend == Backend::Sqlite) {
            return openSqliteCenterStore(m_dir / "center.db", true);
        }
        return openPostgresCenterStore(PostgresStoreOptions{m_database->conninfo(), {}, 4});
    }
    [[nodiscard]] Backend backend() const { return m_backend; }
    [[nodiscard]] const std::filesystem::path& dir() const { return m_dir; }
    [[nodiscard]] std::string conninfo() const { return m_database ? m_database->conninfo() : std::string(); }
    [[nodiscard]] std::string databaseName() const { return m_database ? m_database->name() : std::string(); }

private:
    Backend m_backend;
    std::filesystem::path m_dir =
        std::filesystem::temp_directory_path() / ("fieldkit-hub-" + std::to_string(std::random_device{}()));
    std::optional<fieldkit::testing::PgTestDatabase> m_database;
};

struct TempStore {
    BackendStore backing;
    std::unique_ptr<CenterStore> store;

    explicit TempStore(Backend backend = Backend::Sqlite)
        : backing(backend) {
        auto opened = backing.open();
        REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? std::string() : opened.error().message));
        store = std::move(*opened);
        REQUIRE(store->units().addUnit({"bike-07", std::vector<std::uint8_t>(32, 1), {2}}).ok());
        REQUIRE(store->devices().registerDevice("dev-a", "bike-07").ok());
        REQUIRE(store->devices().registerDevice("dev-b", "bike-07").ok());
    }
    template <typename Tag>
    explicit TempStore(Tag tag)
        : TempStore(backendOf(tag)) {}
    ~TempStore() { store.reset(); }
    TempStore(const TempStore&) = delete;
    TempStore& operator=(const TempStore&) = delete;

    [[nodiscard]] DeviceRecord device(const std::string& id) const { return *store->devices().device(id); }
};

/** An operation setting the name (a register field) of case `caseByte` x16, over `base`, with the record keys
 * a new case needs. */
inline protocol::Operation op(const std::string& device, std::uint64_t seq, char caseByte, std::uint64_t base,
                              const std::string& meta = "") {
    protocol::Operation o;
    o.set_case_id(std::string(16, caseByte));
    o.set_device_id(device);
    o.set_device_seq(seq);
    o.set_kind("set");
    auto* f = o.add_fields();
    f->set_field_id(2); // name, a register
    f->set_base_seq(base);
    o.set_meta(meta);
    o.set_ciphertext("sealed");
    o.set_sealed_key_center("kc");
    o.set_sealed_key_unit("ku");
    return o;
}

} // namespace fieldkit::hub::testing

TYPE_TO_STRING(fieldkit::hub::testing::SqliteBackend);
TYPE_TO_STRING(fieldkit::hub::testing::PostgresBackend);
