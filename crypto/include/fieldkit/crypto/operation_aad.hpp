#pragma once

#include <cstdint>
#include <fieldkit/crypto/bytes.hpp>
#include <span>
#include <string_view>

namespace fieldkit::crypto {

/** The associated data an operation ciphertext is bound to, so it cannot be moved to another case or
 * operation or relabelled with other field ids. Unambiguous encoding (fixed or length-prefixed,
 * little-endian): "fkop" | 0x01 | case_id[16] | u32le len | device_id | u64le device_seq | u32le n | n ×
 * u32le field_id | u32le schema_version. */
[[nodiscard]] Bytes operationAad(std::span<const std::uint8_t, 16> caseId, ByteView deviceId,
                                 std::uint64_t deviceSeq, std::span<const std::uint32_t> fieldIds,
                                 std::uint32_t schemaVersion);

[[nodiscard]] inline Bytes operationAad(std::span<const std::uint8_t, 16> caseId, std::string_view deviceId,
                                        std::uint64_t deviceSeq, std::span<const std::uint32_t> fieldIds,
                                        std::uint32_t schemaVersion) {
    return operationAad(caseId, asBytes(deviceId), deviceSeq, fieldIds, schemaVersion);
}

} // namespace fieldkit::crypto
