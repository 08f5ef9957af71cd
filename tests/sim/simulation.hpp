#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace fieldkit::sim {

/** One run of the simulation; everything it does follows from `seed`. */
struct SimOptions {
    std::uint64_t seed = 1;
    int ops = 1000;               // staff operations (saves) in the faulty phase
    int devices = 5;              // devices of the main unit
    int otherDevices = 2;         // devices of a second unit (partitioning)
    bool faults = true;           // drops, duplicates, reordering, replays, crashes, clock skew
    bool editConflicted = false;  // staff may overwrite a field that shows a conflict instead of resolving it
    bool crossReplay = false;     // a frame of one device replayed into another device's session
    bool lossyFrames = false;     // single frames lost and replies reordered within a connection
    bool statusByCreator = false; // only the device that created a case changes its status
    bool replaysTrail = false;    // replayed old frames reach the hub only after the fresh one
    bool postgres = false;        // the hub's center store on PostgreSQL (a database per seed, tests/pg)
    bool verbose = false;
};

/** What one run found. */
struct SeedReport {
    bool passed = false;
    std::string summary;               // one line
    std::vector<std::string> failures; // invariant violations, most important first
};

[[nodiscard]] SeedReport runSeed(const SimOptions& options);

} // namespace fieldkit::sim
