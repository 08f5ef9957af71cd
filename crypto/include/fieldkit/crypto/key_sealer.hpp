#pragma once

#include <fieldkit/crypto/box_key_pair.hpp>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/crypto/random_source.hpp>
#include <fieldkit/crypto/secret_bytes.hpp>
#include <fieldkit/crypto/symmetric_key.hpp>

namespace fieldkit::crypto {

/** Seals record and attachment keys to one recipient (the center or the unit) for a whole session.
 *
 *  `sealRecordKey` (format v1, crypto_box_seal) draws a fresh X25519 key pair and computes a shared key for
 *  every key it seals: two scalar multiplications, the largest cost of creating a case. A sealer draws one
 *  ephemeral pair and computes the shared key once; each key it seals is then one XSalsa20-Poly1305 box.
 *
 *  Sealed format v2: 0x02 | ephemeral public key[32] | crypto_box_easy_afternm(kind | key[32] | binding),
 *  nonce = BLAKE2b-192("fieldkit/sealed-key/v2" | ephemeral pk | recipient pk | kind | binding). The nonce is
 *  derived rather than sent (24 bytes less per key on the wire): it is unique because a sealer seals each
 *  (kind, binding) once — a case's record key and an attachment's key are made once, under random ids.
 *  `openSealedRecordKey` / `openSealedAttachmentKey` open both formats. */
class KeySealer {
public:
    explicit KeySealer(const BoxPublicKey& recipient, RandomSource& random = systemRandom());

    [[nodiscard]] Bytes sealRecordKey(const RecordKey& key, ByteView caseId) const;
    [[nodiscard]] Bytes sealAttachmentKey(const AttachmentKey& key, ByteView attachmentId) const;
    [[nodiscard]] const BoxPublicKey& recipient() const { return m_recipient; }

private:
    [[nodiscard]] Bytes seal(WrappedKeyKind kind, const SecretBytes& key, ByteView binding) const;

    BoxPublicKey m_recipient;
    BoxPublicKey m_ephemeralPublic;
    SecretBytes m_shared; // crypto_box_beforenm(recipient, ephemeral secret); the ephemeral secret is gone
};

} // namespace fieldkit::crypto
