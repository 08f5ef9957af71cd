// fieldkit-sim: the deterministic sync simulation. ./run sim --seeds N passes its arguments here.
#include "simulation.hpp"

#include <chrono>
#include <cstdint>
#include <exception>
#include <fieldkit/common/command_line.hpp>
#include <iostream>
#include <limits>
#include <string>

static int runProgram(int argc, char** argv) {
    std::uint64_t seeds = 20;
    std::uint64_t firstSeed = 1;
    std::uint64_t ops = 1000;
    std::uint64_t devices = 5;
    fieldkit::sim::SimOptions base;
    fieldkit::common::CommandLine commandLine("fieldkit-sim", "The deterministic sync simulation: every seed "
                                                              "replays the same run.");
    CLI::App& app = commandLine.app();
    constexpr std::uint64_t kMaxSeed = std::numeric_limits<std::uint64_t>::max() / 2;
    app.add_option("--seeds", seeds, "How many seeds to run")
        ->check(fieldkit::common::unsignedWholeNumber(1, 1000000))
        ->capture_default_str();
    app.add_option("--first-seed", firstSeed, "The first seed")
        ->check(fieldkit::common::unsignedWholeNumber(0, kMaxSeed))
        ->capture_default_str();
    app.add_option("--ops", ops, "Operations per seed")
        ->check(fieldkit::common::unsignedWholeNumber(0, 10000000))
        ->capture_default_str();
    app.add_option("--devices", devices, "Devices per seed")
        ->check(fieldkit::common::unsignedWholeNumber(1, 1000))
        ->capture_default_str();
    app.add_flag("--verbose", base.verbose, "Every failure, not the first five");
    app.add_flag("--no-faults{false}", base.faults, "No injected faults");
    app.add_flag("--edit-conflicted", base.editConflicted, "Devices edit fields in conflict");
    app.add_flag("--cross-replay", base.crossReplay, "Replay frames across devices");
    app.add_flag("--lossy-frames", base.lossyFrames, "Lose frames");
    app.add_flag("--status-by-creator", base.statusByCreator, "Only a case's creator changes its status");
    app.add_flag("--replays-trail", base.replaysTrail, "Replays trail the original frames");
    app.add_flag("--postgres", base.postgres, "The center on PostgreSQL");
    if (auto status = commandLine.parse(argc, argv, std::cout, std::cerr)) {
        return *status;
    }
    base.ops = static_cast<int>(ops);
    base.devices = static_cast<int>(devices);

    std::string flags;
    for (const auto& [on, flag] :
         {std::pair{!base.faults, " --no-faults"}, std::pair{base.editConflicted, " --edit-conflicted"},
          std::pair{base.crossReplay, " --cross-replay"}, std::pair{base.lossyFrames, " --lossy-frames"},
          std::pair{base.statusByCreator, " --status-by-creator"},
          std::pair{base.replaysTrail, " --replays-trail"}, std::pair{base.postgres, " --postgres"}}) {
        flags += on ? flag : "";
    }
    if (ops != 1000) {
        flags += " --ops " + std::to_string(ops);
    }
    if (devices != 5) {
        flags += " --devices " + std::to_string(devices);
    }

    std::uint64_t passed = 0;
    std::uint64_t failed = 0;
    for (std::uint64_t seed = firstSeed; seed < firstSeed + seeds; ++seed) {
        auto options = base;
        options.seed = seed;
        const auto started = std::chrono::steady_clock::now();
        const auto report = fieldkit::sim::runSeed(options);
        const auto ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
                .count();
        std::cout << report.summary << " (" << ms << " ms)\n";
        if (report.passed) {
            ++passed;
        } else {
            ++failed;
            const std::size_t shown =
                base.verbose ? report.failures.size() : std::min<std::size_t>(5, report.failures.size());
            for (std::size_t k = 0; k < shown; ++k) {
                std::cout << "  seed " << seed << ": " << report.failures[k] << "\n";
            }
            if (shown < report.failures.size()) {
                std::cout << "  ... " << report.failures.size() - shown << " more (--verbose)\n";
            }
            std::cout << "  replay: ./run sim --seeds 1 --first-seed " << seed << flags << "\n";
        }
        std::cout.flush();
    }
    std::cout << passed << " passed, " << failed << " failed\n";
    return failed == 0 ? 0 : 1;
}

int main(int argc, char** argv) {
    // No exception may end the program with an abort (134): one line and exit 1 instead.
    try {
        return runProgram(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "fieldkit-sim: stopped by an unexpected error: " << e.what() << '\n';
    } catch (...) {
        std::cerr << "fieldkit-sim: stopped by an unexpected error\n";
    }
    return 1;
}
