// Moving a center from SQLite to PostgreSQL with `fieldkit-hub store copy`: the copy is verified, the center
// folder then serves from PostgreSQL, and devices carry on syncing through it as if nothing had changed.
#include "fixtures.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace fieldkit::testing;

namespace {

const std::vector<std::string> kPin = {"FIELDKIT_PIN=2468"};

std::set<std::string> ids(const std::string& text) {
    std::set<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (line.size() == 32) {
            out.insert(line);
        }
    }
    return out;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) {
        ++n;
    }
    return n;
}

} // namespace

TEST_CASE(
    "a SQLite center copied to PostgreSQL exports the same, serves its devices on, and is copied once") {
    CenterFixture center;
    TempDir a;
    TempDir b;
    center.provision(a.path().string());
    center.provision(b.path().string());
    const auto ctl = [&](const TempDir& d, std::vector<std::string> words) {
        std::vector<std::string> argv = {kCtl, "--data", d.path().string()};
        argv.insert(argv.end(), words.begin(), words.end());
        return runProcess(argv, std::chrono::seconds(60), kPin);
    };
    const auto sync = [&](const TempDir& d, const RunningHub& hub) {
        return runProcess({kSyncd, "sync-once", "--data", d.path().string(), "--hub", hub.address()},
                          std::chrono::seconds(60));
    };
    std::set<std::string> created;
    {
        RunningHub hub(center.center());
        REQUIRE(sync(a, hub).exitCode == 0);
        REQUIRE(sync(b, hub).exitCode == 0);
        for (const TempDir* d : {&a, &b}) {
            auto made = ctl(*d, {"case", "generate", "--count", "6", "--seed", "7"});
            REQUIRE_MESSAGE(made.exitCode == 0, made.err);
            const auto got = ids(made.out);
            created.insert(got.begin(), got.end());
            REQUIRE(sync(*d, hub).exitCode == 0);
        }
        REQUIRE(sync(a, hub).exitCode == 0);
    }
    auto before = runProcess({kHub, "export", "--dir", center.center(), "--json"});
    REQUIRE(before.exitCode == 0);
    auto statsBefore = runProcess({kHub, "stats", "--dir", center.center(), "--json"});

    PgTestDatabase database;
    // A connection string with a password is refused before anything is touched.
    auto withPassword = runProcess({kHub, "store", "copy", "--from", center.center(), "--to",
                                    "postgresql://fieldkit:secret@127.0.0.1/" + database.name()});
    CHECK(withPassword.exitCode == 1);
    CHECK(withPassword.err.find("password file") != std::string::npos);
    CHECK(withPassword.err.find("secret") == std::string::npos);

    auto copied = runProcess({kHub, "store", "copy", "--from", center.center(), "--to", database.conninfo()},
                             std::chrono::seconds(120));
    REQUIRE_MESSAGE(copied.exitCode == 0, copied.err);
    CHECK(copied.out.find("units verified") != std::string::npos);
    CHECK(std::filesystem::exists(std::filesystem::path(center.center()) / "store.conf"));

    auto after = runProcess({kHub, "export", "--dir", center.center(), "--json"});
    REQUIRE(after.exitCode == 0);
    CHECK(after.out == before.out);
    CHECK(runProcess({kHub, "stats", "--dir", center.center(), "--json"}).out == statsBefore.out);
    CHECK(count(after.out, "\"id\":\"") == created.size());

    // The folder now uses PostgreSQL: a second copy is refused, and the devices carry on.
    auto again = runProcess({kHub, "store", "copy", "--from", center.center(), "--to", database.conninfo()});
    CHECK(again.exitCode == 1);
    {
        RunningHub hub(center.center());
        auto made = ctl(b, {"case", "generate", "--count", "3", "--seed", "8"});
        REQUIRE(made.exitCode == 0);
        const auto got = ids(made.out);
        created.insert(got.begin(), got.end());
        auto pushed = sync(b, hub);
        REQUIRE_MESSAGE(pushed.exitCode == 0, pushed.err);
        CHECK(pushed.out.find("3 sent (0 refused)") != std::string::npos);
        auto pulled = sync(a, hub);
        REQUIRE_MESSAGE(pulled.exitCode == 0, pulled.err);
        CHECK(pulled.out.find("3 received") != std::string::npos);
    }
    auto last = runProcess({kHub, "export", "--dir", center.center(), "--json"});
    CHECK(count(last.out, "\"id\":\"") == created.size());
    for (const auto& id : created) {
        CHECK(count(last.out, "\"id\":\"" + id + "\"") == 1);
    }
    auto list = ctl(a, {"case", "list", "--json", "--limit", "1000"});
    CHECK(count(list.out, "\"id\":\"") == created.size());

    // A new center cannot be initialised on it either.
    TempDir fresh;
    auto init =
        runProcess({kHub, "init", "--dir", (fresh / "center").string(), "--store", database.conninfo()});
    CHECK(init.exitCode == 1);
    CHECK(init.err.find("already holds a center") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(fresh / "center" / "store.conf"));

    // Another center cannot be copied over a PostgreSQL center that holds one already.
    CenterFixture other;
    auto onto = runProcess({kHub, "store", "copy", "--from", other.center(), "--to", database.conninfo()});
    CHECK(onto.exitCode == 1);
    CHECK(onto.err.find("empty") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(std::filesystem::path(other.center()) / "store.conf"));
}

