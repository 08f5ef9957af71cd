#pragma once

#include <QString>
#include <fieldkit/core/result.hpp>
#include <fieldkit/hw/profile.hpp>
#include <fieldkit/hw/profile_selection.hpp>

namespace fieldkit::app {

/** The profile the app runs with and why it was chosen. */
struct LoadedProfile {
    hw::Profile profile;
    hw::ProfileSelection selection;
};

/**
 * Selects (`--profile`, FIELDKIT_PROFILE, DMI product name, fallback) and loads the hardware profile from
 * FIELDKIT_PROFILES_DIR or the shipped folder. A bad profile is an error: nothing starts half-configured.
 */
[[nodiscard]] Result<LoadedProfile> loadAppProfile(const QString& cliName);

} // namespace fieldkit::app
