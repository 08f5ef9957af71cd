#pragma once

#include <cstdint>
#include <fieldkit/crypto/bytes.hpp>

// Internal: the zstd dictionaries compiled into the library. Each sealed-operation format version names
// exactly one; a dictionary is never changed once shipped (a new one gets a new version), so old data keeps
// opening.
namespace fieldkit::crypto::detail {

/** cases-v1, trained on tools/casegen payloads (crypto/dict/cases-v1.zdict); bytes generated at build time.
 */
[[nodiscard]] ByteView casesV1Dictionary();

/** The id zstd --train was given for cases-v1; checked when the dictionary is loaded. */
inline constexpr std::uint32_t kCasesV1DictionaryId = 0x464b0001; // "FK" 0001

} // namespace fieldkit::crypto::detail
