#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace fieldkit::hw::detail {

/** The first line of a small sysfs attribute, trimmed; nullopt when it is missing or unreadable. */
[[nodiscard]] std::optional<std::string> readAttribute(const std::filesystem::path& file);

/** `text` without leading and trailing whitespace. */
[[nodiscard]] std::string_view trim(std::string_view text);

} // namespace fieldkit::hw::detail
