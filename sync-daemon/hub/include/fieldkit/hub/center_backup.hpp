#pragma once

#include <fieldkit/core/result.hpp>
#include <filesystem>

namespace fieldkit::hub {

/** Copies the SQLite center store to `out` with SQLite's online backup API, a few hundred pages at a time so
 *  a hub serving the file keeps writing meanwhile (a step that sees a write starts over from a consistent
 *  state), then checks the copy (PRAGMA integrity_check) before reporting success. `out` must not exist.
 *  Codes: backup_exists, backup_failed, backup_damaged. */
[[nodiscard]] Status backupSqliteCenter(const std::filesystem::path& store, const std::filesystem::path& out);

} // namespace fieldkit::hub
