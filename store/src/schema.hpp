#pragma once

#include <fieldkit/core/result.hpp>
#include <fieldkit/sqlite/database.hpp>

namespace fieldkit::store::detail {

/** The value of meta.format that marks a fieldkit device store (a foreign SQLite file lacks it). */
inline constexpr const char* kStoreFormat = "fieldkit-device-store";

/** The page size of a new store: 1 KiB, set before anything is written (a store keeps the size it was made
 *  with). Every durable save writes each b-tree page it touches whole into the WAL and waits for the fsync
 *  of all of them; a save touches a dozen b-trees (the case, its operation, their indexes, field heads,
 *  outbox, blind index, audit entry) with a few hundred bytes each, so small pages mean a third of the bytes
 *  to write and sync per save. Measured on the development machine (fieldkit-bench-store, 10k
 *  cases): 4 KiB pages 15.4 WAL frames and 0.38 ms per save, 2 KiB 18.1 frames and 0.36 ms, 1 KiB 22.1 frames
 *  and 0.33 ms, with list and CPR reads unchanged. */
[[nodiscard]] Status choosePageSize(sqlite::Database& db);

/** Durability settings of every connection: WAL, synchronous=FULL, foreign keys, secure delete, and a WAL
 *  checkpoint every 4 MiB whatever the page size. */
[[nodiscard]] Status applyPragmas(sqlite::Database& db);

/** Brings the schema up to the current version, one transaction per step; refuses newer files. */
[[nodiscard]] Status migrate(sqlite::Database& db);

/** Checks that an opened file is a fieldkit store this version can read, without changing it. */
[[nodiscard]] Status checkFormat(sqlite::Database& db);

} // namespace fieldkit::store::detail
