// The center's chunk bookkeeping: what it lacks, what it refuses, and that a resend changes nothing.
#include "center_store_fixture.hpp"

#include <doctest/doctest.h>
#include <fieldkit/crypto/content_hash.hpp>
#include <fieldkit/engine/attachment_lane.hpp>
#include <fieldkit/hub/center_store.hpp>
#include <fieldkit/hub/sync_service.hpp>
#include <filesystem>
#include <random>

using namespace fieldkit;
using namespace fieldkit::hub;
using fieldkit::hub::testing::PostgresBackend;
using fieldkit::hub::testing::SqliteBackend;
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
    auto result = t.store->attachments().offerAttachment(t.device("dev-a"), o);
    REQUIRE(result.ok());
    return *result;
}

} // namespace

TEST_CASE_TEMPLATE("an offered attachment lacks every chunk, and each stored chunk leaves the missing list",
                   Backend, SqliteBackend, PostgresBackend) {
    TempStore t{Backend{}};
    CHECK(missing(t, offer()) == std::vector<std::uint32_t>{0, 1, 2});
    REQUIRE(t.store->attachments().storeChunk(t.device("dev-a"), chunk(1)).ok());
    CHECK(missing(t, offer()) == std::vector<std::uint32_t>{0, 2});
    REQUIRE(t.store->attachments().storeChunk(t.device("dev-a"), chunk(2)).ok());
    REQUIRE(t.store->attachments().storeChunk(t.device("dev-a"), chunk(0)).ok());
    CHECK(missing(t, offer()).empty());
    auto listed = t.store->attachments().caseAttachments(std::vector<std::uint8_t>(16, 'c'));
    REQUIRE(listed.ok());
    REQUIRE(listed->size() == 1);
    CHECK(listed->front().complete());
    CHECK(listed->front().chunkCount == 3);
    CHECK(listed->front().deviceId == "dev-a");
    const auto held = t.store->attachments().attachmentChunk(std::vector<std::uint8_t>(16, 'a'), 2);
    REQUIRE(held.ok());
    CHECK(held->size() == engine::chunkCipherBytes(kSize, 2));
    CHECK(t.store->reports().stats()->completeAttachments == 1);
    CHECK(t.store->reports().stats()->attachmentChunks == 3);
}

TEST_CASE_TEMPLATE("a chunk sent twice is stored once and counted once", Backend, SqliteBackend,
                   PostgresBackend) {
    TempStore t{Backend{}};
    (void)missing(t, offer());
    auto first = t.store->attachments().storeChunk(t.device("dev-a"), chunk(0));
    auto again = t.store->attachments().storeChunk(t.device("dev-a"), chunk(0));
    REQUIRE(first.ok());
    REQUIRE(again.ok());
    CHECK(*first == ChunkStored::Added);
    CHECK(*again == ChunkStored::Duplicate);
    CHECK(t.store->attachments().caseAttachments(std::vector<std::uint8_t>(16, 'c'))->front().chunksHeld ==
          1);
    CHECK(t.store->reports().stats()->attachmentChunks == 1);
}

TEST_CASE_TEMPLATE("a chunk with a wrong checksum, offset, length or index is refused and not stored",
                   Backend, SqliteBackend, PostgresBackend) {
    TempStore t{Backend{}};
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
        auto result = t.store->attachments().storeChunk(t.device("dev-a"), *bad);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == "bad_chunk");
    }
    CHECK(t.store->reports().stats()->attachmentChunks == 0);
    CHECK(missing(t, offer()) == std::vector<std::uint32_t>{0, 1, 2});
}

TEST_CASE_TEMPLATE("a device cannot add chunks to an attachment it did not offer, nor take over its id",
                   Backend, SqliteBackend, PostgresBackend) {
    TempStore t{Backend{}};
    (void)missing(t, offer());
    auto foreign = t.store->attachments().storeChunk(t.device("dev-b"), chunk(0));
    REQUIRE_FALSE(foreign.ok());
    CHECK(foreign.error().code == "bad_chunk");
    auto unknown = t.store->attachments().storeChunk(t.device("dev-a"), chunk(0, 'z'));
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == "bad_chunk");
    auto takeover = t.store->attachments().offerAttachment(t.device("dev-b"), offer());
    REQUIRE_FALSE(takeover.ok());
    CHECK(takeover.error().code == "bad_offer");
    auto resized = offer();
    resized.set_size(kSize + 1);
    auto changed = t.store->attachments().offerAttachment(t.device("dev-a"), resized);
    REQUIRE_FALSE(changed.ok());
    CHECK(changed.error().code == "bad_offer");
}

