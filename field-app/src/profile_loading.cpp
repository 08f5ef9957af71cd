#include <cstdlib>
#include <fieldkit/app/profile_loading.hpp>
#include <fieldkit/hw/dmi_product_name.hpp>
#include <fieldkit/hw/profile_files.hpp>

namespace fieldkit::app {
namespace {

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value == nullptr ? std::string() : std::string(value);
}

} // namespace

Result<LoadedProfile> loadAppProfile(const QString& cliName) {
    const auto dir = hw::resolveProfilesDir(env("FIELDKIT_PROFILES_DIR"));
    auto all = hw::loadAllProfiles(dir);
    if (!all) {
        return all.error();
    }
    auto selection =
        hw::selectProfile(cliName.toStdString(), env("FIELDKIT_PROFILE"), hw::readDmiProductName(), *all);
    auto profile = hw::loadNamedProfile(selection.name, dir);
    if (!profile) {
        return profile.error();
    }
    return LoadedProfile{std::move(profile).value(), std::move(selection)};
}

} // namespace fieldkit::app
