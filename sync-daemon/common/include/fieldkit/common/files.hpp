#pragma once

#include <fieldkit/core/result.hpp>
#include <filesystem>
#include <string>
#include <string_view>

namespace fieldkit::common {

/** Reads a whole small file (keys, certificates, status). */
[[nodiscard]] Result<std::string> readFile(const std::filesystem::path& path);

/** Writes via a fresh temporary file beside `path` (random name, O_CREAT|O_EXCL|O_NOFOLLOW: never a file or
 *  symlink someone prepared), fsync and rename, so readers see the old or the new content, never half.
 *  `privateFile` makes it exactly 0600 whatever the umask (keys, decrypted content, pins, status), otherwise
 *  0644 (certificates). */
[[nodiscard]] Status writeFileAtomic(const std::filesystem::path& path, std::string_view content,
                                     bool privateFile);

} // namespace fieldkit::common
