#pragma once
// application/x-www-form-urlencoded, as browsers send forms and queries: one decoder for the console and the
// citizen's status page, so both read a form the same way.

#include <map>
#include <string>
#include <string_view>

namespace fieldkit::common {

/** Decodes %XX and '+'; a malformed escape ("%zz", a trailing "%4") is kept as it is. */
[[nodiscard]] std::string urlDecode(std::string_view text);
/** Parses "a=1&b=2" into decoded pairs; a name without '=' has an empty value, the last of a repeated name
 *  wins, empty pairs ("a=1&&b=2") are skipped. */
[[nodiscard]] std::map<std::string, std::string> parseUrlEncoded(std::string_view text);
/** Percent-encodes everything but RFC 3986's unreserved characters. */
[[nodiscard]] std::string urlEncode(std::string_view text);

} // namespace fieldkit::common
