#include <algorithm>
#include <fieldkit/hw/sync_plan.hpp>

namespace fieldkit::hw {

namespace {

using std::chrono::seconds;

std::string percent(int value) {
    return std::to_string(value) + " %";
}

std::string describePower(PowerLevel level, const PowerSpec& spec, const BatteryState& battery) {
    switch (level) {
    case PowerLevel::External:
        return spec.battery && battery.present ? "Charging at " + percent(battery.levelPercent)
                                               : "On mains power";
    case PowerLevel::Normal:
        return "Battery at " + percent(battery.levelPercent);
    case PowerLevel::Low:
        return "Battery low at " + percent(battery.levelPercent) + " (low from " + percent(spec.lowPercent) +
               ")";
    case PowerLevel::Critical:
        return "Battery critical at " + percent(battery.levelPercent) + " (critical from " +
               percent(spec.criticalPercent) + ")";
    }
    return {};
}

bool attachmentRuleAllows(AttachmentRule rule, bool external, bool metered) {
    switch (rule) {
    case AttachmentRule::Always:
        return true;
    case AttachmentRule::ChargingOrUnmetered:
        return external || !metered;
    case AttachmentRule::ChargingAndUnmetered:
        return external && !metered;
    }
    return false;
}

seconds untilElapsed(seconds wanted, seconds elapsed) {
    return elapsed >= wanted ? seconds{0} : wanted - elapsed;
}

} // namespace

SyncPlan planSync(const Profile& profile, const BatteryState& battery, const LinkState& link,
                  const PendingWork& pending, TimePoint now) {
    const SyncSpec& spec = profile.sync;
    SyncPlan plan;
    plan.power = classifyPower(profile.power, battery);

    BatteryMode mode = BatteryMode::Normal;
    int intervalSeconds = spec.intervalSeconds;
    if (plan.power == PowerLevel::Low) {
        mode = spec.lowBattery.mode;
        intervalSeconds = spec.lowBattery.intervalSeconds;
    } else if (plan.power == PowerLevel::Critical) {
        mode = spec.criticalBattery.mode;
        intervalSeconds = spec.criticalBattery.intervalSeconds;
    }
    const bool external = plan.power == PowerLevel::External;
    const bool ruleAllows = attachmentRuleAllows(spec.attachments, external, link.metered);

    plan.attachmentsAllowed = mode == BatteryMode::Normal && ruleAllows;
    plan.maxOpsPerBatch = spec.maxOpsPerBatch;
    plan.maxAttachmentBytesPerBatch = plan.attachmentsAllowed ? spec.maxAttachmentBytesPerBatch : 0;
    plan.opsLane = mode != BatteryMode::Pause;
    plan.attachmentsLane = plan.opsLane && plan.attachmentsAllowed && pending.attachmentBytes > 0;

    std::string reason = describePower(plan.power, profile.power, battery);
    if (mode == BatteryMode::Pause) {
        plan.when = SyncWhen::WhenCharging;
        plan.reason = reason + ": the profile pauses sync until the device is charging.";
        return plan;
    }
    if (mode == BatteryMode::OpsOnly) {
        reason += ": operations only, batched every " + std::to_string(intervalSeconds) + " s";
    }
    if (pending.attachmentBytes > 0 && !plan.attachmentsAllowed) {
        reason += mode != BatteryMode::Normal ? "; attachments wait until the battery recovers"
                                              : "; attachments wait for charging or an unmetered link";
    }
    if (!link.up) {
        plan.when = SyncWhen::WhenLinkUp;
        plan.reason = reason + "; no network link, so sync waits for one.";
        return plan;
    }

    // The periodic pull keeps its schedule; waiting work may bring the sync forward.
    seconds wait = untilElapsed(seconds{intervalSeconds}, pending.sinceLastSync);
    std::string because = wait == seconds{0} ? "the periodic pull is due" : "next periodic pull";
    if (pending.ops > 0) {
        // Ops-only batches saves for a whole interval so the radio wakes once for many of them.
        const seconds hold{mode == BatteryMode::OpsOnly ? std::max(spec.debounceSeconds, intervalSeconds)
                                                        : spec.debounceSeconds};
        const seconds pushWait = untilElapsed(hold, pending.oldestAge);
        if (pushWait <= wait) {
            wait = pushWait;
            because = std::to_string(pending.ops) + " operation" + (pending.ops == 1 ? "" : "s") +
                      " waiting " + std::to_string(pending.oldestAge.count()) + " s (held for " +
                      std::to_string(hold.count()) + " s)";
        }
    }
    if (plan.attachmentsLane && wait > seconds{0}) {
        wait = seconds{0};
        because = std::to_string(pending.attachmentBytes) + " attachment bytes waiting";
    }
    plan.at = now + wait;
    plan.when = wait == seconds{0} ? SyncWhen::Now : SyncWhen::At;
    plan.reason =
        reason + "; " + because +
        (plan.when == SyncWhen::Now ? ": sync now." : ": sync in " + std::to_string(wait.count()) + " s.");
    return plan;
}

std::string_view toText(SyncWhen when) {
    switch (when) {
    case SyncWhen::Now:
        return "now";
    case SyncWhen::At:
        return "at";
    case SyncWhen::WhenLinkUp:
        return "when-link-up";
    case SyncWhen::WhenCharging:
        return "when-charging";
    }
    return "?";
}

} // namespace fieldkit::hw
