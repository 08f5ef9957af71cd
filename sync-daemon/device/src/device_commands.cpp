#include <cstdlib>
#include <fieldkit/common/enrolment_link.hpp>
#include <fieldkit/common/log.hpp>
#include <fieldkit/common/service_notify.hpp>
#include <fieldkit/device/device_command_line.hpp>
#include <fieldkit/device/device_commands.hpp>
#include <fieldkit/device/enrolment_client.hpp>
#include <fieldkit/device/sync_client.hpp>
#include <fieldkit/device/sync_status.hpp>
#include <fieldkit/hw/dmi_product_name.hpp>
#include <fieldkit/hw/profile_files.hpp>
#include <fieldkit/hw/profile_selection.hpp>
#include <fieldkit/hw/sysfs_battery_sensor.hpp>
#include <fieldkit/hw/sysfs_link_sensor.hpp>
#include <iostream>
#include <random>

namespace fieldkit::device {
namespace {

/** The device carried out a wipe order from the center (see the exit codes in --help). */
constexpr int kExitWiped = 4;

int reportWiped(const std::string& deviceId) {
    std::cout << "wiped: the center ordered device " << deviceId
              << " wiped; its store and sync identity are deleted\n";
    return kExitWiped;
}

int fail(const Error& error) {
    std::cerr << "fieldkit-syncd: " << error.message << '\n';
    return 1;
}

struct Target {
    common::DeviceSyncConfig config;
    common::HostPort hub;
};

Result<Target> target(const std::string& data, const std::optional<std::string>& hubOverride) {
    auto config = common::loadDeviceSyncConfig(data);
    if (!config) {
        return config.error();
    }
    const std::string address = hubOverride.value_or(config->hubAddress);
    if (address.empty()) {
        return makeError("no_hub", "No center address is known; pass --hub HOST:PORT.");
    }
    auto hub = common::parseHostPort(address);
    if (!hub) {
        return hub.error();
    }
    return Target{std::move(*config), *hub};
}

int run(const SyncOnceOptions& o) {
    auto t = target(o.data, o.hub);
    if (!t) {
        return fail(t.error());
    }
    // More than one round shows what a sync costs on a connection that is already open.
    const std::int64_t rounds = o.rounds;
    auto results = syncRounds(o.data, t->config, t->hub, static_cast<int>(rounds));
    if (!results) {
        return fail(results.error());
    }
    if (!results->empty() && results->back().wiped) {
        return reportWiped(t->config.deviceId);
    }
    for (const auto& result : *results) {
        if (result.outcome != engine::HandshakeOutcome::Proceed) {
            return fail(makeError(
                result.outcome == engine::HandshakeOutcome::UpgradeRequired ? "upgrade_required" : "refused",
                "The center did not accept this device: " + result.reason));
        }
        std::cout << "synced: device " << t->config.deviceId << ", " << result.pushed << " sent ("
                  << result.rejected << " refused), " << result.pulled << " received, " << result.roundTrips
                  << " round trips, hub head " << result.hubHead << ", wire " << result.bytesUp << " B up "
                  << result.bytesDown << " B down\n";
        if (result.chunksSent > 0 || result.attachmentsCompleted > 0 || !result.laneEmpty) {
            std::cout << "attachments: " << result.chunksSent << " chunks sent, "
                      << result.attachmentsCompleted << " complete at the center"
                      << (result.laneEmpty ? "" : ", more to send") << '\n';
        }
        if (result.chunksReceived > 0 || result.downloadsCompleted > 0) {
            std::cout << "attachments from the unit: " << result.chunksReceived << " chunks received, "
                      << result.downloadsCompleted << " complete here"
                      << (result.downloadsDone ? "" : ", more to fetch") << '\n';
        }
    }
    if (static_cast<std::int64_t>(results->size()) < rounds) {
        return fail(makeError("offline", "The connection ended after " + std::to_string(results->size()) +
                                             " of " + std::to_string(rounds) + " rounds."));
    }
    const auto& last = results->back();
    if (last.diverged) {
        return fail(
            makeError("diverged", "The partition checksums differed; the partition will be pulled again."));
    }
    // Exit 0 only when everything went out (operations and attachments) and everything came in.
    return last.outboxEmpty && last.reachedHead && last.laneEmpty && last.downloadsDone && last.rejected == 0
               ? 0
               : 3;
}

int run(const RunOptions& o) {
    // A service: what it says while running goes through the log (journal fields or JSON lines).
    const auto log = common::programLog("fieldkit-syncd");
    const auto failed = [&log](const Error& error) {
        log.error("failed", error.message, {{"code", error.code}});
        return 1;
    };
    auto t = target(o.data, o.hub);
    if (!t) {
        return failed(t.error());
    }
    // The hardware profile decides when to sync; a bad profile stops the daemon before it does anything.
    const auto envValue = [](const char* name) {
        const char* value = std::getenv(name); // NOLINT(concurrency-mt-unsafe): read once at start-up
        return std::string(value == nullptr ? "" : value);
    };
    const auto profilesDir = hw::resolveProfilesDir(envValue("FIELDKIT_PROFILES_DIR"));
    auto profiles = hw::loadAllProfiles(profilesDir);
    if (!profiles) {
        return failed(profiles.error());
    }
    const auto selection =
        hw::selectProfile(o.profile, envValue("FIELDKIT_PROFILE"), hw::readDmiProductName(), *profiles);
    auto profile = hw::loadNamedProfile(selection.name, profilesDir);
    if (!profile) {
        return failed(profile.error());
    }
    log.info("profile_selected", selection.reason, {{"profile", selection.name}});
    const std::filesystem::path sysfs = o.sysfsRoot;
    const hw::SysfsBatterySensor battery(sysfs / "power_supply");
    const hw::SysfsLinkSensor link(sysfs / "net");
    const hw::SteadyClock clock;
    std::random_device seed;
    std::mt19937_64 random(seed());
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    DaemonEnvironment env{[&] { return unit(random); },  log, &*profile, &battery, &link, &clock,
                          std::chrono::milliseconds(500)};
    log.notice("started", "syncing with " + t->hub.toString(),
               {{"device", t->config.deviceId}, {"unit", t->config.unit}, {"hub", t->hub.toString()}});
    if (auto st = common::notifyServiceManager("READY=1"); !st) { // systemd's Type=notify
        log.warning("notify_failed", st.error().message);
    }
    auto end = runDaemon(o.data, t->config, t->hub, env);
    if (!end) {
        return failed(end.error());
    }
    log.notice(*end == DaemonEnd::Wiped ? "wiped" : "stopped",
               *end == DaemonEnd::Wiped ? "wiped by order of the center" : "stopped",
               {{"device", t->config.deviceId}});
    return *end == DaemonEnd::Wiped ? reportWiped(t->config.deviceId) : 0;
}

int run(const EnrollOptions& o) {
    // The center's QR code carries address and code in one line; typed, they come apart.
    std::string hubText = o.hub;
    std::string code = o.code;
    if (o.link.empty() && (hubText.empty() || code.empty())) {
        return fail(makeError("usage", "Give --hub and --code, or --link from the center's QR code."));
    }
    if (!o.link.empty()) {
        auto link = common::parseEnrolmentLink(o.link);
        if (!link) {
            return fail(link.error());
        }
        hubText = link->hub;
        code = link->code;
    }
    auto hub = common::parseHostPort(hubText);
    if (!hub) {
        return fail(hub.error());
    }
    auto config = enrolWithCode(o.data, *hub, code);
    if (!config) {
        return fail(config.error());
    }
    std::cout << "enrolled: device " << config->deviceId << " in unit " << config->unit
              << " with the center at " << hub->toString() << "; its key is pinned\n";
    return 0;
}

int run(const StatusOptions& o) {
    auto status = loadSyncStatus(o.data);
    if (!status) {
        SyncStatus fresh;
        fresh.state = common::loadDeviceSyncConfig(o.data).ok() ? "idle" : "not_enrolled";
        std::cout << toJson(fresh) << '\n';
        return 0;
    }
    std::cout << toJson(*status) << '\n';
    return 0;
}

int run(const RetireOptions& o) {
    auto t = target(o.data, o.hub);
    if (!t) {
        return fail(t.error());
    }
    if (auto st = retireDevice(t->config, t->hub); !st) {
        // The identity stays, so the retirement can be tried again from where the center can be reached.
        return fail(st.error());
    }
    if (auto st = common::deleteSyncIdentity(o.data); !st) {
        return fail(st.error());
    }
    std::cout << "retired: the center revoked device " << t->config.deviceId
              << "; its sync identity is deleted\n";
    return 0;
}

} // namespace

int runDeviceCommand(int argc, const char* const* argv) {
    DeviceCommandLine commandLine;
    auto parsed = commandLine.parse(argc, argv, std::cout, std::cerr);
    if (const int* status = std::get_if<int>(&parsed)) {
        return *status;
    }
    return std::visit([](const auto& options) { return run(options); }, std::get<DeviceCommand>(parsed));
}

} // namespace fieldkit::device
