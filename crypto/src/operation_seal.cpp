#include "dictionaries.hpp"
#include "sodium_guard.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <fieldkit/crypto/errors.hpp>
#include <fieldkit/crypto/operation_seal.hpp>
#include <memory>
#include <sodium.h>
#include <zstd.h>

namespace fieldkit::crypto {

namespace {

constexpr std::uint8_t kVersionCasesV1 = 0x01;
constexpr std::size_t kNonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTagSize = crypto_aead_xchacha20poly1305_ietf_ABYTES;
// Measured with the dictionary on generated cases (675 B of values, fieldkit-bench-store): level 3 gives
// 147 B in 4.4 us, 4 gives 145 B in 4.8 us, 5 gives 138 B in 6.8 us, 6 gives 135 B in 12.6 us, 9 gives
// 132 B in 15.2 us, and 19 took ~340 us. Level 5 keeps all but 6 B of level 9's size for under half its time,
// which a durable single save (about 100 us of CPU) notices and a 2G link does not.
constexpr int kCompressionLevel = kOperationCompressionLevel;

[[noreturn]] void die(const char* what) {
    static_cast<void>(std::fprintf(stderr, "fieldkit crypto: %s\n", what));
    std::abort();
}

struct CCtxFree {
    void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct DCtxFree {
    void operator()(ZSTD_DCtx* c) const { ZSTD_freeDCtx(c); }
};

/** The loaded cases-v1 dictionary; digested once and shared read-only by all threads. */
struct Dictionary {
    ZSTD_CDict* cdict = nullptr;
    ZSTD_DDict* ddict = nullptr;

