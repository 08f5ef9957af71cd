#pragma once

#include <fieldkit/core/result.hpp>
#include <fieldkit/hw/profile.hpp>
#include <string>
#include <string_view>

namespace fieldkit::hw {

/**
 * Parses and validates one profile document; strict, because a device must never run on a half-read profile.
 *
 * Every field is required (except security.retention_hours, default 24), unknown keys are refused, and the
 * first problem found comes back as one Error whose message names `fileName`, the field's JSON path (e.g.
 * `power.low_percent`) and the reason: missing, wrong type, out of range or unknown key. Error codes:
 * profile_empty, profile_not_json, profile_missing, profile_wrong_type, profile_out_of_range,
 * profile_unknown_key, profile_duplicate_key.
 */
[[nodiscard]] Result<Profile> parseProfile(std::string_view json, std::string_view fileName);

/** The profile as indented JSON in the schema's field order; parseProfile() reads it back to an equal
 * Profile. */
[[nodiscard]] std::string profileToJson(const Profile& profile);

} // namespace fieldkit::hw
