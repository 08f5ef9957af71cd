#include "sealed_key.hpp"
#include "sodium_guard.hpp"

#include <cstdio>
#include <cstdlib>
#include <fieldkit/crypto/key_sealer.hpp>
#include <sodium.h>

namespace fieldkit::crypto {

KeySealer::KeySealer(const BoxPublicKey& recipient, RandomSource& random)
    : m_recipient(recipient)
    , m_shared(crypto_box_BEFORENMBYTES) {
    detail::ensureSodium();
    const BoxKeyPair ephemeral = BoxKeyPair::generate(random);
    m_ephemeralPublic = ephemeral.publicKey();
    // Fails only for a small-order recipient key (all zeros, say), which no real key pair has. Sealing to one
    // would produce a box anyone could open, so it is never carried on with, in release builds either.
    if (crypto_box_beforenm(m_shared.data(), recipient.bytes.data(), ephemeral.secret().data()) != 0) {
        static_cast<void>(
            std::fputs("fieldkit crypto: refusing to seal to a key that is not a public key\n", stderr));
        std::abort();
    }
}

Bytes KeySealer::sealRecordKey(const RecordKey& key, ByteView caseId) const {
    return seal(WrappedKeyKind::record, key.secret(), caseId);
}

Bytes KeySealer::sealAttachmentKey(const AttachmentKey& key, ByteView attachmentId) const {
    return seal(WrappedKeyKind::attachment, key.secret(), attachmentId);
}

Bytes KeySealer::seal(WrappedKeyKind kind, const SecretBytes& key, ByteView binding) const {
    return detail::sealKeyWithSealer(kind, key, m_ephemeralPublic, m_recipient, m_shared, binding);
}

} // namespace fieldkit::crypto
