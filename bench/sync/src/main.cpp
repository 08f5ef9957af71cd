// fieldkit-bench-idle: (d) of the sync benchmarks. Holds many quiet device connections open to a running hub
// and reports how much resident memory the hub spends per connected device.
//   fieldkit-bench-idle --center DIR --hub HOST:PORT --hub-pid PID [--devices N] [--unit NAME]
// With --hostile N [--seconds S] it plays one enrolled device gone hostile instead: N connections at once,
// each sending pushes built to exhaust the hub, while the hub's memory is sampled.
#include "idle_connections.hpp"
#include "process_memory.hpp"

#include <atomic>
#include <fieldkit/bench/table.hpp>
#include <fieldkit/common/command_line.hpp>
#include <fieldkit/crypto/box_key_pair.hpp>
#include <fieldkit/hub/center_dir.hpp>
#include <iostream>
#include <limits>
#include <optional>
#include <thread>

namespace {
using namespace fieldkit;

int fail(const std::string& message) {
    std::cerr << "fieldkit-bench-idle: " << message << '\n';
    return 1;
}

/** Issues `count` device identities in the center, as enrolment would (certificate, registration). */
Result<std::vector<common::DeviceSyncConfig>> provisionDevices(const std::string& centerDir,
                                                               const std::string& unit, int count) {
    auto center = hub::openCenter(hub::CenterDir{centerDir});
    if (!center) {
        return center.error();
    }
    std::vector<common::DeviceSyncConfig> devices;
    for (int i = 0; i < count; ++i) {
        const auto box = crypto::BoxKeyPair::generate();
        const auto& key = box.publicKey().bytes;
        auto config =
            hub::provisionDevice(*center, unit, "", "", std::vector<std::uint8_t>(key.begin(), key.end()));
        if (!config) {
            return config.error();
        }
        devices.push_back(std::move(*config));
    }
    return devices;
}

/** --hostile N: N connections of one enrolled device send hostile pushes for --seconds S while the hub's
 *  resident memory is sampled; prints the figures as one table. The honest devices' rounds meanwhile are the
 *  calling script's to time. */
int hostile(const std::string& centerDir, const common::HostPort& hubAddress, pid_t hubPid,
            const std::string& unit, int connections, int seconds) {
    auto devices = provisionDevices(centerDir, unit, 1);
    if (!devices) {
        return fail(devices.error().message);
    }
    const auto before = bench::residentKiB(hubPid);
    std::int64_t peak = before.value_or(0);
    bench::HostileOutcome outcome;
    std::thread attacker([&] {
        outcome = bench::attackHub(devices->front(), hubAddress, static_cast<std::size_t>(connections),
                                   std::chrono::seconds(seconds));
    });
    std::atomic<bool> running = true;
    std::thread sampler([&] {
        while (running) {
            if (const auto now = bench::residentKiB(hubPid)) {
                peak = std::max(peak, *now);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });
    attacker.join();
    running = false;
    sampler.join();
    std::this_thread::sleep_for(std::chrono::seconds(2));
    const auto after = bench::residentKiB(hubPid);
    if (!before || !after) {
        return fail("the hub (pid " + std::to_string(hubPid) + ") did not survive");
    }
    const auto mib = [](std::int64_t kib) {
        return bench::fixed(static_cast<double>(kib) / 1024.0, 1) + " MiB";
    };
    bench::Table table({{"hostile device: " + std::to_string(connections) + " connections, " +
                         std::to_string(seconds) + " s"},
                        {"value", bench::Align::Right},
                        {"target"}});
    table.addRow(
        {"hostile pushes sent (4 MiB / 1 MiB of empty operations)", std::to_string(outcome.attempts), "-"});
    table.addRow({"...closed by the hub", std::to_string(outcome.closedByHub), "all"});
    table.addRow({"hub resident memory before", mib(*before), "-"});
    table.addRow({"hub resident memory, peak during the attack", mib(peak), "<= 256 MiB"});
    table.addRow({"hub resident memory 2 s after", mib(*after), "back near before"});
    table.print(std::cout);
    return peak <= 256 * 1024 ? 0 : 1;
}

/** The command line: which hub to measure, and how. */
struct IdleBenchOptions {
    std::string centerDir;
    std::string hub;
    std::int64_t hubPid = 0;
    std::int64_t devices = 1000;
    std::string unit = "bike-01";
    std::optional<std::int64_t> hostileConnections;
    std::int64_t seconds = 10;
};

int measure(const IdleBenchOptions& o) {
    auto hubAddress = common::parseHostPort(o.hub);
    if (!hubAddress) {
        return fail(hubAddress.error().message);
    }
    const auto hubPid = static_cast<pid_t>(o.hubPid);
    if (o.hostileConnections) {
        return hostile(o.centerDir, *hubAddress, hubPid, o.unit, static_cast<int>(*o.hostileConnections),
                       static_cast<int>(o.seconds));
    }
    const int total = static_cast<int>(o.devices);
    // The first devices warm the hub up (TLS session state, statement caches, allocator arenas), so the
    // memory measured after them grows only with connections.
    const int warmup = std::min(50, total / 10);
    auto devices = provisionDevices(o.centerDir, o.unit, total);
    if (!devices) {
        return fail(devices.error().message);
    }
    bench::IdleFleet fleet(*hubAddress);
    constexpr std::size_t kParallelHandshakes = 50;
    const std::vector<common::DeviceSyncConfig> first(devices->begin(), devices->begin() + warmup);
    const std::vector<common::DeviceSyncConfig> rest(devices->begin() + warmup, devices->end());
    const auto warm = fleet.connect(first, kParallelHandshakes);
    fleet.idle(std::chrono::seconds(1));
    const auto before = bench::residentKiB(hubPid);
    const auto measured = fleet.connect(rest, kParallelHandshakes);
    const auto settled = fleet.idle(std::chrono::seconds(3));
    const auto after = bench::residentKiB(hubPid);
    if (!before || !after) {
        return fail("the hub (pid " + std::to_string(o.hubPid) + ") is not running");
    }
    const auto added = static_cast<double>(measured.ready);
    const double perDeviceKiB = added > 0 ? static_cast<double>(*after - *before) / added : 0;

    std::cout << "idle devices: " << total << " devices, each its own client certificate, one empty round "
              << "then quiet on an open mutual-TLS 1.3 WebSocket (keep-alive pings answered)\n";
    bench::Table table({{"measure"}, {"value", bench::Align::Right}, {"target"}});
    table.addRow({"devices connected and quiet",
                  std::to_string(settled.ready) + " of " + std::to_string(total), std::to_string(total)});
    table.addRow({"failed or lost", std::to_string(warm.failed + measured.failed + settled.lost), "0"});
    table.addRow({"time to connect " + std::to_string(rest.size()) + " (TLS + WS + round)",
                  bench::fixed(measured.connectSeconds, 2) + " s", "-"});
    table.addRow({"hub resident memory, " + std::to_string(warmup) + " warm-up devices",
                  bench::fixed(static_cast<double>(*before) / 1024.0, 1) + " MiB", "-"});
    table.addRow({"hub resident memory, all devices",
                  bench::fixed(static_cast<double>(*after) / 1024.0, 1) + " MiB", "-"});
    table.addRow({"hub memory per idle device", bench::fixed(perDeviceKiB, 1) + " KiB", "<= 64 KB"});
    table.print(std::cout);
    return settled.ready == static_cast<std::size_t>(total) ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    try {
        IdleBenchOptions options;
        common::CommandLine commandLine(
            "fieldkit-bench-idle", "Holds many quiet device connections open to a running hub and reports "
                                   "how much resident memory the hub spends per connected device; with "
                                   "--hostile, one enrolled device gone hostile instead.");
        CLI::App& app = commandLine.app();
        app.add_option("--center", options.centerDir, "The hub's center folder")->required();
        app.add_option("--hub", options.hub, "HOST:PORT of the hub")->required();
        app.add_option("--hub-pid", options.hubPid, "Process id of the hub (its memory is measured)")
            ->required()
            ->check(common::wholeNumber(1, std::numeric_limits<pid_t>::max()));
        app.add_option("--devices", options.devices, "Idle devices to connect")
            ->check(common::wholeNumber(1, 100000))
            ->capture_default_str();
        app.add_option("--unit", options.unit, "The unit the devices belong to")->capture_default_str();
        app.add_option("--hostile", options.hostileConnections, "Connections of the hostile device at once")
            ->check(common::wholeNumber(1, 100000));
        app.add_option("--seconds", options.seconds, "How long the attack lasts")
            ->check(common::wholeNumber(1, 3600))
            ->capture_default_str();
        if (auto status = commandLine.parse(argc, argv, std::cout, std::cerr)) {
            return *status;
        }
        return measure(options);
    } catch (const std::exception& e) {
        return fail(std::string("stopped by an unexpected error: ") + e.what());
    }
}
