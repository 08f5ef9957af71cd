// Enrolment over the network with a one-time code, against a real hub: the code works once, not after it
// expires, not when wrong, and the device it enrolled then syncs.
#include "fixtures.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <sstream>
#include <thread>

using namespace fieldkit::testing;

namespace {

const std::vector<std::string> kPin = {"FIELDKIT_PIN=2468"};

/** A device store that is not enrolled yet (staff "anna", PIN 2468). */
struct NewDevice {
    TempDir data;

    explicit NewDevice(const std::string& unit = "bike-07") {
        auto init =
            runProcess({kCtl, "--data", path(), "init", "--staff", "anna", "--unit", unit, "--kdf-ms", "1"},
                       std::chrono::seconds(60), kPin);
        REQUIRE_MESSAGE(init.exitCode == 0, init.err);
    }
    [[nodiscard]] std::string path() const { return data.path().string(); }
    [[nodiscard]] Finished enrol(const RunningHub& hub, const std::string& code) const {
        return runProcess({kSyncd, "enroll", "--data", path(), "--hub", hub.address(), "--code", code});
    }
    [[nodiscard]] bool hasCertificate() const {
        return std::filesystem::exists(data / "sync" / "device.crt");
    }
};

std::string newCode(const CenterFixture& center, std::vector<std::string> extra = {}) {
    std::vector<std::string> argv = {kHub, "enroll-code", "--dir", center.center(), "--unit", center.unit};
    argv.insert(argv.end(), extra.begin(), extra.end());
    auto r = runProcess(argv);
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    return r.out.substr(0, r.out.find('\n'));
}

std::string fileBytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string withoutDashes(std::string code) {
    std::erase(code, '-');
    return code;
}

} // namespace

TEST_CASE_TEMPLATE("a device enrolled with a one-time code syncs, and the center keeps no readable code",
                   Backend, SqliteCenter, PostgresCenter) {
    CenterFixture center(Backend::kBackend);
    RunningHub hub(center.center());
    const std::string code = newCode(center);
    CHECK(code.size() == 34); // 28 characters in groups of four
    NewDevice device;

    auto enrolled = device.enrol(hub, code);
    REQUIRE_MESSAGE(enrolled.exitCode == 0, enrolled.err);
    CHECK(enrolled.out.find("enrolled: device ") != std::string::npos);
    CHECK(enrolled.out.find("in unit bike-07") != std::string::npos);
    CHECK(device.hasCertificate());
    CHECK(std::filesystem::exists(device.data / "sync" / "center.sign.pub"));
    CHECK(hub.process.err().find("enrolled in unit bike-07") != std::string::npos);

    // The enrolment handed over the center and unit keys: a case can be saved, sealed and synced at once.
    const auto file = device.data / "case.json";
    std::ofstream(file) << R"({"service":"passport","channel":"bike","citizen":{"cpr":"0707614285",)"
                        << R"("name":"Karen Blixen"}})";
    auto created = runProcess({kCtl, "--data", device.path(), "case", "create", "--json", file.string()},
                              std::chrono::seconds(60), kPin);
    REQUIRE_MESSAGE(created.exitCode == 0, created.err);
    auto sync =
        runProcess({kSyncd, "sync-once", "--data", device.path()}); // the hub address came with enrolment
    CHECK_MESSAGE(sync.exitCode == 0, sync.err);
    CHECK(sync.out.find("1 sent (0 refused)") != std::string::npos);
    auto exported = runProcess({kHub, "export", "--dir", center.center(), "--json"});
    CHECK(exported.out.find("Karen Blixen") != std::string::npos);

    for (const auto* name : {"center.db", "center.db-wal"}) {
        const auto bytes = fileBytes(std::filesystem::path(center.center()) / name);
        CHECK(bytes.find(withoutDashes(code)) == std::string::npos);
        CHECK(bytes.find(code) == std::string::npos);
    }
}

TEST_CASE_TEMPLATE("a used enrolment code is refused and the second device stays unenrolled", Backend,
                   SqliteCenter, PostgresCenter) {
    CenterFixture center(Backend::kBackend);
    RunningHub hub(center.center());
    const std::string code = newCode(center);
    NewDevice first;
    REQUIRE(first.enrol(hub, code).exitCode == 0);

    NewDevice second;
    // Lower case and without dashes is the same code, so this is a reuse, not a typo.
    std::string typed = withoutDashes(code);
    for (auto& c : typed) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    auto again = second.enrol(hub, typed);
    CHECK(again.exitCode == 1);
    CHECK(again.err.find("already been used") != std::string::npos);
    CHECK_FALSE(second.hasCertificate());
    auto sync = runProcess({kSyncd, "sync-once", "--data", second.path(), "--hub", hub.address()});
    CHECK(sync.err.find("not enrolled") != std::string::npos);
}

TEST_CASE("an expired enrolment code is refused") {
    CenterFixture center;
    RunningHub hub(center.center());
    const std::string code = newCode(center, {"--valid-seconds", "1"});
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    NewDevice device;
    auto late = device.enrol(hub, code);
    CHECK(late.exitCode == 1);
    CHECK(late.err.find("has expired") != std::string::npos);
    CHECK_FALSE(device.hasCertificate());
}

TEST_CASE("a wrong or malformed enrolment code is refused, and a code works only at its own center") {
    CenterFixture center;
    CenterFixture other;
    RunningHub hub(center.center());
    RunningHub otherHub(other.center());
    (void)newCode(center);
    NewDevice device;

    auto wrong = device.enrol(hub, "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345");
    CHECK(wrong.exitCode == 1);
    CHECK(wrong.err.find("not valid for this center") != std::string::npos);
    auto malformed = device.enrol(hub, "ABCD-EFGH-JK");
    CHECK(malformed.exitCode == 1);
    CHECK(malformed.err.find("has 28 letters and digits; this one has 10") != std::string::npos);
    auto foreign = device.enrol(otherHub, newCode(center));
    CHECK(foreign.exitCode == 1);
    CHECK(foreign.err.find("not valid for this center") != std::string::npos);
    CHECK_FALSE(device.hasCertificate());

    // The refusals used nothing up: a valid code still enrols the same device.
    auto right = device.enrol(hub, newCode(center));
    CHECK_MESSAGE(right.exitCode == 0, right.err);
}

TEST_CASE("an enrolled device keeps its enrolment when asked to enrol again") {
    CenterFixture center;
    RunningHub hub(center.center());
    NewDevice device;
    REQUIRE(device.enrol(hub, newCode(center)).exitCode == 0);
    const auto cert = fileBytes(device.data / "sync" / "device.crt");
    auto again = device.enrol(hub, newCode(center));
    CHECK(again.exitCode == 1);
    CHECK(again.err.find("already enrolled") != std::string::npos);
    CHECK(fileBytes(device.data / "sync" / "device.crt") == cert);
}
