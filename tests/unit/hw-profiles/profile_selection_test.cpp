#include "test_support.hpp"

#include <doctest/doctest.h>
#include <fieldkit/hw/profile_selection.hpp>
#include <string>
#include <vector>

using namespace fieldkit::hw;

namespace {

std::vector<Profile> shippedProfiles() {
    auto all = loadAllProfiles(shippedProfilesDir());
    REQUIRE(all.ok());
    return *all;
}

} // namespace

TEST_CASE("selection precedence: --profile, then FIELDKIT_PROFILE, then DMI, then desktop-dev") {
    const auto available = shippedProfiles();
    struct Row {
        const char* cli;
        const char* env;
        const char* dmi;
        const char* expectedName;
        SelectionSource expectedSource;
        const char* reasonPart;
    };
    const std::vector<Row> rows = {
        {"togo-tablet", "station-kiosk", "FZ-G1AABJXBE", "togo-tablet", SelectionSource::CommandLine,
         "--profile"},
        {"", "station-kiosk", "FZ-G1AABJXBE", "station-kiosk", SelectionSource::Environment,
         "FIELDKIT_PROFILE"},
        {"  ", " \n", "FZ-G1AABJXBE\n", "bike-tablet", SelectionSource::DmiMatch,
         "matches its pattern \"FZ-G1*\""},
        {"", "", "FZ-55 TOUGHBOOK G2", "bike-tablet", SelectionSource::DmiMatch, "\"*TOUGHBOOK G2*\""},
        {"", "", "surface go 3", "togo-tablet", SelectionSource::DmiMatch, "\"Surface Go*\""},
        {"", "", "Elo I-Series 4.0 Value", "station-kiosk", SelectionSource::DmiMatch, "\"*I-Series*\""},
        {"", "", "ESY22i4", "station-kiosk", SelectionSource::DmiMatch, "\"ESY22I*\""},
        {"", "", "Latitude 7420", "desktop-dev", SelectionSource::Fallback,
         "\"Latitude 7420\" matches no profile"},
        {"", "", "", "desktop-dev", SelectionSource::Fallback, "product name could not be read"},
        // An unknown explicit name is passed through: loadNamedProfile then refuses it loudly.
        {"rickshaw", "", "FZ-G1AABJXBE", "rickshaw", SelectionSource::CommandLine, "\"rickshaw\""},
    };
    for (const auto& row : rows) {
        CAPTURE(row.cli);
        CAPTURE(row.env);
        CAPTURE(row.dmi);
        const auto selection = selectProfile(row.cli, row.env, row.dmi, available);
        CAPTURE(selection.reason);
        CHECK(selection.name == row.expectedName);
        CHECK(selection.source == row.expectedSource);
        CHECK(selection.reason.find(row.reasonPart) != std::string::npos);
        CHECK(selection.reason.find("\"" + std::string(row.expectedName) + "\"") != std::string::npos);
    }
}

TEST_CASE("with no profiles to match against, detection falls back") {
    const auto selection = selectProfile("", "", "FZ-G1AABJXBE", {});
    CHECK(selection.name == "desktop-dev");
    CHECK(selection.source == SelectionSource::Fallback);
}

TEST_CASE("the first profile in the given order wins when several patterns match") {
    Profile a;
    a.name = "a";
    a.dmiPatterns = {"*tab*"};
    Profile b;
    b.name = "b";
    b.dmiPatterns = {"Rugged*"};
    const std::vector<Profile> profiles{a, b};
    CHECK(selectProfile("", "", "Rugged Tablet", profiles).name == "a");
}

TEST_CASE("DMI patterns are case-insensitive globs over the whole name") {
    struct Row {
        const char* pattern;
        const char* name;
        bool matches;
    };
    const std::vector<Row> rows = {
        {"FZ-G1*", "FZ-G1AABJXBE", true},
        {"fz-g1*", "FZ-G1AABJXBE", true},
        {"FZ-G1*", "XFZ-G1", false},
        {"FZ-G1", "FZ-G1AABJXBE", false},
        {"*I-Series*", "Elo I-Series 4.0", true},
        {"a?c", "abc", true},
        {"a?c", "ac", false},
        {"*", "", true},
        {"", "", true},
        {"", "x", false},
        {"**a**", "bab", true},
        {"*a*b", "acb", true},
        {"*a*b", "acbc", false},
        {"*aab", "aaaab", true},
        {"Surface Go*", "Surface Go 3", true},
        {"Surface Go*", "Surface Pro 9", false},
    };
    for (const auto& row : rows) {
        CAPTURE(row.pattern);
        CAPTURE(row.name);
        CHECK(matchesDmiPattern(row.pattern, row.name) == row.matches);
    }
}
