#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <fieldkit/sqlite/database.hpp>
#include <vector>

namespace fieldkit::store::detail {

/** A field an operation touches and the center sequence of the version its author saw (0: none). */
struct FieldRef {
    std::uint32_t fieldId = 0;
    std::uint64_t baseSeq = 0;
    friend bool operator==(const FieldRef&, const FieldRef&) = default;
};

/** Clear, compact encoding of an operation's field references (LEB128 pairs); ids stay readable for routing
 *  and merging while the values stay encrypted. */
[[nodiscard]] sqlite::Bytes encodeFieldRefs(const std::vector<FieldRef>& refs);
[[nodiscard]] Result<std::vector<FieldRef>> decodeFieldRefs(const sqlite::Bytes& encoded);

} // namespace fieldkit::store::detail
