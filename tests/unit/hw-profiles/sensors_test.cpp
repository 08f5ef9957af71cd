// Every sensor test builds a fake sysfs tree in a temp dir; none reads the machine it runs on.
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <fieldkit/hw/dmi_product_name.hpp>
#include <fieldkit/hw/fake_sensors.hpp>
#include <fieldkit/hw/sysfs_battery_sensor.hpp>
#include <fieldkit/hw/sysfs_link_sensor.hpp>
#include <memory>

using namespace fieldkit::hw;
using fieldkit::hw::test::TempDir;

namespace {

void battery(const TempDir& dir, const std::string& name, const std::string& capacity,
             const std::string& status) {
    dir.write(name + "/type", "Battery\n");
    dir.write(name + "/capacity", capacity + "\n");
    dir.write(name + "/status", status + "\n");
    dir.write(name + "/present", "1\n");
}

void mains(const TempDir& dir, const std::string& name, bool online) {
    dir.write(name + "/type", "Mains\n");
    dir.write(name + "/online", online ? "1\n" : "0\n");
}

BatteryState readBattery(const TempDir& dir) {
    auto state = SysfsBatterySensor(dir.path()).read();
    REQUIRE_MESSAGE(state.ok(), state.error().message);
    return *state;
}

void iface(const TempDir& dir, const std::string& name, const std::string& operstate, const char* carrier) {
    dir.write(name + "/operstate", operstate + "\n");
    if (carrier != nullptr) {
        dir.write(name + "/carrier", std::string(carrier) + "\n");
    }
}

LinkReading readLink(const TempDir& dir) {
    auto reading = SysfsLinkSensor(dir.path()).read();
    REQUIRE_MESSAGE(reading.ok(), reading.error().message);
    return *reading;
}

} // namespace

TEST_CASE("battery: level and charging from power_supply") {
    TempDir dir;
    SUBCASE("discharging on battery") {
        battery(dir, "BAT0", "57", "Discharging");
        mains(dir, "AC", false);
        CHECK(readBattery(dir) == BatteryState{true, 57, false});
    }
    SUBCASE("charging") {
        battery(dir, "BAT0", "15", "Charging");
        CHECK(readBattery(dir) == BatteryState{true, 15, true});
    }
    SUBCASE("full counts as external power") {
        battery(dir, "BAT0", "100", "Full");
        CHECK(readBattery(dir) == BatteryState{true, 100, true});
    }
    SUBCASE("not charging at a charge threshold, but the charger is online") {
        battery(dir, "BAT0", "80", "Not charging");
        mains(dir, "ADP1", true);
        CHECK(readBattery(dir) == BatteryState{true, 80, true});
    }
    SUBCASE("two batteries (hot-swap) give their mean level") {
        battery(dir, "BAT0", "40", "Discharging");
        battery(dir, "BAT1", "61", "Discharging");
        CHECK(readBattery(dir) == BatteryState{true, 50, false});
    }
    SUBCASE("a peripheral's battery and an empty bay are ignored") {
        battery(dir, "BAT0", "33", "Discharging");
        battery(dir, "hid-mouse-battery", "5", "Discharging");
        dir.write("hid-mouse-battery/scope", "Device\n");
        battery(dir, "BAT1", "0", "Unknown");
        dir.write("BAT1/present", "0\n");
        CHECK(readBattery(dir) == BatteryState{true, 33, false});
    }
    SUBCASE("no battery at all reads as mains") {
        mains(dir, "AC", true);
        CHECK(readBattery(dir) == BatteryState{false, 100, true});
    }
    SUBCASE("an empty power_supply directory reads as mains") {
        CHECK(readBattery(dir) == BatteryState{false, 100, true});
    }
}

