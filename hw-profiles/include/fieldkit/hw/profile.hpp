#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fieldkit::hw {

enum class Orientation { Landscape, Portrait };
enum class ExpectedLink { Ethernet, Wifi, Lte };
enum class Channel { Bike, ToGo, Kiosk };
enum class Theme { Normal, HighContrast };

/** When the attachment lane may run: attachments are large, so on battery and a metered link they wait. */
enum class AttachmentRule { Always, ChargingOrUnmetered, ChargingAndUnmetered };

/** What sync does while the battery is low or critical (and not charging). */
enum class BatteryMode { Normal, OpsOnly, Pause };

/** The screen the app lays itself out for. */
struct DisplaySpec {
    double diagonalInches = 0;
    int widthPx = 0;
    int heightPx = 0;
    int dpi = 0;
    double scale = 1.0; // device-independent pixel ratio the app applies
    Orientation orientation = Orientation::Landscape;

    friend bool operator==(const DisplaySpec&, const DisplaySpec&) = default;
};

/** How people touch the device: gloves on the bike need large targets, the kiosk has no keyboard. */
struct InputSpec {
    bool touch = false;
    bool onScreenKeyboard = false;
    double minTouchTargetMm = 0;
    bool gloveMode = false; // starts with ≥ 15 mm targets and tile pickers (gloved hands on the bike)

    friend bool operator==(const InputSpec&, const InputSpec&) = default;
};

/** Whether a battery matters, and where "low" and "critical" begin. */
struct PowerSpec {
    bool battery = false;
    int lowPercent = 0;
    int criticalPercent = 0; // always below lowPercent

    friend bool operator==(const PowerSpec&, const PowerSpec&) = default;
};

/** The link the device usually has; metered links cost money per byte. */
struct NetworkSpec {
    bool metered = false;
    ExpectedLink expectedLink = ExpectedLink::Ethernet;

    friend bool operator==(const NetworkSpec&, const NetworkSpec&) = default;
};

/** Sync behaviour in one battery state below normal. */
struct BatteryModeSpec {
    BatteryMode mode = BatteryMode::Normal;
    int intervalSeconds = 0;

    friend bool operator==(const BatteryModeSpec&, const BatteryModeSpec&) = default;
};

/** How often and how much the daemon syncs. */
struct SyncSpec {
    int intervalSeconds = 0; // periodic pull on normal power
    int debounceSeconds = 0; // wait after a local save so a burst of saves goes in one round trip
    int maxOpsPerBatch = 0;
    std::int64_t maxAttachmentBytesPerBatch = 0;
    AttachmentRule attachments = AttachmentRule::Always;
    BatteryModeSpec lowBattery;
    BatteryModeSpec criticalBattery;

    friend bool operator==(const SyncSpec&, const SyncSpec&) = default;
};

/** Session and data-lifetime limits; stricter where the device leaves the building. */
struct SecuritySpec {
    int idleLockMinutes = 0;
    int maxSessionHours = 0;
    int retentionHours = 24; // after the center acknowledged a closed case
    int argon2TimeBudgetMs = 0;

    friend bool operator==(const SecuritySpec&, const SecuritySpec&) = default;
};

/** Counter behaviour: citizens walk up to the screen, so the previous citizen's data must vanish. */
struct KioskSpec {
    int idleResetSeconds = 0;
    bool lockDown = false; // full screen, no way out to the desktop

    friend bool operator==(const KioskSpec&, const KioskSpec&) = default;
};

/** One device class (bike tablet, to-go tablet, station kiosk, desktop) as validated data. */
struct Profile {
    std::string name; // equals the file stem: "bike-tablet"
    std::string description;
    DisplaySpec display;
    InputSpec input;
    PowerSpec power;
    NetworkSpec network;
    SyncSpec sync;
    SecuritySpec security;
    KioskSpec kiosk;
    Channel channel = Channel::ToGo;
    Theme theme = Theme::Normal;
    std::vector<std::string> dmiPatterns; // globs matched against the DMI product name

    friend bool operator==(const Profile&, const Profile&) = default;
};

/** The profile every machine falls back to when nothing else selects one. */
inline constexpr std::string_view kFallbackProfileName = "desktop-dev";

// The spellings used in the JSON files, for logs and the settings page.
[[nodiscard]] std::string_view toText(Orientation value);
[[nodiscard]] std::string_view toText(ExpectedLink value);
[[nodiscard]] std::string_view toText(Channel value);
[[nodiscard]] std::string_view toText(Theme value);
[[nodiscard]] std::string_view toText(AttachmentRule value);
[[nodiscard]] std::string_view toText(BatteryMode value);

} // namespace fieldkit::hw
