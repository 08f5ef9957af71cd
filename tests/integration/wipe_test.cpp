// Remote wipe end to end with real processes: the center orders a device wiped, the device's last push lands
// in quarantine at the hub (never applied), the device checks the signed order, confirms it and wipes itself.
#include "fixtures.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

using namespace fieldkit::testing;

namespace {

const std::vector<std::string> kPin = {"FIELDKIT_PIN=2468"};

struct Device {
    TempDir data;
    std::string id;

    [[nodiscard]] std::string dir() const { return data.path().string(); }
    Finished run(std::vector<std::string> words) const {
        std::vector<std::string> argv = {kCtl, "--data", dir()};
        argv.insert(argv.end(), words.begin(), words.end());
        return runProcess(argv, std::chrono::seconds(60), kPin);
    }
    std::string createCase(const std::string& name) const {
        const auto file = data / "new-case.json";
        std::ofstream(file)
            << R"({"service":"passport","channel":"bike","citizen":{"cpr":"0707614285","name":")" << name
            << R"(","address":"Nørregade 1"},"notes":["first visit"]})";
        auto r = run({"case", "create", "--json", file.string()});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        std::filesystem::remove(file);
        return r.out.substr(0, 32);
    }
};

Finished syncOnce(const std::string& dataDir, const RunningHub& hub) {
    return runProcess({kSyncd, "sync-once", "--data", dataDir, "--hub", hub.address()},
                      std::chrono::seconds(60));
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) {
        ++n;
    }
    return n;
}

std::string slurp(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

/** The part of the export JSON from `key` up to the next top-level section (sections come in a fixed order).
 */
std::string section(const std::string& json, const std::string& key, const std::string& nextKey) {
    const auto start = json.find("\"" + key + "\":");
    const auto end = nextKey.empty() ? std::string::npos : json.find("\"" + nextKey + "\":", start);
    return start == std::string::npos ? std::string() : json.substr(start, end - start);
}

} // namespace

TEST_CASE_TEMPLATE("a wipe order reaches the device on its next contact after its last push is quarantined",
                   Backend, SqliteCenter, PostgresCenter) {
    CenterFixture center(Backend::kBackend);
    Device a;
    Device b;
    a.id = center.provision(a.dir());
    b.id = center.provision(b.dir());
    RunningHub hub(center.center());
    REQUIRE(syncOnce(a.dir(), hub).exitCode == 0);
    REQUIRE(syncOnce(b.dir(), hub).exitCode == 0);
    const std::string first = a.createCase("Karen Blixen");
    const std::string second = a.createCase("Niels Bohr");
    auto pushed = syncOnce(a.dir(), hub);
    REQUIRE_MESSAGE(pushed.exitCode == 0, pushed.err);

    auto ordered = runProcess({kHub, "wipe", "--dir", center.center(), a.id});
    REQUIRE_MESSAGE(ordered.exitCode == 0, ordered.err);
    const std::string last = a.createCase("Søren Kierkegaard");
    // A copy of the device as it is now (identity, store, the unsent case), to knock again after the wipe.
    TempDir clone;
    std::filesystem::copy(a.data.path(), clone.path(),
                          std::filesystem::copy_options::recursive |
                              std::filesystem::copy_options::overwrite_existing);

    auto wiped = syncOnce(a.dir(), hub);
    CHECK_MESSAGE(wiped.exitCode == 4, wiped.out << wiped.err);
    CHECK(wiped.out.find("wiped") != std::string::npos);
    // No store is left, and the sync folder holds only the status that tells staff what happened.
    CHECK_FALSE(std::filesystem::exists(a.data / "store.db"));
    CHECK_FALSE(std::filesystem::exists(a.data / "store.db-wal"));
    std::vector<std::string> left;
    for (const auto& entry : std::filesystem::directory_iterator(a.data / "sync")) {
        left.push_back(entry.path().filename().string());
    }
    CHECK(left == std::vector<std::string>{"status.json"});
    CHECK(slurp(a.data / "sync" / "status.json").find("\"state\":\"wiped\"") != std::string::npos);
    auto status = runProcess({kSyncd, "status", "--data", a.dir(), "--json"});
    CHECK(status.out.find("\"state\":\"wiped\"") != std::string::npos);

    // The last case is in quarantine at the center, readable for review, and not among the cases.
    auto exported = runProcess({kHub, "export", "--dir", center.center(), "--json"});
    REQUIRE_MESSAGE(exported.exitCode == 0, exported.err);
    const auto cases = section(exported.out, "cases", "quarantined_operations");
    const auto quarantine = section(exported.out, "quarantined_operations", "wipe_orders");
    const auto orders = section(exported.out, "wipe_orders", "");
    CHECK(count(cases, "\"id\":\"") == 2);
    CHECK(cases.find(first) != std::string::npos);
    CHECK(cases.find(second) != std::string::npos);
    CHECK(cases.find(last) == std::string::npos);
    CHECK(cases.find("Kierkegaard") == std::string::npos);
    CHECK(quarantine.find("\"case\":\"" + last + "\"") != std::string::npos);
    CHECK(quarantine.find("Kierkegaard") != std::string::npos);
    CHECK(count(quarantine, "\"case\":\"") == 1);
    CHECK(orders.find("\"device\":\"" + a.id + "\"") != std::string::npos);
    CHECK(orders.find("\"confirmed_ms\":0") == std::string::npos); // confirmed
    CHECK(orders.find("\"delivered_ms\":0") == std::string::npos);
    CHECK(orders.find("\"state\":\"confirmed\"") != std::string::npos);
    auto stats = runProcess({kHub, "stats", "--dir", center.center(), "--json"});
    CHECK(stats.out.find("\"quarantined_operations\":1") != std::string::npos);
    CHECK(stats.out.find("\"wipes_confirmed\":1") != std::string::npos);
    CHECK(stats.out.find("\"wipes_unconfirmed\":0") != std::string::npos);

    // The other device of the unit never receives the quarantined case.
    REQUIRE(syncOnce(b.dir(), hub).exitCode == 0);
    auto listB = b.run({"case", "list", "--json"});
    CHECK(count(listB.out, "\"id\":\"") == 2);
    CHECK(listB.out.find(last) == std::string::npos);

    // Once confirmed, the device is refused like a revoked one, even with a copy of its identity and store.
    auto again = syncOnce(clone.path().string(), hub);
    CHECK(again.exitCode == 1);
    CHECK_MESSAGE(again.err.find("refused this device") != std::string::npos, again.err);
    CHECK(std::filesystem::exists(clone / "store.db"));
    auto after = runProcess({kHub, "stats", "--dir", center.center(), "--json"});
    CHECK(after.out.find("\"quarantined_operations\":1") != std::string::npos);
}

