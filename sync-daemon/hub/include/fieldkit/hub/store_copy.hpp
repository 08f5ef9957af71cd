#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <fieldkit/hub/center_store.hpp>
#include <filesystem>

namespace fieldkit::hub {

/** What a copy moved, table by table, once verified. */
struct StoreCopyReport {
    std::int64_t rows = 0;
    std::int64_t tables = 0;
    std::int64_t units = 0; // units whose partition checksum was compared
};

/** Copies a SQLite center store to an empty PostgreSQL center in one PostgreSQL transaction, holding the
 *  SQLite file's write lock meanwhile (a hub serving it waits, so nothing written during the copy is missed),
 *  then verifies before committing: row counts of every table, each unit's partition checksum, and that
 *  checksum recomputed from the copied operations. Codes: target_not_empty, copy_mismatch, and the stores'.
 */
[[nodiscard]] Result<StoreCopyReport> copySqliteToPostgres(const std::filesystem::path& sqliteFile,
                                                           const PostgresStoreOptions& target);

} // namespace fieldkit::hub
