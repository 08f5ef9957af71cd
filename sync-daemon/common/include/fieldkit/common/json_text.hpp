#pragma once

#include <boost/json/value.hpp>
#include <string>

namespace fieldkit::common {

/** Serialises `value` as JSON that is always valid: malformed UTF-8 in any string or key becomes U+FFFD
 *  (Boost.JSON would copy the bytes through). Text is refused where it enters; this guards output built from
 *  values no one here could check, such as a value decrypted from another device. */
[[nodiscard]] std::string serializeValidJson(boost::json::value value);

} // namespace fieldkit::common
