// Structured logs and privacy (issue 20): a scenario with canary citizens through every service that logs
// (hub, daemon; enrolment, push, pull, a second device, a wipe order) and a scan of everything the programs
// wrote. Every line the services log is one JSON object with a time, level, program and event; no line of any
// program carries a citizen's name, CPR number, address or note.
#include "fixtures.hpp"

#include <boost/json/parse.hpp>
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

using namespace fieldkit::testing;

namespace {

const std::vector<std::string> kPin = {"FIELDKIT_PIN=2468"};

/** Values no program may ever write to a log: each is unique enough that a hit is a leak. */
const std::vector<std::string> kCanaries = {"Zebulon",         "Quixcanary",      "2902604321",
                                            "290260-4321",     "Kanarievej 4242", "xq7zcanarynote",
                                            "Qvistcanaryjorn", "1512874411",      "151287-4411"};

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) {
            lines.push_back(line);
        }
    }
    return lines;
}

std::string stringAt(const boost::json::object& entry, const char* key) {
    const auto* value = entry.if_contains(key);
    return value != nullptr && value->is_string() ? std::string(value->as_string()) : std::string();
}

/** The service's log lines, each checked as one JSON object with the fields every entry has. */
std::vector<boost::json::object> structuredLines(const std::string& program, const std::string& text) {
    std::vector<boost::json::object> entries;
    for (const auto& line : linesOf(text)) {
        CAPTURE(program);
        CAPTURE(line);
        boost::system::error_code ec;
        auto value = boost::json::parse(line, ec);
        REQUIRE_MESSAGE((!ec && value.is_object()), "not a JSON object");
        const auto& object = value.as_object();
        for (const auto* key : {"ts", "level", "program", "event", "msg"}) {
            REQUIRE_MESSAGE(object.contains(key), key);
            CHECK(object.at(key).is_string());
        }
        CHECK(stringAt(object, "program") == program);
        entries.push_back(object);
    }
    return entries;
}

bool hasEvent(const std::vector<boost::json::object>& entries, const std::string& event,
              const std::string& device = "") {
    for (const auto& e : entries) {
        if (stringAt(e, "event") == event && (device.empty() || stringAt(e, "device") == device)) {
            return true;
        }
    }
    return false;
}

/** All output of a scenario, by where it came from, for the canary scan. */
struct Transcript {
    std::vector<std::pair<std::string, std::string>> outputs;
    void add(const std::string& what, const Finished& r) {
        outputs.emplace_back(what + " (stdout)", r.out);
        outputs.emplace_back(what + " (stderr)", r.err);
    }
    void add(const std::string& what, const std::string& text) { outputs.emplace_back(what, text); }
};

std::string createCase(const std::filesystem::path& device, const std::string& json, Transcript& transcript) {
    const auto file = device / "case.json";
    std::ofstream(file) << json;
    auto r = runProcess({kCtl, "--data", device.string(), "case", "create", "--json", file.string()},
                        std::chrono::seconds(60), kPin);
    std::filesystem::remove(file);
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    transcript.add("fieldkit-ctl case create", r.err); // stdout is the case id
    return r.out;
}

} // namespace

