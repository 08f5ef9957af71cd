#pragma once

#include <string>
#include <string_view>

namespace fieldkit::core {

/** True when `text` is well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above
 *  U+10FFFF, no truncated sequence. Text is checked once, where it enters (command line, JSON, inbound
 *  operations), so everything the project writes as JSON is valid. */
[[nodiscard]] bool isValidUtf8(std::string_view text) noexcept;

/** `text` with every malformed sequence replaced by U+FFFD: for writing out text that came from somewhere
 *  that could not check it (a value decrypted from another device), so the output stays valid. */
[[nodiscard]] std::string toValidUtf8(std::string_view text);

} // namespace fieldkit::core