TEST_CASE("the hub refuses to serve while a store copy runs") {
    CenterFixture center;
    std::ofstream(std::filesystem::path(center.center()) / "store-copy.running") << "copy\n";
    auto serve = runProcess({kHub, "serve", "--dir", center.center(), "--listen", "127.0.0.1:0"});
    CHECK(serve.exitCode == 1);
    CHECK(serve.err.find("store copy") != std::string::npos);
}

TEST_CASE("a backup of the SQLite center taken while it serves opens as the same center") {
    CenterFixture center;
    TempDir a;
    center.provision(a.path().string());
    RunningHub hub(center.center());
    REQUIRE(runProcess({kSyncd, "sync-once", "--data", a.path().string(), "--hub", hub.address()}).exitCode ==
            0);
    auto made =
        runProcess({kCtl, "--data", a.path().string(), "case", "generate", "--count", "8", "--seed", "3"},
                   std::chrono::seconds(60), kPin);
    REQUIRE(made.exitCode == 0);
    // The daemon syncs while the backup runs.
    ChildProcess daemon({kSyncd, "run", "--data", a.path().string(), "--hub", hub.address()});
    TempDir restored;
    const auto out = restored / "center.db";
    auto backup = runProcess({kHub, "backup", "--dir", center.center(), "--out", out.string()});
    REQUIRE_MESSAGE(backup.exitCode == 0, backup.err);
    CHECK(backup.out.find("checked") != std::string::npos);
    auto twice = runProcess({kHub, "backup", "--dir", center.center(), "--out", out.string()});
    CHECK(twice.exitCode == 1);
    CHECK(twice.err.find("exists") != std::string::npos);
    daemon.terminate();

    // A center folder with the backup as its store: same keys, the cases the backup caught, nothing damaged.
    for (const char* file : {"ca.crt", "ca.key", "hub.crt", "hub.key", "center.key", "center.sign"}) {
        std::filesystem::copy_file(std::filesystem::path(center.center()) / file, restored / file);
    }
    auto exported = runProcess({kHub, "export", "--dir", restored.path().string(), "--json"});
    REQUIRE_MESSAGE(exported.exitCode == 0, exported.err);
    CHECK(exported.out.find("\"problems\"") == std::string::npos);
    auto stats = runProcess({kHub, "stats", "--dir", restored.path().string(), "--json"});
    CHECK(stats.exitCode == 0);
    CHECK(stats.out.find("\"devices\":1") != std::string::npos);
}
