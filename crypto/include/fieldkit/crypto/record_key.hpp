#pragma once

#include <fieldkit/crypto/box_key_pair.hpp>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/crypto/random_source.hpp>
#include <fieldkit/crypto/symmetric_key.hpp>

namespace fieldkit::crypto {

// Record keys (per case) and attachment keys (per attachment) travel the same three ways: wrapped by the
// local DEK, and sealed to the center and to the unit. `binding` is the case id (record keys) or the
// attachment id (attachment keys) and is authenticated every way, so a key copied to another case fails to
// open.
//
// Sealed format v1: 0x01 | crypto_box_seal(kind | key[32] | binding). Sessions seal with a KeySealer
// (format v2, key_sealer.hpp: one ephemeral key per session); the open functions take both formats.

[[nodiscard]] Bytes wrapRecordKey(const DataKey& dek, const RecordKey& key, ByteView caseId,
                                  RandomSource& random = systemRandom());
[[nodiscard]] Result<RecordKey> unwrapRecordKey(const DataKey& dek, ByteView wrapped, ByteView caseId);
[[nodiscard]] Bytes sealRecordKey(const RecordKey& key, const BoxPublicKey& recipient, ByteView caseId);
/** Codes: truncated, unsupported_version, wrong_key (not sealed to this key or altered), wrong_key_kind,
 *  wrong_binding (sealed for another case). */
[[nodiscard]] Result<RecordKey> openSealedRecordKey(const BoxKeyPair& recipient, ByteView sealed,
                                                    ByteView caseId);

[[nodiscard]] Bytes wrapAttachmentKey(const DataKey& dek, const AttachmentKey& key, ByteView attachmentId,
                                      RandomSource& random = systemRandom());
[[nodiscard]] Result<AttachmentKey> unwrapAttachmentKey(const DataKey& dek, ByteView wrapped,
                                                        ByteView attachmentId);
[[nodiscard]] Bytes sealAttachmentKey(const AttachmentKey& key, const BoxPublicKey& recipient,
                                      ByteView attachmentId);
[[nodiscard]] Result<AttachmentKey> openSealedAttachmentKey(const BoxKeyPair& recipient, ByteView sealed,
                                                            ByteView attachmentId);

} // namespace fieldkit::crypto
