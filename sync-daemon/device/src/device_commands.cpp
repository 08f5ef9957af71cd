#include <cstdlib>
#include <fieldkit/common/enrolment_link.hpp>
#include <fieldkit/common/service_notify.hpp>
#include <fieldkit/device/device_commands.hpp>
#include <fieldkit/device/enrolment_client.hpp>
#include <fieldkit/device/sync_client.hpp>
#include <fieldkit/device/sync_status.hpp>
#include <fieldkit/hw/dmi_product_name.hpp>
#include <fieldkit/hw/profile_files.hpp>
#include <fieldkit/hw/profile_selection.hpp>
#include <fieldkit/hw/sysfs_battery_sensor.hpp>
#include <fieldkit/hw/sysfs_link_sensor.hpp>
#include <fieldkit/version.hpp>
#include <iostream>
#include <random>

namespace fieldkit::device {
namespace {

constexpr const char* kUsage = R"(usage:
  fieldkit-syncd enroll --data DIR (--hub HOST:PORT --code CODE | --link fieldkit-enrol:?hub=…&code=…)
  fieldkit-syncd run --data DIR [--hub HOST:PORT] [--profile NAME] [--sysfs-root DIR]
  fieldkit-syncd sync-once --data DIR [--hub HOST:PORT] [--rounds N]
  fieldkit-syncd status --data DIR --json
  fieldkit-syncd retire --data DIR [--hub HOST:PORT]
      tell the center this device is being wiped (it revokes the device), then delete the sync identity;
      fieldkit-ctl wipe --confirm runs it first when the device is enrolled
  fieldkit-syncd --version

exit codes of sync-once and run:
  0  done (sync-once: everything went out and everything came in)
  1  error (no contact, refused, bad arguments given to a command, ...)
  2  usage
  3  sync-once: the sync worked but left something behind (pending, refused, more to pull, or an
     attachment of the unit not yet fetched)
  4  the center ordered this device wiped and it has been wiped: store and sync identity are gone,
     <data>/sync/status.json says "wiped"; enrol the device again to use it
)";

/** The device carried out a wipe order from the center (see the usage text). */
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

Result<Target> target(const common::Args& args) {
    auto data = args.required("data");
    if (!data) {
        return data.error();
    }
    auto config = common::loadDeviceSyncConfig(*data);
    if (!config) {
        return config.error();
    }
    const std::string address = args.option("hub").value_or(config->hubAddress);
    if (address.empty()) {
        return makeError("no_hub", "No center address is known; pass --hub HOST:PORT.");
    }
    auto hub = common::parseHostPort(address);
    if (!hub) {
        return hub.error();
    }
    return Target{std::move(*config), *hub};
}

int syncOnceCommand(const common::Args& args) {
    auto t = target(args);
    if (!t) {
        return fail(t.error());
    }
    // More than one round shows what a sync costs on a connection that is already open.
    auto rounds = args.integer("rounds", 1, 1000, 1);
    if (!rounds) {
        return fail(rounds.error());
    }
    auto results = syncRounds(*args.option("data"), t->config, t->hub, static_cast<int>(*rounds));
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
    if (static_cast<std::int64_t>(results->size()) < *rounds) {
        return fail(makeError("offline", "The connection ended after " + std::to_string(results->size()) +
                                             " of " + std::to_string(*rounds) + " rounds."));
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

int runCommand(const common::Args& args) {
    auto t = target(args);
    if (!t) {
        return fail(t.error());
    }
    // The hardware profile decides when to sync; a bad profile stops the daemon before it does anything.
    const auto envValue = [](const char* name) {
        const char* value = std::getenv(name); // NOLINT(concurrency-mt-unsafe): read once at start-up
        return std::string(value == nullptr ? "" : value);
    };
    const auto profilesDir = hw::resolveProfilesDir(envValue("FIELDKIT_PROFILES_DIR"));
    auto profiles = hw::loadAllProfiles(profilesDir);
    if (!profiles) {
        return fail(profiles.error());
    }
    const auto selection =
        hw::selectProfile(args.option("profile").value_or(""), envValue("FIELDKIT_PROFILE"),
                          hw::readDmiProductName(), *profiles);
    auto profile = hw::loadNamedProfile(selection.name, profilesDir);
    if (!profile) {
        return fail(profile.error());
    }
    std::clog << "fieldkit-syncd: " << selection.reason << '\n';
    const std::filesystem::path sysfs = args.option("sysfs-root").value_or("/sys/class");
    const hw::SysfsBatterySensor battery(sysfs / "power_supply");
    const hw::SysfsLinkSensor link(sysfs / "net");
    const hw::SteadyClock clock;
    std::random_device seed;
    std::mt19937_64 random(seed());
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    DaemonEnvironment env{[&] { return unit(random); },
                          [](const std::string& line) { std::clog << "fieldkit-syncd: " << line << '\n'; },
                          &*profile,
                          &battery,
                          &link,
                          &clock,
                          std::chrono::milliseconds(500)};
    std::clog << "fieldkit-syncd: device " << t->config.deviceId << " syncing with " << t->hub.toString()
              << '\n';
    if (auto st = common::notifyServiceManager("READY=1"); !st) { // systemd's Type=notify
        std::clog << "fieldkit-syncd: " << st.error().message << '\n';
    }
    auto end = runDaemon(*args.option("data"), t->config, t->hub, env);
    if (!end) {
        return fail(end.error());
    }
    return *end == DaemonEnd::Wiped ? reportWiped(t->config.deviceId) : 0;
}

int enrollCommand(const common::Args& args) {
    auto data = args.required("data");
    if (!data) {
        return fail(data.error());
    }
    // The center's QR code carries address and code in one line; typed, they come apart.
    Result<std::string> hubText = makeError("usage", "");
    Result<std::string> code = makeError("usage", "");
    if (auto linkText = args.option("link")) {
        auto link = common::parseEnrolmentLink(*linkText);
        if (!link) {
            return fail(link.error());
        }
        hubText = link->hub;
        code = link->code;
    } else {
        hubText = args.required("hub");
        code = args.required("code");
    }
    if (!hubText || !code) {
        return fail(!hubText ? hubText.error() : code.error());
    }
    auto hub = common::parseHostPort(*hubText);
    if (!hub) {
        return fail(hub.error());
    }
    auto config = enrolWithCode(*data, *hub, *code);
    if (!config) {
        return fail(config.error());
    }
    std::cout << "enrolled: device " << config->deviceId << " in unit " << config->unit
              << " with the center at " << hub->toString() << "; its key is pinned\n";
    return 0;
}

int statusCommand(const common::Args& args) {
    auto data = args.required("data");
    if (!data) {
        return fail(data.error());
    }
    auto status = loadSyncStatus(*data);
    if (!status) {
        SyncStatus fresh;
        fresh.state = common::loadDeviceSyncConfig(*data).ok() ? "idle" : "not_enrolled";
        std::cout << toJson(fresh) << '\n';
        return 0;
    }
    std::cout << toJson(*status) << '\n';
    return 0;
}

int retireCommand(const common::Args& args) {
    auto t = target(args);
    if (!t) {
        return fail(t.error());
    }
    if (auto st = retireDevice(t->config, t->hub); !st) {
        // The identity stays, so the retirement can be tried again from where the center can be reached.
        return fail(st.error());
    }
    if (auto st = common::deleteSyncIdentity(*args.required("data")); !st) {
        return fail(st.error());
    }
    std::cout << "retired: the center revoked device " << t->config.deviceId
              << "; its sync identity is deleted\n";
    return 0;
}

} // namespace

int runDeviceCommand(const common::Args& args) {
    if (auto st = args.allowOnly(
            {"data", "hub", "json", "version", "help", "profile", "sysfs-root", "rounds", "code", "link"});
        !st) {
        std::cerr << "fieldkit-syncd: " << st.error().message << '\n' << kUsage;
        return 2;
    }
    if (args.flag("version")) {
        std::cout << "fieldkit-syncd " << kVersion << '\n';
        return 0;
    }
    const std::string command = args.word(0);
    if (command == "enroll") {
        return enrollCommand(args);
    }
    if (command == "sync-once") {
        return syncOnceCommand(args);
    }
    if (command == "run") {
        return runCommand(args);
    }
    if (command == "status") {
        return statusCommand(args);
    }
    if (command == "retire") {
        return retireCommand(args);
    }
    std::cerr << kUsage;
    return args.flag("help") ? 0 : 2;
}

} // namespace fieldkit::device
