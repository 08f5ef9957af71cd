#pragma once

#include <cstddef>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/crypto/secret_bytes.hpp>
#include <fieldkit/crypto/symmetric_key.hpp>

namespace fieldkit::crypto {

/** Plaintext chunk size of attachment streams; every chunk but the last is exactly this size. */
inline constexpr std::size_t kAttachmentChunkSize = 256u * 1024u;
/** Bytes each chunk grows by when encrypted (secretstream tag + MAC). */
inline constexpr std::size_t kAttachmentChunkOverhead = 17;
/** Bytes of the stream header: 0x01 | secretstream header[24]. */
inline constexpr std::size_t kAttachmentHeaderSize = 25;

/** Encrypts an attachment chunk by chunk (crypto_secretstream_xchacha20poly1305), so a big file never has to
 * be in memory; the last chunk carries the FINAL tag so truncation is detected. */
class AttachmentEncryptor {
public:
    explicit AttachmentEncryptor(const AttachmentKey& key);

    /** Store it before the chunks; the decryptor needs it. */
    [[nodiscard]] const Bytes& header() const { return m_header; }
    /** `chunk` must be at most kAttachmentChunkSize (and exactly that unless `last`); nothing may follow
     * `last`. */
    [[nodiscard]] Bytes push(ByteView chunk, bool last);
    [[nodiscard]] bool finished() const { return m_finished; }

private:
    SecretBytes m_state;
    Bytes m_header;
    bool m_finished = false;
};

/** Decrypts chunks in order; rejects altered, reordered, truncated or over-long streams. */
class AttachmentDecryptor {
public:
    /** Codes: truncated, unsupported_version. */
    [[nodiscard]] static Result<AttachmentDecryptor> create(const AttachmentKey& key, ByteView header);

    /** Codes: bad_mac (altered, reordered, wrong key), malformed (oversized chunk, or a short chunk without
     *  FINAL), stream_after_final. */
    [[nodiscard]] Result<Bytes> pull(ByteView encryptedChunk);
    [[nodiscard]] bool finished() const { return m_finished; }
    /** Call at end of input: code "stream_truncated" unless the FINAL chunk was seen. */
    [[nodiscard]] Status finish() const;

private:
    explicit AttachmentDecryptor(SecretBytes state);
    SecretBytes m_state;
    bool m_finished = false;
    bool m_failed = false;
};

} // namespace fieldkit::crypto
