#include "test_support.hpp"

#include <doctest/doctest.h>
#include <fieldkit/hw/sync_plan.hpp>
#include <string>
#include <vector>

using namespace fieldkit::hw;
using std::chrono::seconds;

namespace {

const TimePoint kNow = TimePoint{} + std::chrono::hours{1000};

enum class Level { Full, Low, Critical };

BatteryState batteryAt(Level level, bool charging) {
    switch (level) {
    case Level::Full:
        return {true, 90, charging};
    case Level::Low:
        return {true, 15, charging}; // below every profile's low_percent, above every critical_percent
    case Level::Critical:
        return {true, 4, charging}; // below every profile's critical_percent
    }
    return {};
}

/** The expected plan for one link condition. */
struct Expect {
    SyncWhen when;
    int waitSeconds; // for At
    bool attachments;
};
Expect now(bool attachments) {
    return {SyncWhen::Now, 0, attachments};
}
Expect at(int wait, bool attachments) {
    return {SyncWhen::At, wait, attachments};
}
Expect link(bool attachments) {
    return {SyncWhen::WhenLinkUp, 0, attachments};
}
Expect charge() {
    return {SyncWhen::WhenCharging, 0, false};
}

// Three operations (oldest 60 s), 1 MiB of attachments, last sync 30 s ago: past every debounce, before every
// periodic pull, so the table shows where the battery and link rules change the outcome.
const PendingWork kWork{3, 1 << 20, seconds{60}, seconds{30}};

void checkPlan(const SyncPlan& plan, const Expect& expect) {
    CAPTURE(plan.reason);
    CHECK(toText(plan.when) == toText(expect.when));
    CHECK(plan.attachmentsLane == expect.attachments);
    CHECK_FALSE(plan.reason.empty());
    if (expect.when == SyncWhen::Now || expect.when == SyncWhen::At) {
        CHECK(plan.at == kNow + seconds{expect.waitSeconds});
        CHECK(plan.opsLane);
    }
    if (expect.when == SyncWhen::WhenCharging) {
        CHECK_FALSE(plan.opsLane);
        CHECK(plan.reason.find("charging") != std::string::npos);
    }
    if (expect.when == SyncWhen::WhenLinkUp) {
        CHECK(plan.reason.find("no network link") != std::string::npos);
    }
}

} // namespace

TEST_CASE("sync plan table: each profile at full, low and critical battery, charging or not, link up/down, "
          "metered or not") {
    struct Row {
        const char* profile;
        Level level;
        bool charging;
        Expect upMetered;
        Expect upUnmetered;
        Expect downMetered;
        Expect downUnmetered;
    };
    // Charging (or a profile without a battery) always syncs in full; on battery the profiles differ.
    const std::vector<Row> rows = {
        // bike: attachments only when charging or unmetered; ops-only at low (900 s) and critical (1800 s).
        {"bike-tablet", Level::Full, false, now(false), now(true), link(false), link(true)},
        {"bike-tablet", Level::Full, true, now(true), now(true), link(true), link(true)},
        {"bike-tablet", Level::Low, false, at(840, false), at(840, false), link(false), link(false)},
        {"bike-tablet", Level::Low, true, now(true), now(true), link(true), link(true)},
        {"bike-tablet", Level::Critical, false, at(1740, false), at(1740, false), link(false), link(false)},
        {"bike-tablet", Level::Critical, true, now(true), now(true), link(true), link(true)},
        // to-go: like the bike at low (1800 s); at critical it pauses until charging, link or not.
        {"togo-tablet", Level::Full, false, now(false), now(true), link(false), link(true)},
        {"togo-tablet", Level::Full, true, now(true), now(true), link(true), link(true)},
        {"togo-tablet", Level::Low, false, at(1740, false), at(1740, false), link(false), link(false)},
        {"togo-tablet", Level::Low, true, now(true), now(true), link(true), link(true)},
        {"togo-tablet", Level::Critical, false, charge(), charge(), charge(), charge()},
        {"togo-tablet", Level::Critical, true, now(true), now(true), link(true), link(true)},
        // kiosk and desktop: no battery in the profile, so whatever a UPS or laptop reports is ignored.
        {"station-kiosk", Level::Full, false, now(true), now(true), link(true), link(true)},
        {"station-kiosk", Level::Full, true, now(true), now(true), link(true), link(true)},
        {"station-kiosk", Level::Low, false, now(true), now(true), link(true), link(true)},
        {"station-kiosk", Level::Low, true, now(true), now(true), link(true), link(true)},
        {"station-kiosk", Level::Critical, false, now(true), now(true), link(true), link(true)},
        {"station-kiosk", Level::Critical, true, now(true), now(true), link(true), link(true)},
        {"desktop-dev", Level::Full, false, now(true), now(true), link(true), link(true)},
        {"desktop-dev", Level::Full, true, now(true), now(true), link(true), link(true)},
        {"desktop-dev", Level::Low, false, now(true), now(true), link(true), link(true)},
        {"desktop-dev", Level::Low, true, now(true), now(true), link(true), link(true)},
        {"desktop-dev", Level::Critical, false, now(true), now(true), link(true), link(true)},
        {"desktop-dev", Level::Critical, true, now(true), now(true), link(true), link(true)},
    };
    for (const auto& row : rows) {
        const auto& profile = test::shipped(row.profile);
        const auto battery = batteryAt(row.level, row.charging);
        CAPTURE(row.profile);
        CAPTURE(battery.levelPercent);
        CAPTURE(row.charging);
        const std::pair<LinkState, Expect> cases[] = {
            {{true, true}, row.upMetered},
            {{true, false}, row.upUnmetered},
            {{false, true}, row.downMetered},
            {{false, false}, row.downUnmetered},
        };
        for (const auto& linkCase : cases) {
            const LinkState& linkState = linkCase.first;
            CAPTURE(linkState.up);
            CAPTURE(linkState.metered);
            checkPlan(planSync(profile, battery, linkState, kWork, kNow), linkCase.second);
        }
    }
}