TEST_CASE_TEMPLATE("a malformed offer is refused before anything is recorded", Backend, SqliteBackend,
                   PostgresBackend) {
    TempStore t{Backend{}};
    auto noHeader = offer();
    noHeader.clear_header();
    auto wrongCount = offer();
    wrongCount.set_chunk_count(2);
    auto huge = offer();
    huge.set_size(static_cast<std::uint64_t>(engine::kMaxChunksPerAttachment + 1) * engine::kChunkPlainBytes);
    huge.set_chunk_count(engine::kMaxChunksPerAttachment + 1);
    for (const auto* bad : {&noHeader, &wrongCount, &huge}) {
        auto result = t.store->attachments().offerAttachment(t.device("dev-a"), *bad);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == "bad_offer");
    }
    CHECK(t.store->reports().stats()->attachments == 0);
}

namespace {

protocol::Hello helloOf(const std::string& device) {
    protocol::Hello h;
    h.set_protocol_version(protocol::kProtocolVersion);
    h.set_schema_version(protocol::kSchemaVersion);
    h.set_device_id(device);
    return h;
}

protocol::AttachmentRequest request(char idByte, bool describe, std::uint32_t index = 0) {
    protocol::AttachmentRequest r;
    r.set_attachment_id(std::string(16, idByte));
    r.set_describe(describe);
    r.set_index(index);
    return r;
}

} // namespace

TEST_CASE_TEMPLATE("another device of the unit downloads a whole attachment: described, then chunk by chunk",
                   Backend, SqliteBackend, PostgresBackend) {
    TempStore t{Backend{}};
    SyncService service(*t.store, [] { return std::int64_t{1000}; });
    (void)missing(t, offer());
    HubSession session;
    REQUIRE(service.greet(helloOf("dev-b"), "dev-b", session).ok());

    // Not yet whole at the center: refused, so the device asks again later.
    auto early = service.request("dev-b", request('a', true), session);
    REQUIRE(early.ok());
    REQUIRE(early->has_attachment_status());
    CHECK_FALSE(early->attachment_status().refused().empty());

    for (std::uint32_t i = 0; i < 3; ++i) {
        REQUIRE(t.store->attachments().storeChunk(t.device("dev-a"), chunk(i)).ok());
    }
    auto described = service.request("dev-b", request('a', true), session);
    REQUIRE(described.ok());
    REQUIRE(described->has_attachment_offer());
    CHECK(described->attachment_offer().header() == offer().header());
    CHECK(described->attachment_offer().chunk_count() == 3);
    CHECK(described->attachment_offer().sealed_key_unit() == "ku");
    for (std::uint32_t i = 0; i < 3; ++i) {
        auto got = service.request("dev-b", request('a', false, i), session);
        REQUIRE(got.ok());
        REQUIRE(got->has_attachment_chunk());
        CHECK(got->attachment_chunk().data() == chunk(i).data());
        CHECK(got->attachment_chunk().checksum() == chunk(i).checksum());
        CHECK(got->attachment_chunk().offset() == engine::chunkOffset(i));
    }
    auto beyond = service.request("dev-b", request('a', false, 7), session);
    REQUIRE(beyond.ok());
    CHECK(beyond->has_attachment_status());
    auto unknown = service.request("dev-b", request('z', true), session);
    REQUIRE(unknown.ok());
    CHECK(unknown->attachment_status().refused() == "the center does not hold this attachment");
}

