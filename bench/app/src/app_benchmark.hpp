#pragma once

#include <QString>
#include <string>

namespace fieldkit::bench::app {

/** What a run measures and with how many repetitions (`--quick` for a smoke run). */
struct AppBenchmarkOptions {
    QString workDir;    // stores are created here (and removed afterwards)
    QString ctlBinary;  // fieldkit-ctl, which provisions the stores as a municipality would
    QString selfBinary; // this program, started again for each cold start
    int caseCount = 10000;
    int coldStarts = 5;
    int unlocks = 3;
    int listOpens = 10;
    int cprSearches = 20;
    int searchCaseCount = 100000; // the store the list search is measured on
    int listSearches = 10;        // per kind of search (CPR, a rare name, a common surname)
};

/** Runs every measurement and prints the table; false (with a sentence on stderr) when a step failed. */
[[nodiscard]] bool runAppBenchmark(const AppBenchmarkOptions& options);

/** The child of a cold start: composition, QML and the first frame on the store in `dataDir`; prints the
 *  milliseconds from `startedAtNs` (its main's first line) to the first frame. */
[[nodiscard]] int runColdStartChild(const QString& dataDir, long long startedAtNs);

} // namespace fieldkit::bench::app
