// The device store through fieldkit-ctl as real processes: kill -9 while writing, and clear errors.
#include "fixtures.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <thread>

using namespace fieldkit::testing;

namespace {

const std::vector<std::string> kPin = {"FIELDKIT_PIN=2468"};

std::vector<std::string> ctl(const TempDir& data, std::vector<std::string> words) {
    std::vector<std::string> argv = {kCtl, "--data", data.path().string()};
    argv.insert(argv.end(), words.begin(), words.end());
    return argv;
}

std::set<std::string> lines(const std::string& text) {
    std::set<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (line.size() == 32) {
            out.insert(line);
        }
    }
    return out;
}

void initStore(const TempDir& data) {
    auto init = runProcess(ctl(data, {"init", "--staff", "anna", "--standalone", "--kdf-ms", "1"}),
                           std::chrono::seconds(60), kPin);
    REQUIRE_MESSAGE(init.exitCode == 0, init.err);
}

} // namespace

TEST_CASE("kill -9 while writing cases: every acknowledged case survives whole and verify passes") {
    TempDir data;
    initStore(data);
    std::mt19937 random(20261123);
    std::uniform_int_distribution<int> pause(0, 250);
    std::set<std::string> acknowledged;
    for (int round = 0; round < 50; ++round) {
        ChildProcess writer(
            ctl(data, {"case", "generate", "--count", "100000", "--seed", std::to_string(round + 1)}), kPin);
        // Kill while it writes, not while it starts: wait for its first durable case, then a random moment.
        REQUIRE_MESSAGE(writer.waitForLine("", std::chrono::seconds(60)).has_value(), writer.err());
        std::this_thread::sleep_for(std::chrono::milliseconds(pause(random)));
        writer.kill9();
        writer.wait(std::chrono::seconds(5));
        const auto written = lines(writer.out());
        acknowledged.insert(written.begin(), written.end());

        auto verify = runProcess(ctl(data, {"verify"}), std::chrono::seconds(60), kPin);
        REQUIRE_MESSAGE(verify.exitCode == 0, "round " << round << ": " << verify.err);
    }
    auto list = runProcess(ctl(data, {"case", "list", "--json", "--limit", "1000000"}),
                           std::chrono::seconds(60), kPin);
    REQUIRE(list.exitCode == 0);
    std::size_t missing = 0;
    for (const auto& id : acknowledged) {
        missing += list.out.find(id) == std::string::npos ? 1 : 0;
    }
    MESSAGE(acknowledged.size() << " cases acknowledged before 50 kills");
    CHECK(acknowledged.size() > 50);
    CHECK(missing == 0);
}

TEST_CASE("fieldkit-ctl reports bad input in one clear sentence and changes nothing") {
    TempDir data;
    initStore(data);
    TempDir files;
    const auto write = [&](const std::string& name, const std::string& text) {
        const auto path = files / name;
        std::ofstream(path) << text;
        return path.string();
    };
    struct Bad {
        std::string json;
        std::string message;
    };
    const std::vector<Bad> cases = {
        {"{not json", "not valid JSON"},
        {R"({"service":"passport"})", "channel is required"},
        {R"({"service":"teleport","channel":"bike"})", "no service with the code"},
        {R"({"service":"passport","channel":"bike","citizen":{"cpr":"3102611234"}})", "day"},
        {R"({"service":"passport","channel":"bike","notes":"one"})", "notes must be an array"},
    };
    for (const auto& bad : cases) {
        auto r = runProcess(ctl(data, {"case", "create", "--json", write("bad.json", bad.json)}),
                            std::chrono::seconds(60), kPin);
        CHECK(r.exitCode == 1);
        CHECK_MESSAGE(r.err.find(bad.message) != std::string::npos, r.err);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    }
    auto list = runProcess(ctl(data, {"case", "list", "--json"}), std::chrono::seconds(60), kPin);
    CHECK(list.out == "[]\n");

    auto wrongPin =
        runProcess(ctl(data, {"case", "list", "--json"}), std::chrono::seconds(60), {"FIELDKIT_PIN=1"});
    CHECK(wrongPin.exitCode == 1);
    CHECK(wrongPin.err.find("9 attempts left") != std::string::npos);

    auto foreign =
        runProcess({kCtl, "--data", files.path().string(), "verify"}, std::chrono::seconds(60), kPin);
    CHECK(foreign.exitCode == 1);
    CHECK(foreign.err.find("no store") != std::string::npos);
}

TEST_CASE("a modulus-11 failure is accepted with a note") {
    TempDir data;
    initStore(data);
    TempDir files;
    const auto path = files / "case.json";
    std::ofstream(path)
        << R"({"service":"passport","channel":"bike","citizen":{"cpr":"010170-1234","name":"A B"}})";
    auto r =
        runProcess(ctl(data, {"case", "create", "--json", path.string()}), std::chrono::seconds(60), kPin);
    CHECK(r.exitCode == 0);
    CHECK(r.err.find("modulus-11") != std::string::npos);
    auto found = runProcess(ctl(data, {"case", "find", "--cpr", "0101701234", "--json"}),
                            std::chrono::seconds(60), kPin);
    CHECK(found.out.find(r.out.substr(0, 32)) != std::string::npos);
}

TEST_CASE("fieldkit-ctl checks profiles and shows the resolved one with the reason") {
    const std::string shipped = std::string(FIELDKIT_SOURCE_DIR) + "/hw-profiles/profiles/station-kiosk.json";
    auto ok = runProcess({kCtl, "profile", "check", shipped});
    CHECK(ok.exitCode == 0);
    CHECK(ok.out.find("profile station-kiosk is valid") != std::string::npos);
    const std::string broken =
        std::string(FIELDKIT_SOURCE_DIR) + "/tests/data/profiles/bad-missing-field.json";
    auto bad = runProcess({kCtl, "profile", "check", broken});
    CHECK(bad.exitCode == 1);
    CHECK(bad.err.find("bad-missing-field.json") != std::string::npos);
    CHECK(bad.err.find("missing") != std::string::npos);
    auto show =
        runProcess({kCtl, "profile", "show"}, std::chrono::seconds(30), {"FIELDKIT_PROFILE=togo-tablet"});
    CHECK(show.exitCode == 0);
    CHECK(show.out.find("\"name\": \"togo-tablet\"") != std::string::npos);
    CHECK(show.err.find("FIELDKIT_PROFILE") != std::string::npos);
}
