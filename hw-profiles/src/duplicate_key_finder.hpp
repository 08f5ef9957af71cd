#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace fieldkit::hw::detail {

/**
 * The path of the first object key that appears twice in the same object ("power.low_percent"), if any.
 * Boost.JSON silently keeps the last duplicate; a strict loader must refuse such a document instead of
 * guessing which value was meant. Call it only on text that already parsed as JSON.
 */
[[nodiscard]] std::optional<std::string> findDuplicateKey(std::string_view json);

} // namespace fieldkit::hw::detail
