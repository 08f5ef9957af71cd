#include "sodium_guard.hpp"

#include <cassert>
#include <fieldkit/crypto/attachment_stream.hpp>
#include <fieldkit/crypto/errors.hpp>
#include <sodium.h>
#include <utility>

namespace fieldkit::crypto {

namespace {

using State = crypto_secretstream_xchacha20poly1305_state;

constexpr std::uint8_t kVersion = 0x01;

static_assert(kAttachmentChunkOverhead == crypto_secretstream_xchacha20poly1305_ABYTES);
static_assert(kAttachmentHeaderSize == 1 + crypto_secretstream_xchacha20poly1305_HEADERBYTES);
// The state holds the stream key, so it lives in SecretBytes; byte arrays only, so any address is aligned.
static_assert(alignof(State) == 1);

State* stateOf(SecretBytes& bytes) {
    assert(bytes.size() == sizeof(State));
    return reinterpret_cast<State*>(bytes.data());
}

} // namespace

AttachmentEncryptor::AttachmentEncryptor(const AttachmentKey& key)
    : m_state(sizeof(State)) {
    detail::ensureSodium();
    m_header.resize(kAttachmentHeaderSize);
    m_header[0] = kVersion;
    crypto_secretstream_xchacha20poly1305_init_push(stateOf(m_state), m_header.data() + 1,
                                                    key.secret().data());
}

Bytes AttachmentEncryptor::push(ByteView chunk, bool last) {
    assert(!m_finished && "push after the last chunk");
    assert(chunk.size() <= kAttachmentChunkSize);
    assert((last || chunk.size() == kAttachmentChunkSize) && "only the last chunk may be short");
    Bytes out(chunk.size() + kAttachmentChunkOverhead);
    const unsigned char tag = last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                                   : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
    crypto_secretstream_xchacha20poly1305_push(stateOf(m_state), out.data(), nullptr, chunk.data(),
                                               chunk.size(), nullptr, 0, tag);
    if (last) {
        m_finished = true;
        m_state.reset();
    }
    return out;
}

AttachmentDecryptor::AttachmentDecryptor(SecretBytes state)
    : m_state(std::move(state)) {}

Result<AttachmentDecryptor> AttachmentDecryptor::create(const AttachmentKey& key, ByteView header) {
    detail::ensureSodium();
    if (header.empty()) {
        return makeError(errc::truncated, "The attachment header is empty.");
    }
    if (header[0] != kVersion) {
        return makeError(errc::unsupported_version, "The attachment was encrypted in an unknown format.");
    }
    if (header.size() != kAttachmentHeaderSize) {
        return makeError(errc::truncated, "The attachment header has the wrong length.");
    }
    SecretBytes state(sizeof(State));
    if (crypto_secretstream_xchacha20poly1305_init_pull(stateOf(state), header.data() + 1,
                                                        key.secret().data()) != 0) {
        return makeError(errc::malformed, "The attachment header is not valid.");
    }
    return AttachmentDecryptor(std::move(state));
}

Result<Bytes> AttachmentDecryptor::pull(ByteView encryptedChunk) {
    if (m_finished) {
        return makeError(errc::stream_after_final, "The attachment has data after its last chunk.");
    }
    if (m_failed) {
        // secretstream state is undefined after a failed pull; refuse instead of guessing.
        return makeError(errc::bad_mac, "The attachment stream already failed.");
    }
    if (encryptedChunk.size() < kAttachmentChunkOverhead ||
        encryptedChunk.size() > kAttachmentChunkSize + kAttachmentChunkOverhead) {
        m_failed = true;
        return makeError(errc::malformed, "An attachment chunk has an impossible size.");
    }
    Bytes out(encryptedChunk.size() - kAttachmentChunkOverhead);
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(stateOf(m_state), out.data(), nullptr, &tag,
                                                   encryptedChunk.data(), encryptedChunk.size(), nullptr,
                                                   0) != 0) {
        m_failed = true;
        return makeError(errc::bad_mac, "An attachment chunk is altered, out of order or under another key.");
    }
    if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
        m_finished = true;
        m_state.reset();
    } else if (tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE ||
               out.size() != kAttachmentChunkSize) {
        // We only ever write full MESSAGE chunks before FINAL; anything else was not written by us.
        m_failed = true;
        return makeError(errc::malformed, "An attachment chunk is not a full chunk.");
    }
    return out;
}

Status AttachmentDecryptor::finish() const {
    if (!m_finished) {
        return makeError(errc::stream_truncated, "The attachment ends before its last chunk.");
    }
    return {};
}

} // namespace fieldkit::crypto
