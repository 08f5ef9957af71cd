#pragma once

#include <fieldkit/core/result.hpp>
#include <fieldkit/hub/center_store.hpp>
#include <filesystem>
#include <optional>

namespace fieldkit::hub {

/** The center folder's `store.conf`: which database holds the center. Absent, the center is the SQLite file
 *  center.db in the folder. Present, it names a PostgreSQL database:
 *
 *      store = postgresql://fieldkit@db.example/center?sslmode=verify-full
 *      store_passfile = /etc/fieldkit/center.pgpass
 *
 *  The password is never in the file, on a command line or in a log: libpq reads it from store_passfile
 *  (PGPASSFILE format) or from PGPASSFILE / ~/.pgpass. */
[[nodiscard]] Result<std::optional<PostgresStoreOptions>> readStoreConfig(const std::filesystem::path& file);

/** Writes `store.conf` (0600, atomically). Codes: bad_store (not a postgresql:// or key=value string, or a
 *  password in it). */
[[nodiscard]] Status writeStoreConfig(const std::filesystem::path& file, const PostgresStoreOptions& options);

/** Refuses a connection string that is not for PostgreSQL or that carries a password. */
[[nodiscard]] Status checkPostgresConnectionString(const std::string& conninfo);

} // namespace fieldkit::hub
