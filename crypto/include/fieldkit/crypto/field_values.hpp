#pragma once

#include <cstdint>
#include <fieldkit/crypto/bytes.hpp>
#include <string>
#include <vector>

namespace fieldkit::crypto {

/** Stable ids of the encrypted fields (ARCHITECTURE.md "Data model"); never reused. */
namespace field_id {
inline constexpr std::uint32_t cpr = 1;
inline constexpr std::uint32_t name = 2;
inline constexpr std::uint32_t address = 3;
inline constexpr std::uint32_t phone = 4;
inline constexpr std::uint32_t note = 5;
inline constexpr std::uint32_t checklist = 6;
inline constexpr std::uint32_t signature = 7;
inline constexpr std::uint32_t attachment = 8;
} // namespace field_id

/** One field's new value within an operation. */
struct FieldValue {
    std::uint32_t field_id = 0;
    std::string value;

    friend bool operator==(const FieldValue&, const FieldValue&) = default;
};

/** The plaintext of an operation (and what the zstd dictionary is trained on).
 *  Format v1: 0x01 | varint count | count × (varint field_id | varint length | bytes); LEB128 varints. */
[[nodiscard]] Bytes encodeFieldValues(const std::vector<FieldValue>& values);

/** Codes: truncated, unsupported_version, malformed (overlong varint, id beyond 32 bits, trailing bytes). */
[[nodiscard]] Result<std::vector<FieldValue>> decodeFieldValues(ByteView encoded);

} // namespace fieldkit::crypto
