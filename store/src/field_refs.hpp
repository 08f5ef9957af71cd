#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <fieldkit/sqlite/database.hpp>
#include <fieldkit/store/store_types.hpp>
#include <vector>

namespace fieldkit::store::detail {

using FieldRef = store::FieldRef;

/** Clear, compact encoding of an operation's field references (LEB128 triples); ids stay readable for routing
 *  and merging while the values stay encrypted. */
[[nodiscard]] sqlite::Bytes encodeFieldRefs(const std::vector<FieldRef>& refs);
[[nodiscard]] Result<std::vector<FieldRef>> decodeFieldRefs(const sqlite::Bytes& encoded);

} // namespace fieldkit::store::detail
