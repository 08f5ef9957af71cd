// A center restored from a backup and its devices converge: changes the center acknowledged after the
// backup are sent again by the devices that made them, with the numbers they had, and every device ends up
// with exactly what the center holds (restore_numbering.hpp, SyncQueue::requeueAfter). Each store is backed
// up and restored the way the README's operator section prescribes: `fieldkit-hub backup` and a file copy for
// SQLite, pg_dump and pg_restore into a new database for PostgreSQL.
#include "fixtures.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <set>
#include <sstream>

using namespace fieldkit::testing;

namespace {

const std::vector<std::string> kPin = {"FIELDKIT_PIN=2468"};

struct Tablet {
    TempDir data;
    explicit Tablet(const CenterFixture& center) { center.provision(data.path().string()); }

    Finished ctl(std::vector<std::string> words) const {
        std::vector<std::string> argv = {kCtl, "--data", data.path().string()};
        argv.insert(argv.end(), words.begin(), words.end());
        return runProcess(argv, std::chrono::seconds(120), kPin);
    }
    Finished trySync(const RunningHub& hub) const {
        return runProcess({kSyncd, "sync-once", "--data", data.path().string(), "--hub", hub.address()});
    }
    Finished sync(const RunningHub& hub) const {
        auto r = trySync(hub);
        REQUIRE_MESSAGE(r.exitCode == 0, r.out << r.err);
        return r;
    }
    std::vector<std::string> generate(int count, int seed) const {
        auto r = ctl({"case", "generate", "--count", std::to_string(count), "--seed", std::to_string(seed)});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        std::vector<std::string> out;
        std::istringstream in(r.out);
        for (std::string line; std::getline(in, line);) {
            if (line.size() == 32) {
                out.push_back(line);
            }
        }
        return out;
    }
    /** The case ids this tablet holds. */
    std::multiset<std::string> cases() const {
        auto r = ctl({"case", "list", "--json", "--limit", "1000"});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        std::multiset<std::string> ids;
        const std::string key = "\"id\":\"";
        for (auto at = r.out.find(key); at != std::string::npos; at = r.out.find(key, at + 1)) {
            ids.insert(r.out.substr(at + key.size(), 32));
        }
        return ids;
    }
};

std::multiset<std::string> centerCases(const CenterFixture& center) {
    auto r = runProcess({kHub, "export", "--dir", center.center(), "--json"});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    CHECK(r.out.find("\"problems\"") == std::string::npos);
    std::multiset<std::string> ids;
    const std::string key = "{\"id\":\"";
    for (auto at = r.out.find(key); at != std::string::npos; at = r.out.find(key, at + 1)) {
        ids.insert(r.out.substr(at + key.size(), 32));
    }
    return ids;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

const std::string kPgBin = "/usr/lib/postgresql/15/bin/";

/** A backup of the center as an operator takes it while the hub serves. */
void takeBackup(const CenterFixture& center, const std::filesystem::path& to) {
    const auto taken = center.database
                           ? runProcess({kPgBin + "pg_dump", "--format=custom", "--file", to.string(),
                                         center.database->conninfo()})
                           : runProcess({kHub, "backup", "--dir", center.center(), "--out", to.string()});
    REQUIRE_MESSAGE(taken.exitCode == 0, taken.err);
}

/** The disaster and the restore, every hub stopped: the store is replaced by the backup. */
void restoreBackup(const CenterFixture& center, const std::filesystem::path& from) {
    if (center.database) {
        // The README's drill, into the same database name so the center folder's store.conf still fits.
        const auto& name = center.database->name();
        pgAdminExec("DROP DATABASE " + name + " WITH (FORCE)");
        pgAdminExec("CREATE DATABASE " + name);
        const auto restored = runProcess({kPgBin + "pg_restore", "--exit-on-error", "--dbname",
                                          center.database->conninfo(), from.string()});
        REQUIRE_MESSAGE(restored.exitCode == 0, restored.err);
        return;
    }
    const auto store = std::filesystem::path(center.center()) / "center.db";
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(store.string() + suffix);
    }
    std::filesystem::copy_file(from, store);
}

} // namespace

