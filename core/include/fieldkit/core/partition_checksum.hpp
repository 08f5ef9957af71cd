#pragma once

#include <cstdint>
#include <string_view>

namespace fieldkit::core {

/** Identity of one applied operation as a 64-bit mix; XOR-ing these over a unit's operations gives a checksum
 *  that both sides can keep incrementally and compare at the head, so silent divergence (a lost or doubled
 *  operation) is detected. Not a security measure: TLS and the AEAD protect against tampering. */
[[nodiscard]] std::uint64_t operationFingerprint(std::uint64_t serverSeq, std::string_view deviceId,
                                                 std::uint64_t deviceSeq);

} // namespace fieldkit::core
