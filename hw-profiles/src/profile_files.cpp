#include <algorithm>
#include <fieldkit/hw/profile_files.hpp>
#include <fieldkit/hw/profile_json.hpp>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>

#ifndef FIELDKIT_HW_PROFILES_DIR
#error "FIELDKIT_HW_PROFILES_DIR must point at the shipped profiles (set in hw-profiles/CMakeLists.txt)"
#endif

namespace fieldkit::hw {

namespace {

constexpr std::uintmax_t kMaxProfileBytes =
    std::uintmax_t{1024} * 1024; // a profile is a few KiB; anything huge is a mistake

bool isProfileName(std::string_view name) {
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

} // namespace

std::filesystem::path shippedProfilesDir() {
    // A build runs from its source tree; an installed program (the packages) finds them under /usr/share.
    std::error_code ec;
    if (std::filesystem::is_directory(FIELDKIT_HW_PROFILES_DIR, ec)) {
        return FIELDKIT_HW_PROFILES_DIR;
    }
    return FIELDKIT_HW_PROFILES_INSTALLED_DIR;
}

std::filesystem::path resolveProfilesDir(std::string_view overrideDir) {
    return overrideDir.empty() ? shippedProfilesDir() : std::filesystem::path(overrideDir);
}

Result<Profile> loadProfileFile(const std::filesystem::path& path) {
    const std::string shown = path.string();
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        return makeError("profile_unreadable", "Profile " + shown + " cannot be read: " + ec.message() + ".");
    }
    if (size > kMaxProfileBytes) {
        return makeError("profile_too_large", "Profile " + shown + " is " + std::to_string(size) +
                                                  " bytes; a profile may be at most " +
                                                  std::to_string(kMaxProfileBytes) + " bytes.");
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && size > 0) {
        return makeError("profile_unreadable", "Profile " + shown + " cannot be read.");
    }
    return parseProfile(text.str(), shown);
}

Result<std::vector<std::string>> listProfiles(const std::filesystem::path& dir) {
    std::error_code ec;
    std::vector<std::string> names;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const auto& file = it->path();
        if (file.extension() == ".json" && it->is_regular_file(ec) &&
            file.filename() != "profile.schema.json") {
            names.push_back(file.stem().string());
        }
    }
    if (ec) {
        return makeError("profile_dir_unreadable", "The profiles directory " + dir.string() +
                                                       " cannot be listed: " + ec.message() + ".");
    }
    std::sort(names.begin(), names.end());
    return names;
}

Result<std::vector<Profile>> loadAllProfiles(const std::filesystem::path& dir) {
    auto names = listProfiles(dir);
    if (!names) {
        return names.error();
    }
    std::vector<Profile> profiles;
    for (const auto& name : *names) {
        auto profile = loadNamedProfile(name, dir);
        if (!profile) {
            return profile.error();
        }
        profiles.push_back(std::move(*profile));
    }
    return profiles;
}

Result<Profile> loadNamedProfile(std::string_view name, const std::filesystem::path& dir) {
    if (!isProfileName(name)) {
        return makeError("profile_bad_name",
                         "\"" + std::string(name) +
                             "\" is not a profile name (only a-z, 0-9 and '-' are allowed).");
    }
    const auto path = dir / (std::string(name) + ".json");
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        auto names = listProfiles(dir);
        std::string known;
        for (const auto& n : names ? *names : std::vector<std::string>{}) {
            known += known.empty() ? "" : ", ";
            known += n;
        }
        return makeError("profile_not_found",
                         "There is no profile named \"" + std::string(name) + "\" in " + dir.string() +
                             " (available: " + (known.empty() ? std::string("none") : known) + ").");
    }
    auto profile = loadProfileFile(path);
    if (profile && profile->name != name) {
        return makeError("profile_name_mismatch", "Profile " + path.string() + ": name is \"" +
                                                      profile->name + "\" but the file is named " +
                                                      std::string(name) + ".json; they must agree.");
    }
    return profile;
}

} // namespace fieldkit::hw
