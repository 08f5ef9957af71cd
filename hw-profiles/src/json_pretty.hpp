#pragma once

#include <boost/json/value.hpp>
#include <string>

namespace fieldkit::hw::detail {

/** Shortest text that reads back as the same double, always with a fraction ("10.1", "1.0"; not "1.01E1"). */
[[nodiscard]] std::string formatNumber(double value);

/** Indented JSON for people: two spaces, arrays of scalars on one line, keys in insertion order. */
[[nodiscard]] std::string prettyJson(const boost::json::value& value);

} // namespace fieldkit::hw::detail
