#pragma once

#include <fieldkit/core/result.hpp>
#include <fieldkit/sqlite/database.hpp>

namespace fieldkit::store::detail {

/** The value of meta.format that marks a fieldkit device store (a foreign SQLite file lacks it). */
inline constexpr const char* kStoreFormat = "fieldkit-device-store";

/** Durability settings of every connection: WAL, synchronous=FULL, foreign keys, secure delete. */
[[nodiscard]] Status applyPragmas(sqlite::Database& db);

/** Brings the schema up to the current version, one transaction per step; refuses newer files. */
[[nodiscard]] Status migrate(sqlite::Database& db);

/** Checks that an opened file is a fieldkit store this version can read, without changing it. */
[[nodiscard]] Status checkFormat(sqlite::Database& db);

} // namespace fieldkit::store::detail
