#include "little_endian.hpp"

#include <cassert>
#include <fieldkit/crypto/operation_aad.hpp>

namespace fieldkit::crypto {

Bytes operationAad(std::span<const std::uint8_t, 16> caseId, ByteView deviceId, std::uint64_t deviceSeq,
                   std::span<const std::uint32_t> fieldIds, std::uint32_t schemaVersion) {
    assert(deviceId.size() <= UINT32_MAX && fieldIds.size() <= UINT32_MAX);
    Bytes out{'f', 'k', 'o', 'p', 0x01};
    out.reserve(5 + 16 + 4 + deviceId.size() + 8 + 4 + 4 * fieldIds.size() + 4);
    detail::appendBytes(out, caseId);
    detail::appendU32(out, static_cast<std::uint32_t>(deviceId.size()));
    detail::appendBytes(out, deviceId);
    detail::appendU64(out, deviceSeq);
    detail::appendU32(out, static_cast<std::uint32_t>(fieldIds.size()));
    for (std::uint32_t id : fieldIds) {
        detail::appendU32(out, id);
    }
    detail::appendU32(out, schemaVersion);
    return out;
}

} // namespace fieldkit::crypto