TEST_CASE_TEMPLATE("a center restored from a backup gets back what its devices hold, under the same numbers",
                   Backend, SqliteCenter, PostgresCenter) {
    CenterFixture center(Backend::kBackend);
    Tablet maker(center);
    Tablet partner(center);
    TempDir saved;
    const auto backup = saved / "center.backup";
    std::vector<std::string> before;
    std::vector<std::string> after;
    {
        RunningHub hub(center.center());
        maker.sync(hub); // enrolled: the unit's key arrives with the first sync
        partner.sync(hub);
        before = maker.generate(3, 1);
        maker.sync(hub);
        partner.sync(hub);
        takeBackup(center, backup);

        // After the backup: new cases on the maker, which the partner pulls and edits; the maker pulls the
        // edit. Everything here is acknowledged, so neither tablet has anything left to send.
        after = maker.generate(2, 2);
        maker.sync(hub);
        partner.sync(hub);
        REQUIRE(partner.ctl({"case", "set", after.front(), "--phone", "+45 70 10 20 30"}).exitCode == 0);
        partner.sync(hub);
        maker.sync(hub);
        CHECK(centerCases(center).size() == 5);
    }

    // The disaster: the center comes back from the backup, which knows 3 cases.
    restoreBackup(center, backup);
    CHECK(centerCases(center).size() == 3);
    auto marked = runProcess({kHub, "store", "mark-restored", "--dir", center.center()});
    REQUIRE_MESSAGE(marked.exitCode == 0, marked.err);
    CHECK(contains(marked.out, "set aside"));

    RunningHub hub(center.center());
    // The maker sends its two lost cases again, the partner its lost edit (which builds on one of them).
    // Until the partner has been in touch, the maker holds a change the center lacks, and says so.
    auto makerSync = maker.trySync(hub);
    CHECK(contains(makerSync.out, "2 sent (0 refused)"));
    CHECK(contains(makerSync.err, "checksums differed"));
    auto partnerSync = partner.sync(hub);
    CHECK(contains(partnerSync.out, "1 sent (0 refused)"));
    maker.sync(hub); // the maker's checksum missed the partner's edit until now: it pulls again

    const auto atCenter = centerCases(center);
    CHECK(atCenter.size() == 5);
    for (const auto& id : after) {
        CHECK(atCenter.count(id) == 1);
    }
    CHECK(maker.cases() == atCenter);
    CHECK(partner.cases() == atCenter);
    // Converged: the edit is not a conflict, nothing needs attention, and a further sync finds the
    // checksums equal (a difference would make the tablet pull everything again).
    auto shown = partner.ctl({"case", "show", after.front()});
    CHECK(contains(shown.out, "+45 70 10 20 30"));
    CHECK_FALSE(contains(shown.out, "\"conflicted\":true"));
    for (const Tablet* tablet : {&maker, &partner}) {
        auto again = tablet->sync(hub);
        CHECK(contains(again.out, "0 sent (0 refused), 0 received"));
        auto status = runProcess({kSyncd, "status", "--data", tablet->data.path().string(), "--json"});
        CHECK(contains(status.out, "\"needs_attention\":0"));
        CHECK(contains(status.out, "\"pending_ops\":0"));
    }
    // New changes are numbered after everything the devices could hold from before the restore.
    REQUIRE(maker.generate(1, 3).size() == 1);
    maker.sync(hub);
    auto laterSync = partner.sync(hub); // its welcome names the head, the maker's new change
    const auto headAt = laterSync.out.find("hub head ");
    REQUIRE(headAt != std::string::npos);
    CHECK(std::stoull(laterSync.out.substr(headAt + 9)) > (std::uint64_t{1} << 32));
}
