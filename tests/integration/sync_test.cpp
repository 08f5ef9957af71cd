// Sync end to end with real processes: devices create and edit cases with fieldkit-ctl, fieldkit-syncd ships
// them through a real hub, and the hub's export must show exactly what the devices created.
#include "fixtures.hpp"

#include <doctest/doctest.h>
#include <fstream>

using namespace fieldkit::testing;

namespace {

const std::vector<std::string> kPin = {"FIELDKIT_PIN=2468"};

struct Device {
    TempDir data;
    std::string id;

    std::vector<std::string> ctl(std::vector<std::string> words) const {
        std::vector<std::string> argv = {kCtl, "--data", data.path().string()};
        argv.insert(argv.end(), words.begin(), words.end());
        return argv;
    }
    Finished run(std::vector<std::string> words) const {
        return runProcess(ctl(std::move(words)), std::chrono::seconds(60), kPin);
    }
    std::string createCase(const std::string& name) const {
        const auto file = data / "new-case.json";
        std::ofstream(file)
            << R"({"service":"passport","channel":"bike","citizen":{"cpr":"0707614285","name":")" << name
            << R"(","address":"Nørregade 1"},"notes":["first visit"]})";
        auto r = run({"case", "create", "--json", file.string()});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        return r.out.substr(0, 32);
    }
    Finished sync(const RunningHub& hub) const {
        return runProcess({kSyncd, "sync-once", "--data", data.path().string(), "--hub", hub.address()},
                          std::chrono::seconds(60));
    }
};

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) {
        ++n;
    }
    return n;
}

} // namespace

TEST_CASE_TEMPLATE(
    "cases reach the center once, reach the other device, and a concurrent edit shows as a conflict", Backend,
    SqliteCenter, PostgresCenter) {
    CenterFixture center(Backend::kBackend);
    Device a;
    Device b;
    a.id = center.provision(a.data.path().string());
    b.id = center.provision(b.data.path().string());
    RunningHub hub(center.center());
    // The first sync files away the enrolment keys, so the store can seal cases for center and unit.
    REQUIRE(a.sync(hub).exitCode == 0);
    REQUIRE(b.sync(hub).exitCode == 0);

    const std::string first = a.createCase("Karen Blixen");
    const std::string second = a.createCase("Niels Bohr");
    const std::string third = b.createCase("Tove Ditlevsen");
    auto pushA = a.sync(hub);
    REQUIRE_MESSAGE(pushA.exitCode == 0, pushA.err);
    CHECK(pushA.out.find("2 sent (0 refused)") != std::string::npos);
    auto pushB = b.sync(hub);
    REQUIRE_MESSAGE(pushB.exitCode == 0, pushB.err);
    CHECK(pushB.out.find("2 received") != std::string::npos);
    // Syncing again changes nothing: no case twice.
    auto again = a.sync(hub);
    CHECK(again.out.find("0 sent (0 refused), 1 received") != std::string::npos);

    // B reads A's case with the unit key, decrypted on B.
    auto shown = b.run({"case", "show", first, "--json"});
    REQUIRE_MESSAGE(shown.exitCode == 0, shown.err);
    CHECK(shown.out.find("Karen Blixen") != std::string::npos);

    // Both change the same field of the same case without seeing each other's change.
    REQUIRE(a.run({"case", "set", first, "--phone", "+45 11111111"}).exitCode == 0);
    REQUIRE(b.run({"case", "set", first, "--phone", "+45 22222222"}).exitCode == 0);
    REQUIRE(b.run({"case", "note", first, "--text", "called the citizen"}).exitCode == 0);
    REQUIRE(a.sync(hub).exitCode == 0);
    REQUIRE(b.sync(hub).exitCode == 0);
    REQUIRE(a.sync(hub).exitCode == 0);

    auto exported = runProcess({kHub, "export", "--dir", center.center(), "--json"});
    REQUIRE_MESSAGE(exported.exitCode == 0, exported.err);
    for (const auto& id : {first, second, third}) {
        CHECK(count(exported.out, "\"id\":\"" + id + "\"") == 1);
    }
    CHECK(count(exported.out, "\"id\":\"") == 3);
    CHECK(exported.out.find("Tove Ditlevsen") != std::string::npos);
    // Both phone numbers are kept side by side, and the case is flagged.
    CHECK(exported.out.find("+45 11111111") != std::string::npos);
    CHECK(exported.out.find("+45 22222222") != std::string::npos);
    CHECK(exported.out.find("called the citizen") != std::string::npos);
    CHECK(count(exported.out, "\"conflicted\":true") == 1);

    for (const Device* device : {&a, &b}) {
        auto list = device->run({"case", "list", "--json"});
        CHECK(count(list.out, "\"conflicted\":true") == 1);
        CHECK(count(list.out, "\"id\":\"") == 3);
        auto detail = device->run({"case", "show", first, "--json"});
        CHECK(detail.out.find("+45 11111111") != std::string::npos);
        CHECK(detail.out.find("+45 22222222") != std::string::npos);
    }
    auto stats = runProcess({kHub, "stats", "--dir", center.center(), "--json"});
    CHECK(stats.out.find("\"conflicted_cases\":1") != std::string::npos);

    // A person resolves it on B; after syncing, one value stands everywhere and no flag is left.
    auto resolved = b.run({"case", "resolve", first, "--field", "phone", "--value", "+45 33333333"});
    REQUIRE_MESSAGE(resolved.exitCode == 0, resolved.err);
    REQUIRE(b.sync(hub).exitCode == 0);
    REQUIRE(a.sync(hub).exitCode == 0);
    auto after = runProcess({kHub, "export", "--dir", center.center(), "--json"});
    CHECK(count(after.out, "\"conflicted\":true") == 0);
    CHECK(after.out.find("+45 33333333") != std::string::npos);
    CHECK(after.out.find("+45 11111111") == std::string::npos);
    for (const Device* device : {&a, &b}) {
        auto list = device->run({"case", "list", "--json"});
        CHECK(count(list.out, "\"conflicted\":true") == 0);
        auto detail = device->run({"case", "show", first, "--json"});
        CHECK(detail.out.find("+45 33333333") != std::string::npos);
        CHECK(detail.out.find("+45 22222222") == std::string::npos);
    }
}

TEST_CASE_TEMPLATE("a revoked device is refused and keeps its outbox", Backend, SqliteCenter,
                   PostgresCenter) {
    CenterFixture center(Backend::kBackend);
    Device a;
    a.id = center.provision(a.data.path().string());
    RunningHub hub(center.center());
    REQUIRE(a.sync(hub).exitCode == 0);
    a.createCase("Hans Christian Andersen");
    REQUIRE(runProcess({kHub, "revoke", "--dir", center.center(), a.id}).exitCode == 0);
    auto refused = a.sync(hub);
    CHECK(refused.exitCode == 1);
    auto status = runProcess({kCtl, "--data", a.data.path().string(), "sync-status", "--json"});
    CHECK(status.out.find("\"pending_ops\":1") != std::string::npos);
}