TEST_CASE("batch caps follow the profile, and the attachment cap is zero when attachments may not go") {
    const auto& bike = test::shipped("bike-tablet");
    const auto metered = planSync(bike, {true, 90, false}, {true, true}, kWork, kNow);
    CHECK(metered.maxOpsPerBatch == 200);
    CHECK_FALSE(metered.attachmentsAllowed);
    CHECK(metered.maxAttachmentBytesPerBatch == 0);
    CHECK(metered.reason.find("attachments wait for charging or an unmetered link") != std::string::npos);

    const auto wifi = planSync(bike, {true, 90, false}, {true, false}, kWork, kNow);
    CHECK(wifi.attachmentsAllowed);
    CHECK(wifi.maxAttachmentBytesPerBatch == 4 * 1024 * 1024);

    const auto low = planSync(bike, {true, 15, false}, {true, false}, kWork, kNow);
    CHECK(low.power == PowerLevel::Low);
    CHECK_FALSE(low.attachmentsAllowed);
    CHECK(low.reason.find("Battery low at 15 %") != std::string::npos);
    CHECK(low.reason.find("attachments wait until the battery recovers") != std::string::npos);
}

TEST_CASE("timing: debounce, periodic pull, and never synced") {
    const auto& bike = test::shipped("bike-tablet"); // interval 300 s, debounce 10 s
    const BatteryState full{true, 90, false};
    const LinkState lte{true, true};

    SUBCASE("a fresh save waits out the debounce") {
        const auto plan = planSync(bike, full, lte, {1, 0, seconds{3}, seconds{30}}, kNow);
        CHECK(plan.when == SyncWhen::At);
        CHECK(plan.at == kNow + seconds{7});
    }
    SUBCASE("nothing pending: the next periodic pull keeps its schedule") {
        const auto plan = planSync(bike, full, lte, {0, 0, seconds{0}, seconds{100}}, kNow);
        CHECK(plan.when == SyncWhen::At);
        CHECK(plan.at == kNow + seconds{200});
        CHECK(plan.reason.find("periodic pull") != std::string::npos);
    }
    SUBCASE("the pull is due") {
        const auto plan = planSync(bike, full, lte, {0, 0, seconds{0}, seconds{301}}, kNow);
        CHECK(plan.when == SyncWhen::Now);
        CHECK(plan.at == kNow);
    }
    SUBCASE("never synced: sync now") {
        const auto plan = planSync(bike, full, lte, PendingWork{}, kNow);
        CHECK(plan.when == SyncWhen::Now);
    }
    SUBCASE("ops-only at low battery batches saves, but the periodic pull can come first") {
        const auto plan = planSync(bike, {true, 15, false}, lte, {1, 0, seconds{0}, seconds{800}}, kNow);
        CHECK(plan.when == SyncWhen::At);
        CHECK(plan.at == kNow + seconds{100}); // pull at 900 s beats the save's 900 s hold
    }
    SUBCASE("held attachments do not bring a sync forward") {
        const auto plan = planSync(bike, full, lte, {0, 1 << 20, seconds{0}, seconds{100}}, kNow);
        CHECK_FALSE(plan.attachmentsLane);
        CHECK(plan.at == kNow + seconds{200});
    }
    SUBCASE("allowed attachments go now") {
        const auto plan = planSync(bike, full, {true, false}, {0, 1 << 20, seconds{0}, seconds{100}}, kNow);
        CHECK(plan.attachmentsLane);
        CHECK(plan.when == SyncWhen::Now);
    }
}

