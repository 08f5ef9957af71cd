#include "json_pretty.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <fieldkit/hw/profile_json.hpp>

namespace fieldkit::hw {

namespace {

boost::json::string_view sv(std::string_view s) {
    return {s.data(), s.size()};
}

boost::json::object batteryMode(const BatteryModeSpec& b) {
    boost::json::object o;
    o["mode"] = sv(toText(b.mode));
    o["interval_seconds"] = b.intervalSeconds;
    return o;
}

} // namespace

std::string profileToJson(const Profile& p) {
    // Field order follows profile.schema.json so `fieldkit-ctl profile show` reads like the shipped files.
    boost::json::object display;
    display["diagonal_in"] = p.display.diagonalInches;
    display["resolution"] = boost::json::array{p.display.widthPx, p.display.heightPx};
    display["dpi"] = p.display.dpi;
    display["scale"] = p.display.scale;
    display["orientation"] = sv(toText(p.display.orientation));

    boost::json::object input;
    input["touch"] = p.input.touch;
    input["on_screen_keyboard"] = p.input.onScreenKeyboard;
    input["min_touch_target_mm"] = p.input.minTouchTargetMm;
    input["glove_mode"] = p.input.gloveMode;

    boost::json::object power;
    power["battery"] = p.power.battery;
    power["low_percent"] = p.power.lowPercent;
    power["critical_percent"] = p.power.criticalPercent;

    boost::json::object network;
    network["metered"] = p.network.metered;
    network["expected_link"] = sv(toText(p.network.expectedLink));

    boost::json::object sync;
    sync["interval_seconds"] = p.sync.intervalSeconds;
    sync["debounce_seconds"] = p.sync.debounceSeconds;
    sync["max_ops_per_batch"] = p.sync.maxOpsPerBatch;
    sync["max_attachment_bytes_per_batch"] = p.sync.maxAttachmentBytesPerBatch;
    sync["attachments"] = sv(toText(p.sync.attachments));
    sync["low_battery"] = batteryMode(p.sync.lowBattery);
    sync["critical_battery"] = batteryMode(p.sync.criticalBattery);

    boost::json::object security;
    security["idle_lock_minutes"] = p.security.idleLockMinutes;
    security["max_session_hours"] = p.security.maxSessionHours;
    security["retention_hours"] = p.security.retentionHours;
    security["argon2_time_budget_ms"] = p.security.argon2TimeBudgetMs;

    boost::json::object kiosk;
    kiosk["idle_reset_seconds"] = p.kiosk.idleResetSeconds;
    kiosk["lock_down"] = p.kiosk.lockDown;

    boost::json::array patterns;
    for (const auto& pattern : p.dmiPatterns) {
        patterns.emplace_back(sv(pattern));
    }

    boost::json::object root;
    root["name"] = sv(p.name);
    root["description"] = sv(p.description);
    root["display"] = std::move(display);
    root["input"] = std::move(input);
    root["power"] = std::move(power);
    root["network"] = std::move(network);
    root["sync"] = std::move(sync);
    root["security"] = std::move(security);
    root["kiosk"] = std::move(kiosk);
    root["channel"] = sv(toText(p.channel));
    root["theme"] = sv(toText(p.theme));
    root["dmi_patterns"] = std::move(patterns);
    return detail::prettyJson(root);
}

} // namespace fieldkit::hw
