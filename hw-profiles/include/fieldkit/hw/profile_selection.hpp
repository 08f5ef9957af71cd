#pragma once

#include <fieldkit/hw/profile.hpp>
#include <span>
#include <string>
#include <string_view>

namespace fieldkit::hw {

/** Where the chosen profile came from, in order of precedence. */
enum class SelectionSource { CommandLine, Environment, DmiMatch, Fallback };

/** The chosen profile's name and a sentence saying why, for the log and the settings page. */
struct ProfileSelection {
    std::string name;
    SelectionSource source = SelectionSource::Fallback;
    std::string reason;

    friend bool operator==(const ProfileSelection&, const ProfileSelection&) = default;
};

/**
 * Chooses the profile: `--profile NAME` (cliName) > FIELDKIT_PROFILE (envValue) > the first profile, in the
 * order given, with a dmi_patterns entry matching dmiProductName > "desktop-dev". Empty or blank strings
 * count as not given. The name is not checked against `available` for the first two: loadNamedProfile()
 * refuses an unknown name with a clear message, which beats silently running on another profile.
 */
[[nodiscard]] ProfileSelection selectProfile(std::string_view cliName, std::string_view envValue,
                                             std::string_view dmiProductName,
                                             std::span<const Profile> available);

/** Case-insensitive glob over the whole product name: `*` any run, `?` one character ("FZ-G1*"). */
[[nodiscard]] bool matchesDmiPattern(std::string_view pattern, std::string_view productName);

} // namespace fieldkit::hw
