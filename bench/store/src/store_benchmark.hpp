#pragma once

#include <cstdint>
#include <filesystem>
#include <ostream>
#include <vector>

namespace fieldkit::bench {

enum class RunMode { Full, Quick, Smoke };

/** How much work each mode does: the full run is the reference, quick is CI-sized, smoke only proves the
 *  code still runs and the table prints. */
struct StorePlan {
    RunMode mode = RunMode::Full;
    std::vector<int> datasets; // cases per dataset
    int batchSize = 1000;      // cases per durable batch while building a dataset
    int warmup = 20;           // untimed runs before each sampled workload
    int saveSamples = 500;     // durable single saves per store
    int readSamples = 300;     // first-page reads and CPR look-ups per store
    int unlockSamples = 3;     // per key-slot setting
    std::uint32_t kdfBudgetMs = 1000;
    int cryptoIterations = 2000; // per microbenchmark
    int prepareIterations = 300; // per distinct statement
    std::filesystem::path workDir;
    std::uint64_t seed = 1;
};

[[nodiscard]] StorePlan planFor(RunMode mode);

/** Runs every store workload on the encrypted store and on plain SQLite, prints the tables to `out` and
 *  progress to `log`. Returns false if a workload failed or the table came out incomplete. */
[[nodiscard]] bool runStoreBenchmark(const StorePlan& plan, std::ostream& out, std::ostream& log);

} // namespace fieldkit::bench
