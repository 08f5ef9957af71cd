#include "sealed_key.hpp"
#include "sodium_guard.hpp"

#include <cassert>
#include <fieldkit/crypto/key_sealer.hpp>
#include <sodium.h>

namespace fieldkit::crypto {

KeySealer::KeySealer(const BoxPublicKey& recipient, RandomSource& random)
    : m_recipient(recipient)
    , m_shared(crypto_box_BEFORENMBYTES) {
    detail::ensureSodium();
    const BoxKeyPair ephemeral = BoxKeyPair::generate(random);
    m_ephemeralPublic = ephemeral.publicKey();
    // Fails only for a small-order recipient key, which BoxPublicKey never holds from a real key pair.
    const int rc = crypto_box_beforenm(m_shared.data(), recipient.bytes.data(), ephemeral.secret().data());
    assert(rc == 0);
    (void)rc;
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