TEST_CASE("services log one JSON object a line with an event, and no line of any program names a citizen") {
    Transcript transcript;
    CenterFixture center;
    RunningHub hub(center.center());

    // Device A enrols with a one-time code; device B is provisioned at the center.
    auto code = runProcess({kHub, "enroll-code", "--dir", center.center(), "--unit", center.unit});
    REQUIRE_MESSAGE(code.exitCode == 0, code.err);
    transcript.add("fieldkit-hub enroll-code", code.err);
    TempDir a;
    auto init = runProcess({kCtl, "--data", a.path().string(), "init", "--staff", "anna", "--unit",
                            center.unit, "--kdf-ms", "1"},
                           std::chrono::seconds(60), kPin);
    REQUIRE_MESSAGE(init.exitCode == 0, init.err);
    auto enrolled = runProcess({kSyncd, "enroll", "--data", a.path().string(), "--hub", hub.address(),
                                "--code", code.out.substr(0, code.out.find('\n'))});
    REQUIRE_MESSAGE(enrolled.exitCode == 0, enrolled.err);
    transcript.add("fieldkit-syncd enroll", enrolled);
    const std::string deviceA = enrolled.out.substr(enrolled.out.find("device ") + 7, 32);
    TempDir b;
    const std::string deviceB = center.provision(b.path().string());

    createCase(a.path(),
               R"({"service":"passport","channel":"bike","citizen":{"cpr":"2902604321","name":"Zebulon )"
               R"(Quixcanary","address":"Kanarievej 4242"},"notes":["xq7zcanarynote"]})",
               transcript);
    createCase(a.path(),
               R"({"service":"moving","channel":"bike","citizen":{"cpr":"1512874411","name":)"
               R"("Qvistcanaryjorn"}})",
               transcript);
    // An invalid CPR number is refused with a message that must not repeat it.
    {
        const auto file = a / "bad.json";
        std::ofstream(file) << R"({"service":"passport","channel":"bike","citizen":{"cpr":"2902614321",)"
                            << R"("name":"Zebulon Quixcanary"}})";
        auto bad = runProcess({kCtl, "--data", a.path().string(), "case", "create", "--json", file.string()},
                              std::chrono::seconds(60), kPin);
        CHECK(bad.exitCode != 0);
        transcript.add("fieldkit-ctl case create (invalid CPR)", bad);
    }

    // The daemon ships A's cases; B pulls them; then B is wiped by order of the center.
    ChildProcess daemon({kSyncd, "run", "--data", a.path().string(), "--hub", hub.address()});
    CHECK(eventually(
        [&] { return readAll(a / "sync" / "status.json").find("\"pending_ops\":0") != std::string::npos; },
        60));
    daemon.terminate();
    auto pulled = runProcess({kSyncd, "sync-once", "--data", b.path().string(), "--hub", hub.address()});
    CHECK_MESSAGE(pulled.exitCode == 0, pulled.err);
    transcript.add("fieldkit-syncd sync-once (B)", pulled);
    auto wipe = runProcess({kHub, "wipe", "--dir", center.center(), deviceB});
    REQUIRE_MESSAGE(wipe.exitCode == 0, wipe.err);
    transcript.add("fieldkit-hub wipe", wipe);
    auto wiped = runProcess({kSyncd, "sync-once", "--data", b.path().string(), "--hub", hub.address()});
    CHECK_MESSAGE(wiped.exitCode == 4, wiped.err);
    transcript.add("fieldkit-syncd sync-once (B, wiped)", wiped);
    hub.process.terminate();
    transcript.add("fieldkit-hub serve (stderr)", hub.process.err());
    transcript.add("fieldkit-hub serve (stdout)", hub.process.out());
    transcript.add("fieldkit-syncd run (stderr)", daemon.err());
    transcript.add("fieldkit-syncd run (stdout)", daemon.out());

    // The services' logs are structured, and say what happened to which device.
    const auto hubLog = structuredLines("fieldkit-hub", hub.process.err());
    CHECK(hasEvent(hubLog, "listening"));
    CHECK(hasEvent(hubLog, "device_enrolled", deviceA));
    CHECK(hasEvent(hubLog, "device_hello", deviceA));
    CHECK(hasEvent(hubLog, "push_applied", deviceA));
    CHECK(hasEvent(hubLog, "wipe_order_sent", deviceB));
    CHECK(hasEvent(hubLog, "wipe_confirmed", deviceB));
    CHECK(hasEvent(hubLog, "stopped"));
    const auto daemonLog = structuredLines("fieldkit-syncd", daemon.err());
    CHECK(hasEvent(daemonLog, "started", deviceA));
    CHECK(hasEvent(daemonLog, "synced"));
    CHECK(hasEvent(daemonLog, "stopped", deviceA));

    // The cases really went through (so the scan below covered a run that carried the canaries).
    auto exported = runProcess({kHub, "export", "--dir", center.center(), "--json"});
    CHECK(exported.out.find("Quixcanary") != std::string::npos);

    std::size_t scanned = 0;
    for (const auto& [what, text] : transcript.outputs) {
        for (const auto& line : linesOf(text)) {
            ++scanned;
            for (const auto& canary : kCanaries) {
                CHECK_MESSAGE(line.find(canary) == std::string::npos, what << " names a citizen: " << line);
            }
        }
    }
    MESSAGE(scanned << " lines scanned");
    CHECK(scanned > 20);
}
