#pragma once

#include <array>
#include <cstdint>
#include <fieldkit/crypto/box_key_pair.hpp>
#include <fieldkit/crypto/key_wrap.hpp>

// Internal: keys sealed to a box public key share one format (record_key.hpp documents it), whatever their
// kind.
namespace fieldkit::crypto::detail {

[[nodiscard]] SecretBytes sealedKeyPlaintext(WrappedKeyKind kind, const SecretBytes& key, ByteView binding);
/** Format v2's nonce (see key_sealer.hpp). */
[[nodiscard]] std::array<std::uint8_t, 24> sealerNonce(const BoxPublicKey& ephemeral,
                                                       const BoxPublicKey& recipient, WrappedKeyKind kind,
                                                       ByteView binding);
/** Bindings are ids (16 bytes); a sealer takes up to this many. */
inline constexpr std::size_t kMaxSealerBinding = 64;
[[nodiscard]] Bytes sealKeyWithSealer(WrappedKeyKind kind, const SecretBytes& key,
                                      const BoxPublicKey& ephemeral, const BoxPublicKey& recipient,
                                      const SecretBytes& shared, ByteView binding);
[[nodiscard]] Bytes sealKey(WrappedKeyKind kind, const SecretBytes& key, const BoxPublicKey& recipient,
                            ByteView binding);
[[nodiscard]] Result<SecretBytes> openSealedKey(WrappedKeyKind kind, const BoxKeyPair& recipient,
                                                ByteView sealed, ByteView binding);

} // namespace fieldkit::crypto::detail
