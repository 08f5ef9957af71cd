#pragma once

#include <fieldkit/core/result.hpp>
#include <filesystem>
#include <string>
#include <string_view>

namespace fieldkit::common {

/** Reads a whole small file (keys, certificates, status). */
[[nodiscard]] Result<std::string> readFile(const std::filesystem::path& path);

/** Writes via a temporary file, fsync and rename, so readers see the old or the new content, never half.
 *  `privateFile` makes it 0600 (keys). */
[[nodiscard]] Status writeFileAtomic(const std::filesystem::path& path, std::string_view content,
                                     bool privateFile);

} // namespace fieldkit::common
