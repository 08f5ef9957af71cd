#include "sysfs_file.hpp"

#include <cctype>
#include <fieldkit/hw/profile_selection.hpp>

namespace fieldkit::hw {

namespace {

char lower(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

std::string inQuotes(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

} // namespace

bool matchesDmiPattern(std::string_view pattern, std::string_view productName) {
    // Iterative glob with one backtrack point: linear enough for product names, no recursion to blow up.
    std::size_t p = 0;
    std::size_t n = 0;
    std::size_t starP = std::string_view::npos;
    std::size_t starN = 0;
    while (n < productName.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || lower(pattern[p]) == lower(productName[n]))) {
            ++p;
            ++n;
        } else if (p < pattern.size() && pattern[p] == '*') {
            starP = p++;
            starN = n;
        } else if (starP != std::string_view::npos) {
            p = starP + 1;
            n = ++starN;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') {
        ++p;
    }
    return p == pattern.size();
}

ProfileSelection selectProfile(std::string_view cliName, std::string_view envValue,
                               std::string_view dmiProductName, std::span<const Profile> available) {
    const auto cli = detail::trim(cliName);
    const auto env = detail::trim(envValue);
    const auto dmi = detail::trim(dmiProductName);
    if (!cli.empty()) {
        return {std::string(cli), SelectionSource::CommandLine,
                "Profile " + inQuotes(cli) + " was chosen with --profile on the command line."};
    }
    if (!env.empty()) {
        return {std::string(env), SelectionSource::Environment,
                "Profile " + inQuotes(env) + " was chosen by the environment variable FIELDKIT_PROFILE."};
    }
    if (!dmi.empty()) {
        for (const auto& profile : available) {
            for (const auto& pattern : profile.dmiPatterns) {
                if (matchesDmiPattern(pattern, dmi)) {
                    return {profile.name, SelectionSource::DmiMatch,
                            "Profile " + inQuotes(profile.name) +
                                " was detected: this machine's product name " + inQuotes(dmi) +
                                " matches its pattern " + inQuotes(pattern) + "."};
                }
            }
        }
    }
    const std::string why = dmi.empty() ? "the machine's product name could not be read"
                                        : "the product name " + inQuotes(dmi) + " matches no profile";
    return {std::string(kFallbackProfileName), SelectionSource::Fallback,
            "Profile " + inQuotes(kFallbackProfileName) +
                " is the default: no --profile, no FIELDKIT_PROFILE, and " + why + "."};
}

} // namespace fieldkit::hw
