#include "test_support.hpp"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <fieldkit/hw/profile_files.hpp>
#include <string>
#include <vector>

using namespace fieldkit::hw;
using fieldkit::hw::test::TempDir;

TEST_CASE("the four shipped profiles are listed and every one validates") {
    auto names = listProfiles(shippedProfilesDir());
    REQUIRE(names.ok());
    CHECK(*names == std::vector<std::string>{"bike-tablet", "desktop-dev", "station-kiosk", "togo-tablet"});
    for (const auto& name : *names) {
        CAPTURE(name);
        auto profile = loadNamedProfile(name, shippedProfilesDir());
        REQUIRE_MESSAGE(profile.ok(), profile.error().message);
        CHECK(profile->name == name);
    }
    auto all = loadAllProfiles(shippedProfilesDir());
    REQUIRE(all.ok());
    CHECK(all->size() == 4);
}

TEST_CASE("the shipped profiles say what the field conditions need") {
    const auto& bike = test::shipped("bike-tablet");
    CHECK(bike.input.minTouchTargetMm >= 10.0);
    CHECK(bike.theme == Theme::HighContrast);
    CHECK(bike.channel == Channel::Bike);
    CHECK(bike.power.battery);
    CHECK(bike.network.metered);
    CHECK(bike.display.widthPx == 1920);
    CHECK(bike.display.heightPx == 1200);
    CHECK(bike.display.diagonalInches == doctest::Approx(10.1));

    const auto& togo = test::shipped("togo-tablet");
    CHECK(togo.channel == Channel::ToGo);
    CHECK(togo.power.battery);
    CHECK(togo.sync.attachments == AttachmentRule::ChargingOrUnmetered);

    const auto& kiosk = test::shipped("station-kiosk");
    CHECK(kiosk.channel == Channel::Kiosk);
    CHECK(kiosk.input.onScreenKeyboard);
    CHECK(kiosk.input.touch);
    CHECK(kiosk.kiosk.lockDown);
    CHECK(kiosk.kiosk.idleResetSeconds == 60);
    CHECK_FALSE(kiosk.power.battery);
    CHECK(kiosk.display.diagonalInches >= 21.5);

    const auto& dev = test::shipped("desktop-dev");
    CHECK(dev.dmiPatterns.empty()); // the fallback is never detected, only fallen back to
    CHECK_FALSE(dev.input.touch);

    for (const auto* p : {&bike, &togo, &kiosk, &dev}) {
        CAPTURE(p->name);
        CHECK(p->security.retentionHours == 24);
        CHECK(p->security.argon2TimeBudgetMs <= 1000);
        // The DPI must agree with the diagonal and the resolution, or millimetre sizes come out wrong.
        const double diagonalPx = std::hypot(p->display.widthPx, p->display.heightPx);
        CHECK(diagonalPx / p->display.diagonalInches == doctest::Approx(p->display.dpi).epsilon(0.02));
    }
}

TEST_CASE("the profiles directory is the shipped one unless overridden") {
    CHECK(resolveProfilesDir("") == shippedProfilesDir());
    CHECK(resolveProfilesDir("/etc/fieldkit/profiles") == std::filesystem::path("/etc/fieldkit/profiles"));
    CHECK(std::filesystem::exists(shippedProfilesDir() / "bike-tablet.json"));
}

TEST_CASE("an override directory is used as given") {
    TempDir dir;
    auto bike = test::readText(shippedProfilesDir() / "bike-tablet.json");
    dir.write("bike-tablet.json", bike);
    dir.write("notes.txt", "not a profile");
    auto names = listProfiles(dir.path());
    REQUIRE(names.ok());
    CHECK(*names == std::vector<std::string>{"bike-tablet"});
    auto loaded = loadNamedProfile("bike-tablet", dir.path());
    REQUIRE(loaded.ok());
    CHECK(*loaded == test::shipped("bike-tablet"));
}

TEST_CASE("an unknown profile name is refused with the names that exist") {
    auto missing = loadNamedProfile("rickshaw", shippedProfilesDir());
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == "profile_not_found");
    CHECK(missing.error().message.find("\"rickshaw\"") != std::string::npos);
    CHECK(missing.error().message.find("bike-tablet, desktop-dev, station-kiosk, togo-tablet") !=
          std::string::npos);
}

TEST_CASE("a profile name cannot walk out of the profiles directory") {
    for (const char* name : {"../etc/passwd", "bike-tablet.json", "Bike", "", "a/b"}) {
        CAPTURE(name);
        auto result = loadNamedProfile(name, shippedProfilesDir());
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == "profile_bad_name");
    }
}

TEST_CASE("a profile whose name field disagrees with its file name is refused") {
    TempDir dir;
    dir.write("rugged.json", test::readText(shippedProfilesDir() / "bike-tablet.json"));
    auto result = loadNamedProfile("rugged", dir.path());
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == "profile_name_mismatch");
    CHECK(result.error().message.find("rugged.json") != std::string::npos);
}

TEST_CASE("one bad profile in the directory fails the whole load, naming that file") {
    TempDir dir;
    dir.write("bike-tablet.json", test::readText(shippedProfilesDir() / "bike-tablet.json"));
    dir.write("broken.json", "{");
    auto all = loadAllProfiles(dir.path());
    REQUIRE_FALSE(all.ok());
    CHECK(all.error().code == "profile_not_json");
    CHECK(all.error().message.find("broken.json") != std::string::npos);
}

TEST_CASE("unreadable files and directories give errors, not empty results") {
    TempDir dir;
    auto file = loadProfileFile(dir.path() / "absent.json");
    REQUIRE_FALSE(file.ok());
    CHECK(file.error().code == "profile_unreadable");
    CHECK(file.error().message.find("absent.json") != std::string::npos);

    auto list = listProfiles(dir.path() / "no-such-dir");
    REQUIRE_FALSE(list.ok());
    CHECK(list.error().code == "profile_dir_unreadable");

    auto huge = std::string(std::size_t{2} * 1024 * 1024, ' ');
    dir.write("huge.json", huge);
    auto tooLarge = loadProfileFile(dir.path() / "huge.json");
    REQUIRE_FALSE(tooLarge.ok());
    CHECK(tooLarge.error().code == "profile_too_large");
}
