#pragma once

#include <map>
#include <string>
#include <string_view>

namespace fieldkit::core {

/** Reads an operation's clear metadata changes, `key=value;key=value` (e.g.
 * `service=passport;status=opened`). Values are codes, never personal data; entries without `=` are ignored.
 */
[[nodiscard]] std::map<std::string, std::string> parseCaseMeta(std::string_view meta);

} // namespace fieldkit::core
