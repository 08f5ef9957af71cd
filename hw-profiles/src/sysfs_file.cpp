#include "sysfs_file.hpp"

#include <fstream>

namespace fieldkit::hw::detail {

std::string_view trim(std::string_view text) {
    constexpr std::string_view kSpace = " \t\r\n\v\f";
    const auto first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(kSpace);
    return text.substr(first, last - first + 1);
}

std::optional<std::string> readAttribute(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::string line;
    // Reading `carrier` of a down interface fails with EINVAL even though the file exists: treat as missing.
    if (!in || !std::getline(in, line)) {
        return std::nullopt;
    }
    return std::string(trim(line));
}

} // namespace fieldkit::hw::detail
