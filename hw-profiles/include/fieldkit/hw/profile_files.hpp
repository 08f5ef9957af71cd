#pragma once

#include <fieldkit/core/result.hpp>
#include <fieldkit/hw/profile.hpp>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace fieldkit::hw {

/** The directory of the profiles shipped in the source tree (compiled in). */
[[nodiscard]] std::filesystem::path shippedProfilesDir();

/** `overrideDir` when it is not empty (from --profiles-dir or FIELDKIT_PROFILES_DIR), else the shipped one.
 */
[[nodiscard]] std::filesystem::path resolveProfilesDir(std::string_view overrideDir);

/** Reads and validates one profile file; errors name the file (see parseProfile for the codes). */
[[nodiscard]] Result<Profile> loadProfileFile(const std::filesystem::path& path);

/** The profile names in `dir` (file stems of `*.json`), sorted; profile_dir_unreadable if it cannot be
 * listed. */
[[nodiscard]] Result<std::vector<std::string>> listProfiles(const std::filesystem::path& dir);

/** Loads every profile in `dir`, sorted by name; the first bad one fails the whole load. */
[[nodiscard]] Result<std::vector<Profile>> loadAllProfiles(const std::filesystem::path& dir);

/**
 * Loads `dir/<name>.json`. profile_not_found (listing what exists) when there is none, profile_bad_name for a
 * name that is not `[a-z0-9-]+` (so it cannot walk out of `dir`), profile_name_mismatch when the file's
 * `name` field differs from its file name.
 */
[[nodiscard]] Result<Profile> loadNamedProfile(std::string_view name, const std::filesystem::path& dir);

} // namespace fieldkit::hw