TEST_CASE("charging-and-unmetered needs both") {
    auto profile = test::shipped("togo-tablet");
    profile.sync.attachments = AttachmentRule::ChargingAndUnmetered;
    CHECK_FALSE(planSync(profile, {true, 90, true}, {true, true}, kWork, kNow).attachmentsAllowed);
    CHECK_FALSE(planSync(profile, {true, 90, false}, {true, false}, kWork, kNow).attachmentsAllowed);
    CHECK(planSync(profile, {true, 90, true}, {true, false}, kWork, kNow).attachmentsAllowed);
}

TEST_CASE("power level thresholds are inclusive") {
    const PowerSpec spec{true, 20, 7};
    CHECK(classifyPower(spec, {true, 21, false}) == PowerLevel::Normal);
    CHECK(classifyPower(spec, {true, 20, false}) == PowerLevel::Low);
    CHECK(classifyPower(spec, {true, 8, false}) == PowerLevel::Low);
    CHECK(classifyPower(spec, {true, 7, false}) == PowerLevel::Critical);
    CHECK(classifyPower(spec, {true, 0, false}) == PowerLevel::Critical);
    CHECK(classifyPower(spec, {true, 3, true}) == PowerLevel::External);
    CHECK(classifyPower(spec, {false, 0, false}) == PowerLevel::External);
    CHECK(classifyPower({false, 20, 7}, {true, 3, false}) == PowerLevel::External);
}

TEST_CASE("invariants over every profile, battery level, charger and link") {
    for (const char* name : {"bike-tablet", "togo-tablet", "station-kiosk", "desktop-dev"}) {
        const auto& profile = test::shipped(name);
        for (int level = 0; level <= 100; level += 3) {
            for (bool charging : {false, true}) {
                for (bool up : {false, true}) {
                    for (bool metered : {false, true}) {
                        const auto plan =
                            planSync(profile, {true, level, charging}, {up, metered}, kWork, kNow);
                        CAPTURE(name);
                        CAPTURE(level);
                        CAPTURE(plan.reason);
                        const bool external = plan.power == PowerLevel::External;
                        CHECK(external == (charging || !profile.power.battery));
                        if (plan.attachmentsLane) {
                            CHECK(plan.attachmentsAllowed);
                            CHECK(plan.maxAttachmentBytesPerBatch > 0);
                        }
                        if (profile.sync.attachments == AttachmentRule::ChargingOrUnmetered && metered &&
                            !external) {
                            CHECK_FALSE(plan.attachmentsAllowed);
                        }
                        if (plan.when == SyncWhen::WhenCharging) {
                            CHECK_FALSE(external);
                        }
                        if (!up) {
                            CHECK((plan.when == SyncWhen::WhenLinkUp || plan.when == SyncWhen::WhenCharging));
                        }
                        if (plan.when == SyncWhen::Now || plan.when == SyncWhen::At) {
                            CHECK(plan.at >= kNow);
                            CHECK(plan.maxOpsPerBatch == profile.sync.maxOpsPerBatch);
                        }
                    }
                }
            }
        }
    }
}
