#include "duplicate_key_finder.hpp"
#include "enum_names.hpp"
#include "json_pretty.hpp"
#include "strict_reader.hpp"

#include <algorithm>
#include <boost/json/stream_parser.hpp>
#include <cctype>
#include <fieldkit/hw/profile_json.hpp>

// The limits below are mirrored in profile.schema.json; the schema test in tests/unit/hw-profiles walks the
// schema and checks that this parser refuses exactly what the schema refuses.

namespace fieldkit::hw {

namespace {

using detail::Node;
using detail::StrictReader;

constexpr int kMinBikeTouchTargetMm = 10; // a gloved finger on a moving bike misses anything smaller
constexpr std::size_t kMaxDmiPatterns = 32;

/** Parses the text as JSON, or explains where it stops being JSON. */
Result<boost::json::value> parseDocument(std::string_view json, std::string_view fileName) {
    if (std::all_of(json.begin(), json.end(),
                    [](char c) { return std::isspace(static_cast<unsigned char>(c)); })) {
        return makeError("profile_empty", "Profile " + std::string(fileName) + " is empty.");
    }
    boost::json::stream_parser parser; // defaults are strict JSON: no comments, no trailing commas
    boost::system::error_code ec;
    const std::size_t consumed = parser.write(json.data(), json.size(), ec); // refuses a second value too
    if (!ec) {
        parser.finish(ec);
    }
    if (ec) {
        const auto upTo = json.substr(0, std::min(consumed, json.size()));
        const auto line = std::count(upTo.begin(), upTo.end(), '\n') + 1;
        const auto lastNewline = upTo.rfind('\n');
        const auto column = upTo.size() - (lastNewline == std::string_view::npos ? 0 : lastNewline + 1) + 1;
        return makeError("profile_not_json", "Profile " + std::string(fileName) +
                                                 " is not valid JSON (line " + std::to_string(line) +
                                                 ", column " + std::to_string(column) + ": " + ec.message() +
                                                 ").");
    }
    if (auto duplicate = detail::findDuplicateKey(json)) {
        return makeError("profile_duplicate_key", "Profile " + std::string(fileName) + ": " + *duplicate +
                                                      " appears twice; each key may appear only once.");
    }
    return parser.release();
}

bool isProfileName(std::string_view name) {
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

DisplaySpec readDisplay(StrictReader& r, const Node& root) {
    const Node n = r.object(root, "display");
    r.onlyKeys(n, {"diagonal_in", "resolution", "dpi", "scale", "orientation"});
    DisplaySpec d;
    d.diagonalInches = r.number(n, "diagonal_in", 5.0, 40.0);
    const auto* resolution = r.array(n, "resolution", 2, true);
    const std::string resolutionPath = StrictReader::join(n.path, "resolution");
    d.widthPx = static_cast<int>(r.integerAt(resolution, resolutionPath, 0, 320, 7680));
    d.heightPx = static_cast<int>(r.integerAt(resolution, resolutionPath, 1, 240, 4320));
    d.dpi = r.smallInt(n, "dpi", 72, 600);
    d.scale = r.number(n, "scale", 0.5, 4.0);
    d.orientation = r.choice<Orientation>(n, "orientation", detail::kOrientationNames);
    return d;
}

InputSpec readInput(StrictReader& r, const Node& root) {
    const Node n = r.object(root, "input");
    r.onlyKeys(n, {"touch", "on_screen_keyboard", "min_touch_target_mm", "glove_mode"});
    InputSpec i;
    i.touch = r.boolean(n, "touch");
    i.onScreenKeyboard = r.boolean(n, "on_screen_keyboard");
    i.minTouchTargetMm = r.number(n, "min_touch_target_mm", 4.0, 25.0);
    i.gloveMode = r.boolean(n, "glove_mode");
    return i;
}

PowerSpec readPower(StrictReader& r, const Node& root) {
    const Node n = r.object(root, "power");
    r.onlyKeys(n, {"battery", "low_percent", "critical_percent"});
    PowerSpec p;
    p.battery = r.boolean(n, "battery");
    p.lowPercent = r.smallInt(n, "low_percent", 1, 90);
    p.criticalPercent = r.smallInt(n, "critical_percent", 0, 50);
    if (!r.failed() && p.criticalPercent >= p.lowPercent) {
        r.fail("profile_out_of_range", "power.critical_percent",
               "is out of range: " + std::to_string(p.criticalPercent) +
                   " must be below power.low_percent (" + std::to_string(p.lowPercent) + ")");
    }
    return p;
}

NetworkSpec readNetwork(StrictReader& r, const Node& root) {
    const Node n = r.object(root, "network");
    r.onlyKeys(n, {"metered", "expected_link"});
    NetworkSpec net;
    net.metered = r.boolean(n, "metered");
    net.expectedLink = r.choice<ExpectedLink>(n, "expected_link", detail::kExpectedLinkNames);
    return net;
}

BatteryModeSpec readBatteryMode(StrictReader& r, const Node& sync, std::string_view key) {
    const Node n = r.object(sync, key);
    r.onlyKeys(n, {"mode", "interval_seconds"});
    BatteryModeSpec b;
    b.mode = r.choice<BatteryMode>(n, "mode", detail::kBatteryModeNames);
    b.intervalSeconds = r.smallInt(n, "interval_seconds", 10, 86400);
    return b;
}

SyncSpec readSync(StrictReader& r, const Node& root) {
    const Node n = r.object(root, "sync");
    r.onlyKeys(n, {"interval_seconds", "debounce_seconds", "max_ops_per_batch",
                   "max_attachment_bytes_per_batch", "attachments", "low_battery", "critical_battery"});
    SyncSpec s;
    s.intervalSeconds = r.smallInt(n, "interval_seconds", 10, 86400);
    s.debounceSeconds = r.smallInt(n, "debounce_seconds", 0, 600);
    s.maxOpsPerBatch = r.smallInt(n, "max_ops_per_batch", 1, 10000);
    s.maxAttachmentBytesPerBatch = r.integer(n, "max_attachment_bytes_per_batch", 262144, 1073741824);
    s.attachments = r.choice<AttachmentRule>(n, "attachments", detail::kAttachmentRuleNames);
    s.lowBattery = readBatteryMode(r, n, "low_battery");
    s.criticalBattery = readBatteryMode(r, n, "critical_battery");
    return s;
}

SecuritySpec readSecurity(StrictReader& r, const Node& root) {
    const Node n = r.object(root, "security");
    r.onlyKeys(n, {"idle_lock_minutes", "max_session_hours", "retention_hours", "argon2_time_budget_ms"});
    SecuritySpec s;
    s.idleLockMinutes = r.smallInt(n, "idle_lock_minutes", 1, 240);
    s.maxSessionHours = r.smallInt(n, "max_session_hours", 1, 24);
    if (n.object != nullptr && n.object->contains("retention_hours")) {
        s.retentionHours = r.smallInt(n, "retention_hours", 1, 720);
    }
    s.argon2TimeBudgetMs = r.smallInt(n, "argon2_time_budget_ms", 100, 1000);
    return s;
}

KioskSpec readKiosk(StrictReader& r, const Node& root) {
    const Node n = r.object(root, "kiosk");
    r.onlyKeys(n, {"idle_reset_seconds", "lock_down"});
    KioskSpec k;
    k.idleResetSeconds = r.smallInt(n, "idle_reset_seconds", 10, 3600);
    k.lockDown = r.boolean(n, "lock_down");
    return k;
}

std::vector<std::string> readDmiPatterns(StrictReader& r, const Node& root) {
    const auto* array = r.array(root, "dmi_patterns", kMaxDmiPatterns, false);
    std::vector<std::string> patterns;
    if (array == nullptr) {
        return patterns;
    }
    for (std::size_t i = 0; i < array->size() && !r.failed(); ++i) {
        patterns.push_back(r.textAt(array, "dmi_patterns", i, 128));
    }
    return patterns;
}

} // namespace

Result<Profile> parseProfile(std::string_view json, std::string_view fileName) {
    auto document = parseDocument(json, fileName);
    if (!document) {
        return document.error();
    }
    StrictReader r(fileName);
    const Node root = r.root(*document);
    r.onlyKeys(root, {"name", "description", "display", "input", "power", "network", "sync", "security",
                      "kiosk", "channel", "theme", "dmi_patterns"});
    Profile p;
    p.name = r.text(root, "name", 64);
    if (!r.failed() && !isProfileName(p.name)) {
        r.fail("profile_out_of_range", "name",
               "is out of range: \"" + p.name +
                   "\" may only use a-z, 0-9 and '-' (it is also the file name)");
    }
    p.description = r.text(root, "description", 300);
    p.display = readDisplay(r, root);
    p.input = readInput(r, root);
    p.power = readPower(r, root);
    p.network = readNetwork(r, root);
    p.sync = readSync(r, root);
    p.security = readSecurity(r, root);
    p.kiosk = readKiosk(r, root);
    p.channel = r.choice<Channel>(root, "channel", detail::kChannelNames);
    p.theme = r.choice<Theme>(root, "theme", detail::kThemeNames);
    p.dmiPatterns = readDmiPatterns(r, root);
    if (!r.failed() && p.channel == Channel::Bike && p.input.minTouchTargetMm < kMinBikeTouchTargetMm) {
        r.fail("profile_out_of_range", "input.min_touch_target_mm",
               "is out of range: " + detail::formatNumber(p.input.minTouchTargetMm) +
                   " mm is below the 10 mm that gloved hands need on the bike channel");
    }
    if (r.failed()) {
        return r.error();
    }
    return p;
}

} // namespace fieldkit::hw
