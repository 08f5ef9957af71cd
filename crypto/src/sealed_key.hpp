#pragma once

#include <fieldkit/crypto/box_key_pair.hpp>
#include <fieldkit/crypto/key_wrap.hpp>

// Internal: keys sealed to a box public key share one format (record_key.hpp documents it), whatever their
// kind.
namespace fieldkit::crypto::detail {

[[nodiscard]] Bytes sealKey(WrappedKeyKind kind, const SecretBytes& key, const BoxPublicKey& recipient,
                            ByteView binding);
[[nodiscard]] Result<SecretBytes> openSealedKey(WrappedKeyKind kind, const BoxKeyPair& recipient,
                                                ByteView sealed, ByteView binding);

} // namespace fieldkit::crypto::detail