TEST_CASE_TEMPLATE("a device of another unit learns nothing of an attachment: answered as if unknown",
                   Backend, SqliteBackend, PostgresBackend) {
    TempStore t{Backend{}};
    REQUIRE(t.store->units().addUnit({"togo-2", std::vector<std::uint8_t>(32, 3), {4}}).ok());
    REQUIRE(t.store->devices().registerDevice("dev-x", "togo-2").ok());
    SyncService service(*t.store, [] { return std::int64_t{1000}; });
    (void)missing(t, offer());
    for (std::uint32_t i = 0; i < 3; ++i) {
        REQUIRE(t.store->attachments().storeChunk(t.device("dev-a"), chunk(i)).ok());
    }
    HubSession session;
    REQUIRE(service.greet(helloOf("dev-x"), "dev-x", session).ok());
    for (const bool describe : {true, false}) {
        auto answer = service.request("dev-x", request('a', describe), session);
        REQUIRE(answer.ok());
        REQUIRE(answer->has_attachment_status());
        CHECK(answer->attachment_status().refused() == "the center does not hold this attachment");
    }
    HubSession fresh;
    CHECK(service.request("dev-x", request('a', true), fresh).error().code == "out_of_order");
}

TEST_CASE_TEMPLATE("the welcome asks a device to send again its attachments the center does not hold whole",
                   Backend, SqliteBackend, PostgresBackend) {
    TempStore t{Backend{}};
    SyncService service(*t.store, [] { return std::int64_t{1000}; });
    (void)missing(t, offer('a'));
    (void)missing(t, offer('b'));
    for (std::uint32_t i = 0; i < 3; ++i) {
        REQUIRE(t.store->attachments().storeChunk(t.device("dev-a"), chunk(i, 'b')).ok());
    }
    HubSession session;
    auto welcome = service.greet(helloOf("dev-a"), "dev-a", session);
    REQUIRE(welcome.ok());
    REQUIRE(welcome->resend_attachments_size() == 1);
    CHECK(welcome->resend_attachments(0) == std::string(16, 'a'));
    HubSession other;
    CHECK(service.greet(helloOf("dev-b"), "dev-b", other)->resend_attachments_size() == 0);
}

