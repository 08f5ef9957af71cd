#include "test_support.hpp"

#include <fieldkit/crypto/attachment_stream.hpp>
#include <vector>

using namespace fieldkit::crypto;

namespace {

struct Encrypted {
    Bytes header;
    std::vector<Bytes> chunks;
};

Bytes pattern(std::size_t size, std::uint8_t seed) {
    Bytes out(size);
    for (std::size_t i = 0; i < size; ++i) {
        out[i] = static_cast<std::uint8_t>(seed + i * 31 + (i >> 9));
    }
    return out;
}

Encrypted encryptAll(const AttachmentKey& key, const Bytes& plain) {
    AttachmentEncryptor enc(key);
    Encrypted out{enc.header(), {}};
    std::size_t offset = 0;
    do {
        const std::size_t n = std::min(kAttachmentChunkSize, plain.size() - offset);
        const bool last = offset + n == plain.size();
        out.chunks.push_back(enc.push(ByteView(plain).subspan(offset, n), last));
        offset += n;
    } while (offset < plain.size());
    CHECK(enc.finished());
    return out;
}

/** Decrypts in order; returns the first error code, or "" with `out` filled. */
std::string decryptAll(const AttachmentKey& key, const Encrypted& e, Bytes& out) {
    auto dec = AttachmentDecryptor::create(key, e.header);
    if (!dec) {
        return dec.error().code;
    }
    for (const Bytes& chunk : e.chunks) {
        auto plain = dec->pull(chunk);
        if (!plain) {
            return plain.error().code;
        }
        out.insert(out.end(), plain->begin(), plain->end());
    }
    if (auto done = dec->finish(); !done) {
        return done.error().code;
    }
    return "";
}

} // namespace

TEST_CASE("attachments round-trip at chunk boundaries") {
    const AttachmentKey key = AttachmentKey::generate();
    for (std::size_t size : {std::size_t{0}, std::size_t{1}, kAttachmentChunkSize - 1, kAttachmentChunkSize,
                             kAttachmentChunkSize + 1, 3 * kAttachmentChunkSize + 12345}) {
        const Bytes plain = pattern(size, 3);
        const Encrypted e = encryptAll(key, plain);
        CHECK(e.header.size() == kAttachmentHeaderSize);
        CHECK(e.chunks.size() ==
              std::max<std::size_t>(1, (size + kAttachmentChunkSize - 1) / kAttachmentChunkSize));
        Bytes out;
        CHECK(decryptAll(key, e, out) == "");
        CHECK(out == plain);
    }
}

TEST_CASE("a truncated, reordered, altered or extended attachment is rejected") {
    const AttachmentKey key = AttachmentKey::generate();
    const Encrypted good = encryptAll(key, pattern(3 * kAttachmentChunkSize + 100, 9));
    REQUIRE(good.chunks.size() == 4);
    Bytes out;

    SUBCASE("missing FINAL chunk") {
        Encrypted e = good;
        e.chunks.pop_back();
        CHECK(decryptAll(key, e, out) == errc::stream_truncated);
    }
    SUBCASE("only the header") {
        Encrypted e = good;
        e.chunks.clear();
        CHECK(decryptAll(key, e, out) == errc::stream_truncated);
    }
    SUBCASE("chunks swapped") {
        Encrypted e = good;
        std::swap(e.chunks[1], e.chunks[2]);
        CHECK(decryptAll(key, e, out) == errc::bad_mac);
    }
    SUBCASE("a chunk dropped from the middle") {
        Encrypted e = good;
        e.chunks.erase(e.chunks.begin() + 1);
        CHECK(decryptAll(key, e, out) == errc::bad_mac);
    }
    SUBCASE("a chunk repeated") {
        Encrypted e = good;
        e.chunks.insert(e.chunks.begin() + 1, e.chunks[0]);
        CHECK(decryptAll(key, e, out) == errc::bad_mac);
    }
    SUBCASE("a flipped byte in a chunk or the header") {
        Encrypted e = good;
        e.chunks[2][1000] ^= 0x10;
        CHECK(decryptAll(key, e, out) == errc::bad_mac);
        Encrypted h = good;
        h.header[5] ^= 0x10;
        CHECK(decryptAll(key, h, out) == errc::bad_mac);
    }
    SUBCASE("data after FINAL") {
        Encrypted e = good;
        e.chunks.push_back(e.chunks.back());
        CHECK(decryptAll(key, e, out) == errc::stream_after_final);
    }
    SUBCASE("the last chunk cut short") {
        Encrypted e = good;
        e.chunks.back().resize(e.chunks.back().size() - 1);
        CHECK(decryptAll(key, e, out) == errc::bad_mac);
    }
    SUBCASE("another key") {
        CHECK(decryptAll(AttachmentKey::generate(), good, out) == errc::bad_mac);
    }
    SUBCASE("a stream spliced from another attachment under the same key") {
        Encrypted other = encryptAll(key, pattern(3 * kAttachmentChunkSize + 100, 9));
        Encrypted e = good;
        e.chunks[1] = other.chunks[1];
        CHECK(decryptAll(key, e, out) == errc::bad_mac);
    }
    SUBCASE("bad header") {
        Encrypted e = good;
        e.header[0] = 2;
        CHECK(decryptAll(key, e, out) == errc::unsupported_version);
        e.header = Bytes(good.header.begin(), good.header.end() - 1);
        CHECK(decryptAll(key, e, out) == errc::truncated);
    }
    SUBCASE("an oversized chunk") {
        Encrypted e = good;
        e.chunks[0].push_back(0);
        CHECK(decryptAll(key, e, out) == errc::malformed);
    }
}