TEST_CASE("a wipe order not signed with the pinned center key is refused and nothing is wiped") {
    CenterFixture center;
    Device a;
    a.id = center.provision(a.dir());
    RunningHub hub(center.center());
    REQUIRE(syncOnce(a.dir(), hub).exitCode == 0);
    a.createCase("Hans Christian Andersen");
    // Someone with the hub's store but not the center signing key the device pinned at enrolment.
    {
        std::ofstream sign(std::filesystem::path(center.center()) / "center.sign",
                           std::ios::binary | std::ios::trunc);
        sign << std::string(32, '\x5a');
    }
    // Its public half is written anew beside it (the folder would otherwise be refused as inconsistent).
    std::filesystem::remove(std::filesystem::path(center.center()) / "center.sign.pub");
    REQUIRE(runProcess({kHub, "wipe", "--dir", center.center(), a.id}).exitCode == 0);

    auto refused = syncOnce(a.dir(), hub);
    CHECK(refused.exitCode == 1);
    CHECK(refused.err.find("cannot trust") != std::string::npos);
    CHECK(refused.err.find("Andersen") == std::string::npos);
    CHECK(std::filesystem::exists(a.data / "store.db"));
    CHECK(std::filesystem::exists(a.data / "sync" / "device.key"));
    // The reply was not applied: the case is still waiting in the outbox and readable on the device.
    auto status = runProcess({kCtl, "--data", a.dir(), "sync-status", "--json"});
    CHECK(status.out.find("\"pending_ops\":1") != std::string::npos);
    auto list = a.run({"case", "list", "--json"});
    CHECK(count(list.out, "\"id\":\"") == 1);
    auto stats = runProcess({kHub, "stats", "--dir", center.center(), "--json"});
    CHECK(stats.out.find("\"wipes_confirmed\":0") != std::string::npos);
    // Delivered a moment ago and refused by the device: the center still waits for a confirmation.
    CHECK(stats.out.find("\"state\":\"delivered\"") != std::string::npos);
}

TEST_CASE("a local wipe has the center revoke the device: a copy of its identity is refused afterwards") {
    CenterFixture center;
    Device a;
    a.id = center.provision(a.dir());
    RunningHub hub(center.center());
    REQUIRE(syncOnce(a.dir(), hub).exitCode == 0); // the first sync installs the center's keys
    (void)a.createCase("Karen Blixen");
    REQUIRE(syncOnce(a.dir(), hub).exitCode == 0);
    // Someone copied the whole data folder (a backup, a disk image) before the wipe.
    TempDir copy;
    std::filesystem::copy(a.data.path(), copy.path(),
                          std::filesystem::copy_options::recursive |
                              std::filesystem::copy_options::overwrite_existing);
    REQUIRE(syncOnce(copy.path().string(), hub).exitCode == 0); // the copy works until the wipe

    auto wiped = runProcess({kCtl, "--data", a.dir(), "wipe", "--confirm", "--hub", hub.address()},
                            std::chrono::seconds(60), {"FIELDKIT_SYNCD=" + kSyncd});
    REQUIRE_MESSAGE(wiped.exitCode == 0, wiped.err);
    CHECK(wiped.out.find("the center revoked device " + a.id) != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(a.data / "sync" / "device.key"));

    auto refused = syncOnce(copy.path().string(), hub);
    CHECK(refused.exitCode == 1);
    CHECK_MESSAGE(refused.err.find("refused this device") != std::string::npos, refused.err);
}

TEST_CASE("fieldkit-syncd retire keeps the identity when the center cannot be reached, and says so") {
    CenterFixture center;
    Device a;
    a.id = center.provision(a.dir());
    auto retired =
        runProcess({kSyncd, "retire", "--data", a.dir(), "--hub", "127.0.0.1:1"}, std::chrono::seconds(60));
    CHECK(retired.exitCode == 1);
    CHECK(retired.err.find("fieldkit-syncd: ") == 0);
    CHECK(std::filesystem::exists(a.data / "sync" / "device.key"));
}
