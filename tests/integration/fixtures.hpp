#pragma once

#include "process.hpp"

#include <chrono>
#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <pg_test_cluster.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace fieldkit::testing {

/** Paths of the programs under test, from the build. */
inline const std::string kHub = FIELDKIT_HUB_BIN;
inline const std::string kSyncd = FIELDKIT_SYNCD_BIN;
inline const std::string kCtl = FIELDKIT_CTL_BIN;

/** Which database holds a test's center. */
enum class CenterBackend { Sqlite, Postgres };

/** Tags for TEST_CASE_TEMPLATE, so one test body runs on both backends. */
struct SqliteCenter {
    static constexpr CenterBackend kBackend = CenterBackend::Sqlite;
};
struct PostgresCenter {
    static constexpr CenterBackend kBackend = CenterBackend::Postgres;
};

/** A center with one unit, initialised in its own temporary folder; with CenterBackend::Postgres its store is
 *  a database of its own in the run's throw-away PostgreSQL cluster (`init --store`). */
struct CenterFixture {
    TempDir dir;
    std::string unit = "bike-07";
    std::optional<PgTestDatabase> database;

    explicit CenterFixture(CenterBackend backend = CenterBackend::Sqlite)
        : CenterFixture(backend, [](const PgTestDatabase& db) {
            return std::vector<std::string>{"--store", db.conninfo()};
        }) {}

    /** A center on a PostgreSQL database of its own (with CenterBackend::Postgres), reached with the `init`
     *  options `storeArgs` gives for it (e.g. a TLS connection string and a password file). */
    CenterFixture(CenterBackend backend,
                  const std::function<std::vector<std::string>(const PgTestDatabase&)>& storeArgs) {
        std::vector<std::string> argv = {kHub, "init", "--dir", center()};
        if (backend == CenterBackend::Postgres) {
            database.emplace();
            const auto extra = storeArgs(*database);
            argv.insert(argv.end(), extra.begin(), extra.end());
        }
        auto init = runProcess(argv);
        REQUIRE_MESSAGE(init.exitCode == 0, init.err);
        auto add = runProcess({kHub, "unit", "add", "--dir", center(), unit});
        REQUIRE_MESSAGE(add.exitCode == 0, add.err);
    }

    [[nodiscard]] std::string center() const { return (dir / "center").string(); }

    /** Creates a device store (staff "anna", PIN 2468) in `deviceData` and enrols it with this center:
     *  a client certificate and the center and unit keys. Returns the device id. */
    std::string provision(const std::string& deviceData) const {
        auto init = runProcess(
            {kCtl, "--data", deviceData, "init", "--staff", "anna", "--unit", unit, "--kdf-ms", "1"},
            std::chrono::seconds(60), {"FIELDKIT_PIN=2468"});
        REQUIRE_MESSAGE(init.exitCode == 0, init.err);
        auto info = runProcess({kCtl, "--data", deviceData, "device-info"});
        REQUIRE_MESSAGE(info.exitCode == 0, info.err);
        const auto field = [&](const std::string& name) {
            const auto start = info.out.find("\"" + name + "\":\"") + name.size() + 4;
            return info.out.substr(start, info.out.find('"', start) - start);
        };
        auto r =
            runProcess({kHub, "provision-device", "--dir", center(), "--unit", unit, "--data", deviceData,
                        "--device-id", field("device_id"), "--device-box-key", field("box_public_key")});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        return r.out.substr(0, r.out.find('\n'));
    }
};

/** A running `fieldkit-hub serve` on a free loopback port (or `listen`), stopped when the test ends. */
struct RunningHub {
    ChildProcess process;
    int port = -1;
    int opsPort = -1;

    explicit RunningHub(const std::string& centerDir, std::vector<std::string> extra = {},
                        const std::string& listen = "127.0.0.1:0")
        : process(serveCommand(centerDir, std::move(extra), listen)) {
        auto ops = process.waitForLine("ops on ", std::chrono::seconds(20));
        auto line = process.waitForLine("listening on ", std::chrono::seconds(20));
        REQUIRE_MESSAGE((ops.has_value() && line.has_value()), process.err());
        opsPort = portOf(*ops);
        port = portOf(*line);
        REQUIRE(port > 0);
    }

    [[nodiscard]] std::string address() const { return "127.0.0.1:" + std::to_string(port); }
    /** The hub's Prometheus text. */
    [[nodiscard]] std::string metrics() const { return httpGet(opsPort, "/metrics"); }

private:
    static std::vector<std::string> serveCommand(const std::string& centerDir, std::vector<std::string> extra,
                                                 const std::string& listen) {
        std::vector<std::string> argv = {kHub,       "serve", "--dir",        centerDir,
                                         "--listen", listen,  "--ops-listen", "127.0.0.1:0"};
        argv.insert(argv.end(), extra.begin(), extra.end());
        return argv;
    }
};

/** The value of one metric line ("name value") in Prometheus text, or -1 when it is missing. */
inline long long metricValue(const std::string& text, const std::string& name) {
    const auto at = text.find("\n" + name + " ");
    return at == std::string::npos ? -1 : std::atoll(text.c_str() + at + name.size() + 2);
}

/** A whole file ("" when it cannot be read). */
inline std::string readAll(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/** Polls `check` every 100 ms for up to `seconds`. */
template <typename F>
bool eventually(F check, int seconds) {
    for (int i = 0; i < seconds * 10; ++i) {
        if (check()) {
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
}

} // namespace fieldkit::testing

TYPE_TO_STRING(fieldkit::testing::SqliteCenter);
TYPE_TO_STRING(fieldkit::testing::PostgresCenter);
