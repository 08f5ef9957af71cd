// fieldkit-sim: the deterministic sync simulation. ./run sim --seeds N passes its arguments here.
#include "simulation.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <string_view>

namespace {

void usage() {
    std::cerr << "usage: fieldkit-sim [--seeds N] [--first-seed S] [--ops N] [--devices N] [--verbose]\n"
                 "                    [--no-faults] [--edit-conflicted] [--cross-replay] [--lossy-frames]\n"
                 "                    [--status-by-creator] [--replays-trail] [--postgres]\n";
}

bool number(const char* text, std::uint64_t& out) {
    const std::string_view s(text);
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size();
}

} // namespace

int main(int argc, char** argv) {
    std::uint64_t seeds = 20;
    std::uint64_t firstSeed = 1;
    std::uint64_t ops = 1000;
    std::uint64_t devices = 5;
    fieldkit::sim::SimOptions base;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg(argv[i]);
        const auto value = [&](std::uint64_t& out) { return i + 1 < argc && number(argv[++i], out); };
        bool ok = true;
        if (arg == "--seeds") {
            ok = value(seeds);
        } else if (arg == "--first-seed") {
            ok = value(firstSeed);
        } else if (arg == "--ops") {
            ok = value(ops);
        } else if (arg == "--devices") {
            ok = value(devices) && devices >= 1;
        } else if (arg == "--verbose") {
            base.verbose = true;
        } else if (arg == "--no-faults") {
            base.faults = false;
        } else if (arg == "--edit-conflicted") {
            base.editConflicted = true;
        } else if (arg == "--cross-replay") {
            base.crossReplay = true;
        } else if (arg == "--lossy-frames") {
            base.lossyFrames = true;
        } else if (arg == "--status-by-creator") {
            base.statusByCreator = true;
        } else if (arg == "--postgres") {
            base.postgres = true;
        } else if (arg == "--replays-trail") {
            base.replaysTrail = true;
        } else {
            ok = false;
        }
        if (!ok) {
            usage();
            return 2;
        }
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
