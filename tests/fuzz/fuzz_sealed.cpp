// libFuzzer target: opening what arrives sealed from elsewhere - an operation under a record key, record and
// attachment keys sealed to a box key, a sealed box key pair, and an attachment stream (header then chunks).
// Each must refuse anything it did not seal itself with a code, never crash or read out of bounds.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fieldkit/crypto/attachment_stream.hpp>
#include <fieldkit/crypto/box_key_pair.hpp>
#include <fieldkit/crypto/operation_seal.hpp>
#include <fieldkit/crypto/record_key.hpp>
#include <fieldkit/crypto/runtime.hpp>
#include <fieldkit/crypto/secret_bytes.hpp>
#include <fieldkit/crypto/symmetric_key.hpp>
#include <sodium.h>

namespace {

using namespace fieldkit::crypto;

/** Fixed keys: the fuzzer explores the parsing in front of the MAC checks, not the keys. */
SecretBytes fixedSecret(std::uint8_t fill) {
    SecretBytes secret(32);
    for (auto& byte : secret.span()) {
        byte = fill;
    }
    return secret;
}

/** Splits the input at the first two bytes: a length-prefixed first part, the rest second. */
std::pair<ByteView, ByteView> split(ByteView input) {
    if (input.size() < 2) {
        return {ByteView(), input};
    }
    const std::size_t first = std::min<std::size_t>(input[0] | (input[1] << 8), input.size() - 2);
    return {input.subspan(2, first), input.subspan(2 + first)};
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
    return initCrypto().ok() ? 0 : 1;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto recordKey = *RecordKey::fromSecret(fixedSecret(7));
    static const auto attachmentKey = *AttachmentKey::fromSecret(fixedSecret(9));
    static const auto recipient = *BoxKeyPair::fromSecret(fixedSecret(11));

    const ByteView input(data, size);
    const auto [head, rest] = split(input);

    (void)openOperation(recordKey, head, rest);
    // Sealing is the inverse of opening, for any plaintext and AAD.
    const auto sealed = sealOperation(recordKey, head, rest);
    auto opened = openOperation(recordKey, head, sealed);
    if (!opened || !std::ranges::equal(*opened, rest)) {
        std::abort();
    }
    // A device that holds the record key can seal anything as the compressed payload: the decompression
    // behind the MAC must refuse what is not a bounded zstd frame. Sealed here with libsodium directly (the
    // format of operation_seal.hpp: version | nonce | AEAD(payload, version | aad)), because sealOperation
    // compresses.
    {
        Bytes forged(1 + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + rest.size() +
                     crypto_aead_xchacha20poly1305_ietf_ABYTES);
        forged[0] = 0x01;
        Bytes aad(1 + head.size());
        aad[0] = 0x01;
        std::ranges::copy(head, aad.begin() + 1);
        unsigned long long written = 0;
        crypto_aead_xchacha20poly1305_ietf_encrypt(
            forged.data() + 1 + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &written, rest.data(),
            rest.size(), aad.data(), aad.size(), nullptr, forged.data() + 1, recordKey.secret().data());
        auto payload = openOperation(recordKey, head, forged);
        if (payload && payload->size() > kMaxOperationPlaintext) {
            std::abort();
        }
    }
    (void)openSealedRecordKey(recipient, rest, head);
    (void)openSealedAttachmentKey(recipient, rest, head);
    (void)openSealedBoxKeyPair(recipient, input);
    (void)openSealed(recipient, input);

    // An attachment stream: the header, then chunks whose sizes the input gives (one byte each, × 64).
    auto decryptor = AttachmentDecryptor::create(attachmentKey, head);
    if (!decryptor) {
        return 0;
    }
    ByteView chunks = rest;
    while (!chunks.empty()) {
        const std::size_t length = std::min<std::size_t>(std::size_t{chunks[0]} * 64, chunks.size() - 1);
        auto plain = decryptor->pull(chunks.subspan(1, length));
        chunks = chunks.subspan(1 + length);
        if (!plain) {
            break;
        }
    }
    (void)decryptor->finish();
    return 0;
}
