#pragma once

#include <cstddef>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/crypto/random_source.hpp>
#include <fieldkit/crypto/symmetric_key.hpp>

namespace fieldkit::crypto {

/** Largest plaintext an operation may decompress to; attachments go through AttachmentEncryptor instead. */
inline constexpr std::size_t kMaxOperationPlaintext = 16u << 20;

/** Compresses `plaintext` (encoded field values) with the current zstd dictionary and encrypts it once with
 *  XChaCha20-Poly1305 (IETF) under the record key, random nonce.
 *  Format: version | nonce[24] | ciphertext+tag; the version names the dictionary (0x01 = cases-v1) and is
 * itself authenticated (AEAD AAD = version | aad). */
[[nodiscard]] Bytes sealOperation(const RecordKey& key, ByteView aad, ByteView plaintext,
                                  RandomSource& random = systemRandom());

/** Codes: truncated, unsupported_version, bad_mac (wrong key, other AAD: moved or relabelled, or altered),
 *  decompress_failed, malformed (declared size over kMaxOperationPlaintext). */
[[nodiscard]] Result<Bytes> openOperation(const RecordKey& key, ByteView aad, ByteView sealed);

/** The zstd level operations are compressed at. Any level decompresses with the same code, so changing it
 *  never changes the format. */
inline constexpr int kOperationCompressionLevel = 5;

/** Diagnostics for benchmarks and the dictionary report: zstd size of `plaintext` with and without the
 * dictionary. */
struct CompressionSizes {
    std::size_t raw = 0;
    std::size_t withDictionary = 0;
    std::size_t withoutDictionary = 0;
};
[[nodiscard]] CompressionSizes measureCompression(ByteView plaintext);

} // namespace fieldkit::crypto