TEST_CASE_TEMPLATE(
    "a chunk sent in slices is held until whole, a re-offer says where to go on, then it is stored", Backend,
    SqliteBackend, PostgresBackend) {
    TempStore t{Backend{}};
    SyncService service(*t.store, [] { return std::int64_t{1000}; });
    HubSession session;
    REQUIRE(service.greet(helloOf("dev-a"), "dev-a", session).ok());
    REQUIRE(service.offer("dev-a", offer(), session).ok());
    const auto whole = chunk(0);
    const auto slice = [&](std::uint64_t from, std::uint64_t bytes) {
        protocol::AttachmentChunk s = whole;
        s.set_is_slice(true);
        s.set_slice_offset(from);
        s.set_data(whole.data().substr(from, bytes));
        return s;
    };
    std::optional<ChunkStored> stored;
    auto first = service.chunk("dev-a", slice(0, 100'000), session, stored);
    REQUIRE(first.ok());
    CHECK(first->incomplete());
    CHECK(first->held_bytes() == 100'000);
    CHECK_FALSE(stored);

    // The link was cut; on the next connection the offer's answer says what the hub holds of chunk 0.
    HubSession again;
    REQUIRE(service.greet(helloOf("dev-a"), "dev-a", again).ok());
    auto status = service.offer("dev-a", offer(), again);
    REQUIRE(status.ok());
    CHECK(status->missing(0) == 0);
    CHECK(status->partial_index() == 0);
    CHECK(status->partial_bytes() == 100'000);

    // A slice past the end of its chunk is refused before anything is held.
    auto tooLong = slice(100'000, whole.data().size());
    tooLong.set_data(tooLong.data() + "x");
    auto past = service.chunk("dev-a", tooLong, again, stored);
    REQUIRE(past.ok());
    CHECK_FALSE(past->refused().empty());

    auto rest = service.chunk("dev-a", slice(100'000, whole.data().size() - 100'000), again, stored);
    REQUIRE(rest.ok());
    CHECK_FALSE(rest->incomplete());
    CHECK(rest->refused().empty());
    CHECK(stored == ChunkStored::Added);
    CHECK(missing(t, offer()) == std::vector<std::uint32_t>{1, 2});
    auto held = t.store->attachments().attachmentChunk(std::vector<std::uint8_t>(16, 'a'), 0);
    REQUIRE(held.ok());
    CHECK(std::string(held->begin(), held->end()) == whole.data());
}

TEST_CASE_TEMPLATE("slices whose whole fails the checksum are refused when the chunk completes", Backend,
                   SqliteBackend, PostgresBackend) {
    TempStore t{Backend{}};
    SyncService service(*t.store, [] { return std::int64_t{1000}; });
    HubSession session;
    REQUIRE(service.greet(helloOf("dev-a"), "dev-a", session).ok());
    REQUIRE(service.offer("dev-a", offer(), session).ok());
    auto damaged = chunk(2);
    std::string data = damaged.data();
    data[10] ^= 1;
    std::optional<ChunkStored> stored;
    for (std::uint64_t from = 0; from < data.size(); from += 50'000) {
        protocol::AttachmentChunk s = damaged;
        s.set_is_slice(true);
        s.set_slice_offset(from);
        s.set_data(data.substr(from, 50'000));
        auto ack = service.chunk("dev-a", s, session, stored);
        REQUIRE(ack.ok());
        if (from + 50'000 < data.size()) {
            CHECK(ack->incomplete());
        } else {
            CHECK_FALSE(ack->refused().empty());
        }
    }
    CHECK_FALSE(stored);
    CHECK(missing(t, offer()) == std::vector<std::uint32_t>{0, 1, 2});
}

TEST_CASE_TEMPLATE("the fleet lists each device with its contact, wipe order and attachment backlog", Backend,
                   SqliteBackend, PostgresBackend) {
    TempStore t{Backend{}};
    (void)missing(t, offer()); // dev-a offered 3 chunks and sent none
    REQUIRE(t.store->devices().recordContact("dev-a", 5000).ok());
    REQUIRE(t.store->wipes().addWipeOrder({"dev-b", "order-1", 6000, {1, 2}, 0, 0}).ok());
    REQUIRE(t.store->wipes().markWipeDelivered("dev-b", 7000).ok());

    auto fleet = t.store->devices().fleet();
    REQUIRE(fleet.ok());
    REQUIRE(fleet->size() == 2);
    const auto& a = (*fleet)[0];
    CHECK(a.deviceId == "dev-a");
    CHECK(a.unit == "bike-07");
    CHECK(a.lastSeenMs == 5000);
    CHECK_FALSE(a.revoked);
    CHECK(a.wipeIssuedMs == 0);
    CHECK(a.attachmentChunksMissing == 3);
    const auto& b = (*fleet)[1];
    CHECK(b.deviceId == "dev-b");
    CHECK(b.revoked); // a wipe order revokes
    CHECK(b.wipeIssuedMs == 6000);
    CHECK(b.wipeDeliveredMs == 7000);
    CHECK(b.wipeConfirmedMs == 0);
    CHECK(b.attachmentChunksMissing == 0);

    REQUIRE(t.store->attachments().storeChunk(t.device("dev-a"), chunk(0)).ok());
    CHECK((*t.store->devices().fleet())[0].attachmentChunksMissing == 2);
}

TEST_CASE_TEMPLATE("an enrolment code's wrapped unit key is kept until the code is used or expires", Backend,
                   SqliteBackend, PostgresBackend) {
    TempStore t{Backend{}};
    const std::vector<std::uint8_t> used(32, 1), expiring(32, 2), waiting(32, 3);
    for (const auto& [lookup, expires] : {std::pair{used, 10'000}, {expiring, 2'000}, {waiting, 10'000}}) {
        REQUIRE(t.store->devices()
                    .addEnrolmentCode({lookup, std::vector<std::uint8_t>(32, 9), "bike-07", 1'000, expires, 0,
                                       "", std::vector<std::uint8_t>(72, 7)})
                    .ok());
    }
    CHECK(t.store->devices().enrolmentCode(used)->unitKeyWrapped == std::vector<std::uint8_t>(72, 7));
    REQUIRE(t.store->devices().redeemEnrolmentCode(used, std::string(32, 'c'), 1'500).ok());
    REQUIRE(t.store->devices().forgetExpiredCodeKeys(2'000).ok());
    CHECK(t.store->devices().enrolmentCode(used)->unitKeyWrapped.empty());
    CHECK(t.store->devices().enrolmentCode(expiring)->unitKeyWrapped.empty());
    CHECK(t.store->devices().enrolmentCode(waiting)->unitKeyWrapped.size() == 72);
}
