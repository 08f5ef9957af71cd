// The center's chunk bookkeeping: what it lacks, what it refuses, and that a resend changes nothing.
#include "center_store_fixture.hpp"

#include <doctest/doctest.h>
#include <fieldkit/crypto/content_hash.hpp>
#include <fieldkit/engine/attachment_lane.hpp>
#include <fieldkit/hub/center_store.hpp>
#include <filesystem>
#include <random>

using namespace fieldkit;
using namespace fieldkit::hub;
using fieldkit::hub::testing::TempStore;

namespace {

/** 2.5 chunks of plaintext: chunks 0 and 1 are full, chunk 2 is half. */
constexpr std::uint64_t kSize = engine::kChunkPlainBytes * 5 / 2;

protocol::AttachmentOffer offer(char idByte = 'a') {
    protocol::AttachmentOffer o;
    o.set_attachment_id(std::string(16, idByte));
    o.set_case_id(std::string(16, 'c'));
    o.set_header(std::string(engine::kStreamHeaderBytes, 'h'));
    o.set_sealed_key_center("kc");
    o.set_sealed_key_unit("ku");
    o.set_size(kSize);
    o.set_chunk_count(engine::chunkCountFor(kSize));
    return o;
}

protocol::AttachmentChunk chunk(std::uint32_t index, char idByte = 'a') {
    protocol::AttachmentChunk c;
    c.set_attachment_id(std::string(16, idByte));
    c.set_index(index);
    c.set_offset(engine::chunkOffset(index));
    const std::vector<std::uint8_t> data(engine::chunkCipherBytes(kSize, index),
                                         static_cast<std::uint8_t>(index + 1));
    c.set_data(std::string(data.begin(), data.end()));
    const auto sum = crypto::contentHash(data);
    c.set_checksum(std::string(sum.begin(), sum.end()));
    return c;
}

std::vector<std::uint32_t> missing(TempStore& t, const protocol::AttachmentOffer& o) {
    auto result = t.store->offerAttachment(t.device("dev-a"), o);
    REQUIRE(result.ok());
    return *result;
}

} // namespace

TEST_CASE("an offered attachment lacks every chunk, and each stored chunk leaves the missing list") {
    TempStore t;
    CHECK(missing(t, offer()) == std::vector<std::uint32_t>{0, 1, 2});
    REQUIRE(t.store->storeChunk(t.device("dev-a"), chunk(1)).ok());
    CHECK(missing(t, offer()) == std::vector<std::uint32_t>{0, 2});
    REQUIRE(t.store->storeChunk(t.device("dev-a"), chunk(2)).ok());
    REQUIRE(t.store->storeChunk(t.device("dev-a"), chunk(0)).ok());
    CHECK(missing(t, offer()).empty());
    auto listed = t.store->caseAttachments(std::vector<std::uint8_t>(16, 'c'));
    REQUIRE(listed.ok());
    REQUIRE(listed->size() == 1);
    CHECK(listed->front().complete());
    CHECK(listed->front().chunkCount == 3);
    CHECK(listed->front().deviceId == "dev-a");
    const auto held = t.store->attachmentChunk(std::vector<std::uint8_t>(16, 'a'), 2);
    REQUIRE(held.ok());
    CHECK(held->size() == engine::chunkCipherBytes(kSize, 2));
    CHECK(t.store->stats()->completeAttachments == 1);
    CHECK(t.store->stats()->attachmentChunks == 3);
}

TEST_CASE("a chunk sent twice is stored once and counted once") {
    TempStore t;
    (void)missing(t, offer());
    auto first = t.store->storeChunk(t.device("dev-a"), chunk(0));
    auto again = t.store->storeChunk(t.device("dev-a"), chunk(0));
    REQUIRE(first.ok());
    REQUIRE(again.ok());
    CHECK(*first == ChunkStored::Added);
    CHECK(*again == ChunkStored::Duplicate);
    CHECK(t.store->caseAttachments(std::vector<std::uint8_t>(16, 'c'))->front().chunksHeld == 1);
    CHECK(t.store->stats()->attachmentChunks == 1);
}

TEST_CASE("a chunk with a wrong checksum, offset, length or index is refused and not stored") {
    TempStore t;
    (void)missing(t, offer());
    auto damaged = chunk(0);
    damaged.mutable_data()->back() ^= 1;
    auto shifted = chunk(1);
    shifted.set_offset(engine::chunkOffset(1) + 1);
    auto shortened = chunk(1);
    shortened.mutable_data()->pop_back();
    auto sum =
        crypto::contentHash(std::vector<std::uint8_t>(shortened.data().begin(), shortened.data().end()));
    shortened.set_checksum(std::string(sum.begin(), sum.end()));
    auto beyond = chunk(3);
    beyond.set_offset(engine::chunkOffset(3));
    for (const auto* bad : {&damaged, &shifted, &shortened, &beyond}) {
        auto result = t.store->storeChunk(t.device("dev-a"), *bad);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == "bad_chunk");
    }
    CHECK(t.store->stats()->attachmentChunks == 0);
    CHECK(missing(t, offer()) == std::vector<std::uint32_t>{0, 1, 2});
}

TEST_CASE("a device cannot add chunks to an attachment it did not offer, nor take over its id") {
    TempStore t;
    (void)missing(t, offer());
    auto foreign = t.store->storeChunk(t.device("dev-b"), chunk(0));
    REQUIRE_FALSE(foreign.ok());
    CHECK(foreign.error().code == "bad_chunk");
    auto unknown = t.store->storeChunk(t.device("dev-a"), chunk(0, 'z'));
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == "bad_chunk");
    auto takeover = t.store->offerAttachment(t.device("dev-b"), offer());
    REQUIRE_FALSE(takeover.ok());
    CHECK(takeover.error().code == "bad_offer");
    auto resized = offer();
    resized.set_size(kSize + 1);
    auto changed = t.store->offerAttachment(t.device("dev-a"), resized);
    REQUIRE_FALSE(changed.ok());
    CHECK(changed.error().code == "bad_offer");
}

TEST_CASE("a malformed offer is refused before anything is recorded") {
    TempStore t;
    auto noHeader = offer();
    noHeader.clear_header();
    auto wrongCount = offer();
    wrongCount.set_chunk_count(2);
    auto huge = offer();
    huge.set_size(static_cast<std::uint64_t>(engine::kMaxChunksPerAttachment + 1) * engine::kChunkPlainBytes);
    huge.set_chunk_count(engine::kMaxChunksPerAttachment + 1);
    for (const auto* bad : {&noHeader, &wrongCount, &huge}) {
        auto result = t.store->offerAttachment(t.device("dev-a"), *bad);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == "bad_offer");
    }
    CHECK(t.store->stats()->attachments == 0);
}
