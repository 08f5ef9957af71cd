#include "sealed_key.hpp"

#include <fieldkit/crypto/record_key.hpp>
#include <utility>

namespace fieldkit::crypto {

namespace {

template <typename Key>
Result<Key> adopt(Result<SecretBytes> secret) {
    if (!secret) {
        return secret.error();
    }
    return Key::fromSecret(std::move(secret).value());
}

} // namespace

Bytes wrapRecordKey(const DataKey& dek, const RecordKey& key, ByteView caseId, RandomSource& random) {
    return wrapUnderDataKey(dek, WrappedKeyKind::record, key.secret(), caseId, random);
}

Result<RecordKey> unwrapRecordKey(const DataKey& dek, ByteView wrapped, ByteView caseId) {
    return adopt<RecordKey>(unwrapUnderDataKey(dek, WrappedKeyKind::record, wrapped, caseId));
}

Bytes sealRecordKey(const RecordKey& key, const BoxPublicKey& recipient, ByteView caseId) {
    return detail::sealKey(WrappedKeyKind::record, key.secret(), recipient, caseId);
}

Result<RecordKey> openSealedRecordKey(const BoxKeyPair& recipient, ByteView sealed, ByteView caseId) {
    return adopt<RecordKey>(detail::openSealedKey(WrappedKeyKind::record, recipient, sealed, caseId));
}

Bytes wrapAttachmentKey(const DataKey& dek, const AttachmentKey& key, ByteView attachmentId,
                        RandomSource& random) {
    return wrapUnderDataKey(dek, WrappedKeyKind::attachment, key.secret(), attachmentId, random);
}

Result<AttachmentKey> unwrapAttachmentKey(const DataKey& dek, ByteView wrapped, ByteView attachmentId) {
    return adopt<AttachmentKey>(unwrapUnderDataKey(dek, WrappedKeyKind::attachment, wrapped, attachmentId));
}

Bytes sealAttachmentKey(const AttachmentKey& key, const BoxPublicKey& recipient, ByteView attachmentId) {
    return detail::sealKey(WrappedKeyKind::attachment, key.secret(), recipient, attachmentId);
}

Result<AttachmentKey> openSealedAttachmentKey(const BoxKeyPair& recipient, ByteView sealed,
                                              ByteView attachmentId) {
    return adopt<AttachmentKey>(
        detail::openSealedKey(WrappedKeyKind::attachment, recipient, sealed, attachmentId));
}

} // namespace fieldkit::crypto
