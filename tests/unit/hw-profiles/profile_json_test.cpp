#include "test_support.hpp"

#include <doctest/doctest.h>
#include <fieldkit/hw/profile_files.hpp>
#include <fieldkit/hw/profile_json.hpp>
#include <string>
#include <vector>

using namespace fieldkit::hw;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

/** Text of a shipped profile with one substring replaced, for the cases a fixture file would only repeat. */
std::string shippedWith(const std::string& name, const std::string& from, const std::string& to) {
    auto text = test::readText(shippedProfilesDir() / (name + ".json"));
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    return text.replace(at, from.size(), to);
}

} // namespace

TEST_CASE("each malformed fixture gives its one expected message") {
    struct Row {
        const char* file;
        const char* code;
        std::vector<std::string> parts; // all must appear in the message
    };
    const std::vector<Row> rows = {
        {"bad-missing-field.json", "profile_missing", {"power.low_percent", "missing"}},
        {"bad-wrong-type.json",
         "profile_wrong_type",
         {"display.dpi", "wrong type", "an integer", "a string"}},
        {"bad-out-of-range.json",
         "profile_out_of_range",
         {"power.low_percent", "out of range", "150", "1 and 90"}},
        {"bad-unknown-key.json",
         "profile_unknown_key",
         {"sync.interval_secs", "unknown key", "interval_seconds"}},
        {"bad-not-json.json", "profile_not_json", {"not valid JSON", "line 4"}},
        {"bad-empty.json", "profile_empty", {"is empty"}},
        {"bad-critical-above-low.json",
         "profile_out_of_range",
         {"power.critical_percent", "power.low_percent"}},
        {"bad-bike-touch-target.json",
         "profile_out_of_range",
         {"input.min_touch_target_mm", "10 mm", "bike"}},
        {"bad-enum-value.json", "profile_out_of_range", {"theme", "\"dark\"", "normal, high-contrast"}},
        {"bad-resolution-length.json", "profile_wrong_type", {"display.resolution", "2 elements", "found 1"}},
        {"bad-nested-null.json", "profile_wrong_type", {"sync.low_battery.mode", "a string", "null"}},
        {"bad-duplicate-key.json", "profile_duplicate_key", {"power.low_percent", "appears twice"}},
        {"bad-top-level-array.json", "profile_wrong_type", {"the document", "an object", "an array"}},
        {"bad-glove-mode.json",
         "profile_wrong_type",
         {"input.glove_mode", "a boolean (true or false)", "a string"}},
    };
    for (const auto& row : rows) {
        CAPTURE(row.file);
        auto result = loadProfileFile(test::kFixtures / row.file);
        REQUIRE_FALSE(result.ok());
        const auto& error = result.error();
        CAPTURE(error.message);
        CHECK(error.code == row.code);
        CHECK(contains(error.message, row.file)); // the file is always named
        for (const auto& part : row.parts) {
            CHECK_MESSAGE(contains(error.message, part), part);
        }
        CHECK(error.message.find('\n') == std::string::npos); // one message, one line
    }
}

TEST_CASE("every fixture in tests/data/profiles is covered by the table above") {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(test::kFixtures)) {
        files.push_back(entry.path().filename().string());
    }
    CHECK(files.size() == 14);
}

TEST_CASE("every shipped profile round-trips through profileToJson and parseProfile") {
    for (const char* name : {"bike-tablet", "togo-tablet", "station-kiosk", "desktop-dev"}) {
        CAPTURE(name);
        const auto& profile = test::shipped(name);
        const auto json = profileToJson(profile);
        auto back = parseProfile(json, "show.json");
        REQUIRE_MESSAGE(back.ok(), back.error().message);
        CHECK(*back == profile);
        CHECK(profileToJson(*back) == json);
    }
}

TEST_CASE("the shipped files are in the canonical form profileToJson writes") {
    // So `fieldkit-ctl profile show` output can be diffed against the file, and edits stay tidy.
    for (const char* name : {"bike-tablet", "togo-tablet", "station-kiosk", "desktop-dev"}) {
        CAPTURE(name);
        CHECK(profileToJson(test::shipped(name)) ==
              test::readText(shippedProfilesDir() / (std::string(name) + ".json")));
    }
}

