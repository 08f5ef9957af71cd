// fieldkit-bench-store: the encrypted device store beside plain SQLite (issue 3, "Benchmarks").
#include "store_benchmark.hpp"

#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <string>
#include <string_view>

namespace {

constexpr const char* kUsage = R"(usage: fieldkit-bench-store [--quick | --smoke] [--dir DIR] [--seed N]
  (default)  10k and 100k cases: the reference run (about 10 minutes on 2 cores)
  --quick    1k and 10k cases, for CI-sized runs (about a minute)
  --smoke    200 cases and few samples: proves the code runs and the table prints (CTest)
  --dir DIR  where the temporary stores go (default: the system temp directory); use the disk to judge
  --seed N   case generator seed (default 1)
)";

} // namespace

int main(int argc, char** argv) {
    using fieldkit::bench::RunMode;
    RunMode mode = RunMode::Full;
    std::filesystem::path dir;
    std::uint64_t seed = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--quick") {
            mode = RunMode::Quick;
        } else if (arg == "--smoke") {
            mode = RunMode::Smoke;
        } else if (arg == "--dir" && i + 1 < argc) {
            dir = argv[++i];
        } else if (arg == "--seed" && i + 1 < argc) {
            seed = std::strtoull(argv[++i], nullptr, 10);
        } else if (arg == "-h" || arg == "--help") {
            std::cout << kUsage;
            return 0;
        } else {
            std::cerr << "fieldkit-bench-store: unknown option " << arg << '\n' << kUsage;
            return 2;
        }
    }
    auto plan = fieldkit::bench::planFor(mode);
    plan.seed = seed;
    std::error_code ec;
    plan.workDir = dir.empty() ? std::filesystem::temp_directory_path(ec) : dir;
    if (plan.workDir.empty() || !std::filesystem::is_directory(plan.workDir, ec)) {
        std::cerr << "fieldkit-bench-store: no directory to put the stores in (" << plan.workDir << ")\n";
        return 2;
    }
    try {
        return fieldkit::bench::runStoreBenchmark(plan, std::cout, std::cerr) ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "fieldkit-bench-store: " << e.what() << '\n';
        return 1;
    }
}
