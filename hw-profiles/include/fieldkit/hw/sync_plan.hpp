#pragma once

#include <chrono>
#include <cstdint>
#include <fieldkit/hw/battery_sensor.hpp>
#include <fieldkit/hw/clock.hpp>
#include <fieldkit/hw/power_level.hpp>
#include <fieldkit/hw/profile.hpp>
#include <string>

namespace fieldkit::hw {

/** The link as the policy sees it: up from the LinkSensor, metered from the profile. */
struct LinkState {
    bool up = false;
    bool metered = false;
};

/** What the daemon has to do. */
struct PendingWork {
    int ops = 0;                       // outbox operations not yet acknowledged
    std::int64_t attachmentBytes = 0;  // attachment chunks the hub still lacks
    std::chrono::seconds oldestAge{0}; // age of the oldest waiting operation
    // Since the last completed sync, so the periodic pull stays on schedule however often the plan is redone.
    std::chrono::seconds sinceLastSync = std::chrono::seconds::max();
};

/** When the next sync should start. */
enum class SyncWhen {
    Now,
    At,           // at SyncPlan::at; re-plan earlier on a local save, link change or power change
    WhenLinkUp,   // nothing until the LinkSensor reports up
    WhenCharging, // the profile pauses sync at this battery level; nothing until external power
};

/** The daemon's instructions for its next sync, with the reason it logs. */
struct SyncPlan {
    SyncWhen when = SyncWhen::WhenLinkUp;
    TimePoint at{};               // valid for Now (== now) and At
    bool opsLane = false;         // hello, outbox push and pull of changes in one round trip
    bool attachmentsLane = false; // allowed and something to send
    bool attachmentsAllowed = false;
    int maxOpsPerBatch = 0;
    std::int64_t maxAttachmentBytesPerBatch = 0; // 0 when attachments are not allowed
    PowerLevel power = PowerLevel::External;
    std::string reason;
};

/**
 * Decides when and what to sync. Attachments go only in the profile's Normal battery mode and when its
 * attachment rule allows (charging and/or unmetered). At low or critical battery the profile's mode applies:
 * normal, ops-only (saves are batched until the oldest is the mode's interval old) or pause (until charging).
 * Otherwise local saves go after the debounce, and the pull runs every interval.
 */
[[nodiscard]] SyncPlan planSync(const Profile& profile, const BatteryState& battery, const LinkState& link,
                                const PendingWork& pending, TimePoint now);

[[nodiscard]] std::string_view toText(SyncWhen when);

} // namespace fieldkit::hw
