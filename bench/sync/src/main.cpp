// fieldkit-bench-idle: (d) of the sync benchmarks. Holds many quiet device connections open to a running hub
// and reports how much resident memory the hub spends per connected device.
//   fieldkit-bench-idle --center DIR --hub HOST:PORT --hub-pid PID [--devices N] [--unit NAME]
#include "idle_connections.hpp"
#include "process_memory.hpp"

#include <fieldkit/bench/table.hpp>
#include <fieldkit/common/args.hpp>
#include <fieldkit/crypto/box_key_pair.hpp>
#include <fieldkit/hub/center_dir.hpp>
#include <iostream>

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

} // namespace

int main(int argc, char** argv) {
    auto args = common::Args::parse(argc, argv, {});
    if (!args) {
        return fail(args.error().message);
    }
    if (auto st = args->allowOnly({"center", "hub", "hub-pid", "devices", "unit"}); !st) {
        return fail(st.error().message);
    }
    auto centerDir = args->required("center");
    auto hubText = args->required("hub");
    auto pidText = args->required("hub-pid");
    if (!centerDir || !hubText || !pidText) {
        return fail("usage: fieldkit-bench-idle --center DIR --hub HOST:PORT --hub-pid PID [--devices N]");
    }
    auto hubAddress = common::parseHostPort(*hubText);
    if (!hubAddress) {
        return fail(hubAddress.error().message);
    }
    const pid_t hubPid = std::stoi(*pidText);
    const int total = std::stoi(args->option("devices").value_or("1000"));
    // The first devices warm the hub up (TLS session state, statement caches, allocator arenas), so the
    // memory measured after them grows only with connections.
    const int warmup = std::min(50, total / 10);
    const std::string unit = args->option("unit").value_or("bike-01");

    auto devices = provisionDevices(*centerDir, unit, total);
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
        return fail("the hub (pid " + *pidText + ") is not running");
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
