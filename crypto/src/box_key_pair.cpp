#include "sealed_key.hpp"
#include "sodium_guard.hpp"

#include <algorithm>
#include <cassert>
#include <fieldkit/crypto/box_key_pair.hpp>
#include <fieldkit/crypto/errors.hpp>
#include <sodium.h>
#include <utility>

namespace fieldkit::crypto {

static_assert(crypto_box_PUBLICKEYBYTES == 32 && crypto_box_SECRETKEYBYTES == 32);

Result<BoxPublicKey> BoxPublicKey::fromBytes(ByteView bytes) {
    BoxPublicKey key;
    if (bytes.size() != key.bytes.size()) {
        return makeError(errc::malformed, "A box public key must be 32 bytes.");
    }
    std::ranges::copy(bytes, key.bytes.begin());
    return key;
}

BoxKeyPair::BoxKeyPair(BoxPublicKey publicKey, SecretBytes secret)
    : m_public(publicKey)
    , m_secret(std::move(secret)) {}

BoxKeyPair BoxKeyPair::generate(RandomSource& random) {
    // Same as crypto_box_keypair (random scalar, public = scalarmult_base) but with our randomness seam.
    SecretBytes secret(crypto_box_SECRETKEYBYTES);
    random.fill(secret.span());
    auto pair = fromSecret(std::move(secret));
    assert(pair.ok());
    return std::move(pair).value();
}

Result<BoxKeyPair> BoxKeyPair::fromSecret(SecretBytes secret) {
    detail::ensureSodium();
    if (secret.size() != crypto_box_SECRETKEYBYTES) {
        return makeError(errc::malformed, "A box secret key must be 32 bytes.");
    }
    BoxPublicKey pk;
    // Fails only for an all-zero or small-order result, which a random scalar does not produce.
    if (crypto_scalarmult_base(pk.bytes.data(), secret.data()) != 0) {
        return makeError(errc::malformed, "The box secret key is not usable.");
    }
    return BoxKeyPair(pk, std::move(secret));
}

Bytes sealTo(const BoxPublicKey& recipient, ByteView plaintext) {
    detail::ensureSodium();
    Bytes out(plaintext.size() + crypto_box_SEALBYTES);
    const int rc = crypto_box_seal(out.data(), plaintext.data(), plaintext.size(), recipient.bytes.data());
    assert(rc == 0);
    (void)rc;
    return out;
}

Result<SecretBytes> openSealed(const BoxKeyPair& recipient, ByteView sealed) {
    detail::ensureSodium();
    if (sealed.size() < crypto_box_SEALBYTES) {
        return makeError(errc::truncated, "The sealed box is cut short.");
    }
    SecretBytes plain(sealed.size() - crypto_box_SEALBYTES);
    if (crypto_box_seal_open(plain.data(), sealed.data(), sealed.size(), recipient.publicKey().bytes.data(),
                             recipient.secret().data()) != 0) {
        return makeError(errc::wrong_key, "The sealed box does not open with this key.");
    }
    return plain;
}

Bytes wrapBoxKeyPair(const DataKey& dek, WrappedKeyKind kind, const BoxKeyPair& pair, RandomSource& random) {
    return wrapUnderDataKey(dek, kind, pair.secret(), {}, random);
}

Result<BoxKeyPair> unwrapBoxKeyPair(const DataKey& dek, WrappedKeyKind kind, ByteView wrapped) {
    auto secret = unwrapUnderDataKey(dek, kind, wrapped, {});
    if (!secret) {
        return secret.error();
    }
    return BoxKeyPair::fromSecret(std::move(secret).value());
}

Bytes sealBoxKeyPair(const BoxKeyPair& pair, const BoxPublicKey& recipient) {
    return detail::sealKey(WrappedKeyKind::unitBoxSecret, pair.secret(), recipient, {});
}

Result<BoxKeyPair> openSealedBoxKeyPair(const BoxKeyPair& recipient, ByteView sealed) {
    auto secret = detail::openSealedKey(WrappedKeyKind::unitBoxSecret, recipient, sealed, {});
    if (!secret) {
        return secret.error();
    }
    return BoxKeyPair::fromSecret(std::move(secret).value());
}

} // namespace fieldkit::crypto