TEST_CASE("profileToJson writes people-readable numbers and the schema's field order") {
    const auto json = profileToJson(test::shipped("bike-tablet"));
    CHECK(contains(json, "\"diagonal_in\": 10.1,"));
    CHECK(contains(json, "\"scale\": 2.0,"));
    CHECK(contains(json, "\"resolution\": [1920, 1200],"));
    CHECK(json.find("\"name\"") < json.find("\"display\""));
    CHECK(json.find("\"display\"") < json.find("\"dmi_patterns\""));
    CHECK(json.back() == '\n');
}

TEST_CASE("retention_hours may be left out and then is 24") {
    auto result = parseProfile(shippedWith("togo-tablet", "\"retention_hours\": 24,", ""), "togo.json");
    REQUIRE_MESSAGE(result.ok(), result.error().message);
    CHECK(result->security.retentionHours == 24);

    auto custom = parseProfile(
        shippedWith("togo-tablet", "\"retention_hours\": 24,", "\"retention_hours\": 48,"), "togo.json");
    REQUIRE(custom.ok());
    CHECK(custom->security.retentionHours == 48);
}

TEST_CASE("strict number handling") {
    SUBCASE("a fraction where an integer belongs is the wrong type") {
        auto r = parseProfile(shippedWith("bike-tablet", "\"dpi\": 224", "\"dpi\": 224.5"), "b.json");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "profile_wrong_type");
        CHECK(contains(r.error().message, "display.dpi"));
    }
    SUBCASE("an integer where a number belongs is fine") {
        auto r = parseProfile(shippedWith("bike-tablet", "\"diagonal_in\": 10.1", "\"diagonal_in\": 10"),
                              "b.json");
        REQUIRE(r.ok());
        CHECK(r->display.diagonalInches == 10.0);
    }
    SUBCASE("a number beyond int64 is out of range, not wrapped") {
        auto r = parseProfile(shippedWith("bike-tablet", "\"dpi\": 224", "\"dpi\": 18446744073709551615"),
                              "b.json");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "profile_out_of_range");
    }
    SUBCASE("a negative count is out of range") {
        auto r = parseProfile(
            shippedWith("bike-tablet", "\"max_ops_per_batch\": 200", "\"max_ops_per_batch\": -1"), "b.json");
        REQUIRE_FALSE(r.ok());
        CHECK(contains(r.error().message, "sync.max_ops_per_batch is out of range: -1"));
    }
}

TEST_CASE("not-JSON variants are refused with a position") {
    for (const char* text : {"{", "{\"name\": \"x\"} {}", "// comment\n{}", "\xEF\xBB\xBF{}", "nul"}) {
        CAPTURE(text);
        auto r = parseProfile(text, "x.json");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "profile_not_json");
        CHECK(contains(r.error().message, "Profile x.json is not valid JSON (line 1, column"));
    }
    auto blank = parseProfile(" \n\t ", "blank.json");
    REQUIRE_FALSE(blank.ok());
    CHECK(blank.error().code == "profile_empty");
}

TEST_CASE("duplicate keys are found at any depth, with their path") {
    const std::vector<std::pair<const char*, const char*>> rows = {
        {R"({"a": 1, "a": 2})", ": a appears twice"},
        {R"({"sync": {"low_battery": {"mode": "pause", "mode": "normal"}}})",
         ": sync.low_battery.mode appears twice"},
        {R"({"x": [1, {"k": 1}, {"k": 1, "k": 2}]})", ": x[2].k appears twice"},
        {R"({"x": [[], [{"k\u0041": 1, "kA": 2}]]})", ": x[1][0].kA appears twice"},
    };
    for (const auto& row : rows) {
        const auto* text = row.first;
        const std::string part = row.second;
        CAPTURE(text);
        auto r = parseProfile(text, "d.json");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "profile_duplicate_key");
        CHECK(contains(r.error().message, part));
    }
}

TEST_CASE("the first problem in document order is the one reported") {
    // Unknown keys of an object are reported before its missing fields: a typo explains the "missing" field.
    auto r = parseProfile(R"({"nam": "x"})", "x.json");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "profile_unknown_key");
    CHECK(contains(r.error().message, "x.json: nam is an unknown key"));

    auto first = parseProfile(R"({})", "x.json");
    REQUIRE_FALSE(first.ok());
    CHECK(first.error().message == "Profile x.json: name is missing.");
}