TEST_CASE("battery: unreadable sources are errors, not guesses") {
    TempDir dir;
    SUBCASE("missing root") {
        auto state = SysfsBatterySensor(dir.path() / "absent").read();
        REQUIRE_FALSE(state.ok());
        CHECK(state.error().code == "sensor_unavailable");
    }
    SUBCASE("garbage capacity") {
        battery(dir, "BAT0", "lots", "Discharging");
        auto state = SysfsBatterySensor(dir.path()).read();
        REQUIRE_FALSE(state.ok());
        CHECK(state.error().code == "sensor_unavailable");
        CHECK(state.error().message.find("BAT0") != std::string::npos);
    }
    SUBCASE("missing capacity") {
        dir.write("BAT0/type", "Battery\n");
        auto state = SysfsBatterySensor(dir.path()).read();
        REQUIRE_FALSE(state.ok());
    }
}

TEST_CASE("link: up from operstate and carrier, ignoring lo and virtual devices") {
    TempDir dir;
    SUBCASE("only loopback is no link") {
        iface(dir, "lo", "unknown", "1");
        CHECK(readLink(dir) == LinkReading{false, {}});
    }
    SUBCASE("ethernet down, wifi up") {
        iface(dir, "lo", "unknown", "1");
        iface(dir, "eth0", "down", nullptr); // carrier cannot be read on a down interface
        iface(dir, "wlan0", "up", "1");
        CHECK(readLink(dir) == LinkReading{true, {"wlan0"}});
    }
    SUBCASE("an LTE modem that reports unknown but has carrier") {
        iface(dir, "wwan0", "unknown", "1");
        CHECK(readLink(dir) == LinkReading{true, {"wwan0"}});
    }
    SUBCASE("unknown without carrier is down") {
        iface(dir, "wwan0", "unknown", "0");
        iface(dir, "eth0", "dormant", "1");
        CHECK(readLink(dir) == LinkReading{false, {}});
    }
    SUBCASE("several up interfaces are listed sorted") {
        iface(dir, "wwan0", "up", "1");
        iface(dir, "eth0", "up", "1");
        CHECK(readLink(dir) == LinkReading{true, {"eth0", "wwan0"}});
    }
    SUBCASE("a virtual bridge that is up says nothing about the center") {
        TempDir devices;
        devices.write("devices/virtual/net/docker0/operstate", "up\n");
        std::filesystem::create_directories(dir.path());
        std::filesystem::create_directory_symlink(devices.path() / "devices/virtual/net/docker0",
                                                  dir.path() / "docker0");
        CHECK(readLink(dir) == LinkReading{false, {}});
        iface(dir, "eth0", "up", "1");
        CHECK(readLink(dir) == LinkReading{true, {"eth0"}});
    }
    SUBCASE("missing root is an error") {
        auto reading = SysfsLinkSensor(dir.path() / "absent").read();
        REQUIRE_FALSE(reading.ok());
        CHECK(reading.error().code == "sensor_unavailable");
    }
}

TEST_CASE("DMI product name is read trimmed, and empty when unreadable") {
    TempDir dir;
    dir.write("product_name", "FZ-G1AABJXBE  \n");
    CHECK(readDmiProductName(dir.path() / "product_name") == "FZ-G1AABJXBE");
    CHECK(readDmiProductName(dir.path() / "absent").empty());
}

TEST_CASE("fakes stand in for the seams") {
    FakeBatterySensor batterySensor({true, 80, false});
    FakeLinkSensor linkSensor({true, {"wwan0"}});
    FakeClock clock;
    const BatterySensor& asBattery = batterySensor;
    const LinkSensor& asLink = linkSensor;
    const Clock& asClock = clock;

    CHECK(asBattery.read()->levelPercent == 80);
    batterySensor.set({true, 10, true});
    CHECK(asBattery.read()->charging);
    CHECK(asLink.read()->up);
    linkSensor.set({});
    CHECK_FALSE(asLink.read()->up);
    const auto start = asClock.now();
    clock.advance(std::chrono::seconds{90});
    CHECK(asClock.now() - start == std::chrono::seconds{90});
}
