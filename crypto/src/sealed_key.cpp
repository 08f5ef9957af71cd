#include "sealed_key.hpp"

#include "little_endian.hpp"

#include <algorithm>
#include <cstring>
#include <fieldkit/crypto/errors.hpp>

namespace fieldkit::crypto::detail {

namespace {

constexpr std::uint8_t kVersion = 0x01;

} // namespace

Bytes sealKey(WrappedKeyKind kind, const SecretBytes& key, const BoxPublicKey& recipient, ByteView binding) {
    SecretBytes plain(1 + key.size() + binding.size());
    plain.data()[0] = static_cast<std::uint8_t>(kind);
    std::memcpy(plain.data() + 1, key.data(), key.size());
    if (!binding.empty()) {
        std::memcpy(plain.data() + 1 + key.size(), binding.data(), binding.size());
    }
    Bytes out{kVersion};
    appendBytes(out, sealTo(recipient, plain.view()));
    return out;
}

Result<SecretBytes> openSealedKey(WrappedKeyKind kind, const BoxKeyPair& recipient, ByteView sealed,
                                  ByteView binding) {
    if (sealed.empty()) {
        return makeError(errc::truncated, "The sealed key is empty.");
    }
    if (sealed[0] != kVersion) {
        return makeError(errc::unsupported_version, "The sealed key has an unknown format version.");
    }
    auto plain = openSealed(recipient, sealed.subspan(1));
    if (!plain) {
        return plain.error();
    }
    constexpr std::size_t kKeySize = 32;
    const ByteView view = plain->view();
    if (view.size() < 1 + kKeySize) {
        return makeError(errc::malformed, "The sealed key is too short to hold a key.");
    }
    if (view[0] != static_cast<std::uint8_t>(kind)) {
        return makeError(errc::wrong_key_kind, "The sealed key is for a different purpose.");
    }
    const ByteView storedBinding = view.subspan(1 + kKeySize);
    if (!std::ranges::equal(storedBinding, binding)) {
        return makeError(errc::wrong_binding, "The sealed key belongs to another record.");
    }
    return SecretBytes::copyOf(view.subspan(1, kKeySize));
}

} // namespace fieldkit::crypto::detail
