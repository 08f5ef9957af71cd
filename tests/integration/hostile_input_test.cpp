// Issue 15, findings 2, 3 and 6: hostile numbers, files and text on the command line get one clear sentence
// and exit 1 or 2; no program aborts (134) on them.
#include "fixtures.hpp"

#include <algorithm>
#include <doctest/doctest.h>
// Boost.JSON compiled into this one file (header-only mode), to parse back what the programs write.
#include <boost/json/src.hpp>
#include <fstream>

using namespace fieldkit::testing;

namespace {

const std::vector<std::string> kPin = {"FIELDKIT_PIN=2468"};

std::vector<std::string> ctl(const TempDir& data, std::vector<std::string> words) {
    words.insert(words.begin(), {kCtl, "--data", data.path().string()});
    return words;
}

void initStore(const TempDir& data) {
    auto r = runProcess(ctl(data, {"init", "--staff", "anna", "--standalone", "--kdf-ms", "1"}),
                        std::chrono::seconds(60), kPin);
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
}

/** Refused as a malformed command line (exit 2) with one line that names the option and says what it must
 *  be; never an abort. */
void checkRefused(const Finished& r, const std::string& option) {
    CAPTURE(r.err);
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("--" + option + ": must be ") != std::string::npos);
    CHECK(r.err.find("terminate") == std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

} // namespace

TEST_CASE("fieldkit-ctl refuses non-numeric and out-of-range numbers, naming the option and its range") {
    TempDir data;
    initStore(data);
    for (const char* bad : {"abc", "10x", "0", "-1", "99999999999999999999", "1e3"}) {
        CAPTURE(bad);
        checkRefused(
            runProcess(ctl(data, {"case", "list", "--json", "--limit", bad}), std::chrono::seconds(60), kPin),
            "limit");
        checkRefused(
            runProcess(ctl(data, {"case", "generate", "--count", bad}), std::chrono::seconds(60), kPin),
            "count");
    }
    for (const char* bad : {"abc", "-1", "18446744073709551616", "1.5"}) {
        CAPTURE(bad);
        checkRefused(runProcess(ctl(data, {"case", "generate", "--count", "1", "--seed", bad}),
                                std::chrono::seconds(60), kPin),
                     "seed");
    }
    for (const char* bad : {"nan", "inf", "-inf", "1e300", "-1", "abc"}) {
        CAPTURE(bad);
        checkRefused(runProcess(ctl(data, {"purge", "--older-than", bad}), std::chrono::seconds(60), kPin),
                     "older-than");
    }
    // Nothing was generated or purged by any of them.
    auto list = runProcess(ctl(data, {"case", "list", "--json"}), std::chrono::seconds(60), kPin);
    CHECK(list.out == "[]\n");
}

TEST_CASE("fieldkit-ctl given a folder where a file belongs says so and exits 1") {
    TempDir data;
    initStore(data);
    TempDir folder;
    auto created =
        runProcess(ctl(data, {"case", "generate", "--count", "1"}), std::chrono::seconds(60), kPin);
    REQUIRE(created.exitCode == 0);
    const std::string id = created.out.substr(0, 32);
    auto attach =
        runProcess(ctl(data, {"case", "attach", id, "--file", folder.path().string(), "--type", "image/png"}),
                   std::chrono::seconds(60), kPin);
    CHECK(attach.exitCode == 1);
    CHECK(attach.err.find("not a regular file") != std::string::npos);
    auto create = runProcess(ctl(data, {"case", "create", "--json", folder.path().string()}),
                             std::chrono::seconds(60), kPin);
    CHECK(create.exitCode == 1);
    CHECK(create.err.find("not a regular file") != std::string::npos);
}

TEST_CASE("fieldkit-hub and fieldkit-syncd refuse numbers that would overflow, naming the option") {
    CenterFixture center;
    checkRefused(runProcess({kHub, "enroll-code", "--dir", center.center(), "--unit", center.unit,
                             "--valid-seconds", "9223372036854775807"}),
                 "valid-seconds");
    checkRefused(runProcess({kHub, "serve", "--dir", center.center(), "--listen", "127.0.0.1:0",
                             "--idle-seconds", "10000000000"}),
                 "idle-seconds");
    checkRefused(runProcess({kHub, "serve", "--dir", center.center(), "--listen", "127.0.0.1:0",
                             "--oldest-schema", "x"}),
                 "oldest-schema");
    TempDir device;
    center.provision(device.path().string());
    checkRefused(runProcess({kSyncd, "sync-once", "--data", device.path().string(), "--hub", "127.0.0.1:1",
                             "--rounds", "abc"}),
                 "rounds");
}

TEST_CASE("text that is not UTF-8 is refused on every program's command line") {
    TempDir data;
    initStore(data);
    auto created =
        runProcess(ctl(data, {"case", "generate", "--count", "1"}), std::chrono::seconds(60), kPin);
    REQUIRE(created.exitCode == 0);
    const std::string id = created.out.substr(0, 32);
    auto set = runProcess(ctl(data, {"case", "set", id, "--name", "Anna \xff Jensen"}),
                          std::chrono::seconds(60), kPin);
    CHECK(set.exitCode == 2);
    CHECK(set.err.find("The value of --name is not valid UTF-8 text.") != std::string::npos);
    auto show = runProcess(ctl(data, {"case", "show", id, "--json"}), std::chrono::seconds(60), kPin);
    CHECK(show.out.find("\xff") == std::string::npos);
    for (const auto& program : {kHub, kSyncd, kCtl}) {
        auto r = runProcess({program, "--data", "/tmp/\xc3\x28"});
        CHECK_MESSAGE(r.exitCode == 2, program);
        CHECK(r.err.find("is not valid UTF-8 text") != std::string::npos);
    }
}

namespace {

bool containsString(const boost::json::value& value, const std::string& wanted) {
    if (const auto* s = value.if_string()) {
        return *s == wanted;
    }
    if (const auto* a = value.if_array()) {
        return std::any_of(a->begin(), a->end(), [&](const auto& v) { return containsString(v, wanted); });
    }
    if (const auto* o = value.if_object()) {
        return std::any_of(o->begin(), o->end(),
                           [&](const auto& kv) { return containsString(kv.value(), wanted); });
    }
    return false;
}

} // namespace

TEST_CASE("the center's export of odd text parses back as JSON with every value intact") {
    CenterFixture center;
    TempDir device;
    center.provision(device.path().string());
    RunningHub hub{center.center()};
    // The first sync files away the enrolment keys, so the store can seal cases for center and unit.
    auto first = runProcess({kSyncd, "sync-once", "--data", device.path().string(), "--hub", hub.address()});
    REQUIRE_MESSAGE(first.exitCode == 0, first.err);
    // Quotes, a backslash, control characters, a line separator, a bicycle outside the BMP, Danish letters.
    const std::string name = "\xc3\x86"
                             "bel \"Q\" \\ \x01\x1f \xe2\x80\xa8 \xf0\x9f\x9a\xb2 S\xc3\xb8ren";
    const std::string note = "line one\nline two\ttab \x7f end";
    TempDir files;
    const auto file = files / "case.json";
    std::ofstream(file) << boost::json::serialize(
        boost::json::object{{"service", "passport"},
                            {"channel", "bike"},
                            {"citizen", boost::json::object{{"cpr", "0707614285"}, {"name", name}}},
                            {"notes", boost::json::array{note}}});
    auto created =
        runProcess({kCtl, "--data", device.path().string(), "case", "create", "--json", file.string()},
                   std::chrono::seconds(60), kPin);
    REQUIRE_MESSAGE(created.exitCode == 0, created.err);
    auto sync = runProcess({kSyncd, "sync-once", "--data", device.path().string(), "--hub", hub.address()});
    REQUIRE_MESSAGE(sync.exitCode == 0, sync.err);

    auto exported = runProcess({kHub, "export", "--dir", center.center(), "--json"});
    REQUIRE_MESSAGE(exported.exitCode == 0, exported.err);
    boost::json::error_code ec;
    const auto parsed = boost::json::parse(exported.out, ec);
    REQUIRE_MESSAGE(!ec, ec.message());
    CHECK(containsString(parsed, name));
    CHECK(containsString(parsed, note));

    auto shown = runProcess(
        {kCtl, "--data", device.path().string(), "case", "show", created.out.substr(0, 32), "--json"},
        std::chrono::seconds(60), kPin);
    REQUIRE(shown.exitCode == 0);
    const auto back = boost::json::parse(shown.out, ec);
    REQUIRE_MESSAGE(!ec, ec.message());
    CHECK(containsString(back, name));
}

TEST_CASE("the hub's ops listener refuses oversized and non-GET requests and keeps serving") {
    CenterFixture center;
    RunningHub hub(center.center());
    const std::string huge =
        "GET /metrics HTTP/1.1\r\nHost: localhost\r\nX-Filler: " + std::string(16 * 1024, 'a') + "\r\n\r\n";
    CHECK(httpExchange(hub.opsPort, huge).starts_with("HTTP/1.1 431"));
    const auto posted =
        httpExchange(hub.opsPort, "POST /metrics HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n");
    CHECK(posted.starts_with("HTTP/1.1 405"));
    CHECK(posted.find("Allow: GET") != std::string::npos);
    CHECK(httpExchange(hub.opsPort, "GET /nothing HTTP/1.1\r\n\r\n").starts_with("HTTP/1.1 404"));
    CHECK(httpGet(hub.opsPort, "/healthz").find("\r\n\r\nok\n") != std::string::npos);
}
