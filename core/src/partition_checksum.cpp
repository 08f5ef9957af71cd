#include <fieldkit/core/partition_checksum.hpp>

namespace fieldkit::core {
namespace {

std::uint64_t mix(std::uint64_t z) {
    // splitmix64 finaliser: good avalanche, so nearby sequences give unrelated fingerprints.
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

} // namespace

std::uint64_t operationFingerprint(std::uint64_t serverSeq, std::string_view deviceId,
                                   std::uint64_t deviceSeq) {
    std::uint64_t h = mix(serverSeq + 0x9e3779b97f4a7c15ull);
    for (const char c : deviceId) {
        h = mix(h ^ static_cast<std::uint8_t>(c));
    }
    return mix(h ^ mix(deviceSeq));
}

} // namespace fieldkit::core