    Dictionary() {
        const ByteView bytes = detail::casesV1Dictionary();
        if (ZSTD_getDictID_fromDict(bytes.data(), bytes.size()) != detail::kCasesV1DictionaryId) {
            die("embedded zstd dictionary has the wrong id");
        }
        cdict = ZSTD_createCDict(bytes.data(), bytes.size(), kCompressionLevel);
        ddict = ZSTD_createDDict(bytes.data(), bytes.size());
        if (cdict == nullptr || ddict == nullptr) {
            die("could not load the zstd dictionary");
        }
    }
    ~Dictionary() {
        ZSTD_freeCDict(cdict);
        ZSTD_freeDDict(ddict);
    }
    Dictionary(const Dictionary&) = delete;
    Dictionary& operator=(const Dictionary&) = delete;
};

const Dictionary& casesV1() {
    static const Dictionary dictionary;
    return dictionary;
}

void check(std::size_t zstdResult) {
    if (ZSTD_isError(zstdResult)) {
        die(ZSTD_getErrorName(zstdResult));
    }
}

/** Per-thread contexts: creating one per save would dominate the cost of compressing a 1 KB record. */
ZSTD_CCtx* compressionContext(const ZSTD_CDict* cdict) {
    thread_local std::unique_ptr<ZSTD_CCtx, CCtxFree> ctx(ZSTD_createCCtx());
    if (!ctx) {
        die("ZSTD_createCCtx failed");
    }
    check(ZSTD_CCtx_reset(ctx.get(), ZSTD_reset_session_and_parameters));
    if (cdict != nullptr) {
        check(ZSTD_CCtx_refCDict(ctx.get(), cdict));
    } else {
        check(ZSTD_CCtx_setParameter(ctx.get(), ZSTD_c_compressionLevel, kCompressionLevel));
    }
    // The version byte names the dictionary, so the frame need not; no checksum either, the AEAD tag covers
    // it.
    check(ZSTD_CCtx_setParameter(ctx.get(), ZSTD_c_dictIDFlag, 0));
    check(ZSTD_CCtx_setParameter(ctx.get(), ZSTD_c_checksumFlag, 0));
    check(ZSTD_CCtx_setParameter(ctx.get(), ZSTD_c_contentSizeFlag, 1));
    return ctx.get();
}

Bytes compress(ByteView plaintext, const ZSTD_CDict* cdict) {
    Bytes out(ZSTD_compressBound(plaintext.size()));
    const std::size_t size =
        ZSTD_compress2(compressionContext(cdict), out.data(), out.size(), plaintext.data(), plaintext.size());
    check(size);
    out.resize(size);
    return out;
}

Result<Bytes> decompress(ByteView frame, const ZSTD_DDict* ddict) {
    const unsigned long long declared = ZSTD_getFrameContentSize(frame.data(), frame.size());
    if (declared == ZSTD_CONTENTSIZE_ERROR || declared == ZSTD_CONTENTSIZE_UNKNOWN) {
        return makeError(errc::decompress_failed, "The operation's compressed data is not valid.");
    }
    if (declared > kMaxOperationPlaintext) {
        return makeError(errc::malformed, "The operation declares an implausibly large size.");
    }
    thread_local std::unique_ptr<ZSTD_DCtx, DCtxFree> ctx(ZSTD_createDCtx());
    if (!ctx) {
        die("ZSTD_createDCtx failed");
    }
    Bytes out(static_cast<std::size_t>(declared));
    const std::size_t size =
        ZSTD_decompress_usingDDict(ctx.get(), out.data(), out.size(), frame.data(), frame.size(), ddict);
    if (ZSTD_isError(size) || size != out.size()) {
        return makeError(errc::decompress_failed, "The operation's compressed data is not valid.");
    }
    return out;
}

Bytes aeadAad(std::uint8_t version, ByteView aad) {
    // Sized up front rather than grown from an initializer list: GCC 12 -O2 reports a false -Warray-bounds
    // there.
    Bytes out(1 + aad.size());
    out[0] = version;
    std::ranges::copy(aad, out.begin() + 1);
    return out;
}

} // namespace

Bytes sealOperation(const RecordKey& key, ByteView aad, ByteView plaintext, RandomSource& random) {
    detail::ensureSodium();
    const Bytes compressed = compress(plaintext, casesV1().cdict);
    std::array<std::uint8_t, kNonceSize> nonce{};
    random.fill(nonce);
    const Bytes fullAad = aeadAad(kVersionCasesV1, aad);

    constexpr std::size_t headerSize = 1 + kNonceSize;
    Bytes out(headerSize + compressed.size() + kTagSize);
    out[0] = kVersionCasesV1;
    std::ranges::copy(nonce, out.begin() + 1);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + headerSize, &written, compressed.data(),
                                               compressed.size(), fullAad.data(), fullAad.size(), nullptr,
                                               nonce.data(), key.secret().data());
    assert(written == compressed.size() + kTagSize);
    return out;
}

Result<Bytes> openOperation(const RecordKey& key, ByteView aad, ByteView sealed) {
    detail::ensureSodium();
    if (sealed.empty()) {
        return makeError(errc::truncated, "The operation ciphertext is empty.");
    }
    const std::uint8_t version = sealed[0];
    if (version != kVersionCasesV1) {
        return makeError(errc::unsupported_version, "The operation was sealed in an unknown format.");
    }
    if (sealed.size() < 1 + kNonceSize + kTagSize) {
        return makeError(errc::truncated, "The operation ciphertext is cut short.");
    }
    const ByteView nonce = sealed.subspan(1, kNonceSize);
    const ByteView ciphertext = sealed.subspan(1 + kNonceSize);
    const Bytes fullAad = aeadAad(version, aad);
    Bytes compressed(ciphertext.size() - kTagSize);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(compressed.data(), nullptr, nullptr, ciphertext.data(),
                                                   ciphertext.size(), fullAad.data(), fullAad.size(),
                                                   nonce.data(), key.secret().data()) != 0) {
        return makeError(errc::bad_mac,
                         "The operation does not open: wrong key, moved, relabelled or altered.");
    }
    auto plain = decompress(compressed, casesV1().ddict);
    sodium_memzero(compressed.data(), compressed.size());
    return plain;
}

CompressionSizes measureCompression(ByteView plaintext) {
    return CompressionSizes{plaintext.size(), compress(plaintext, casesV1().cdict).size(),
                            compress(plaintext, nullptr).size()};
}

} // namespace fieldkit::crypto
