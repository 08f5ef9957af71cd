#include "store_fixture.hpp"

#include <algorithm>
#include <fieldkit/core/field.hpp>
#include <fieldkit/crypto/content_hash.hpp>
#include <fieldkit/store/sync_queue.hpp>

using namespace fieldkit;
using namespace fieldkit::testing;

namespace {

/** A PNG-looking file of `size` bytes (magic bytes, then a seeded pattern). */
std::vector<std::uint8_t> pngBytes(std::size_t size, std::uint32_t seed = 7) {
    const std::string magic = "\x89PNG\r\n\x1a\n";
    std::vector<std::uint8_t> out(magic.begin(), magic.end());
    std::mt19937 gen(seed);
    while (out.size() < size) {
        out.push_back(static_cast<std::uint8_t>(gen()));
    }
    return out;
}

store::NewAttachment photo(std::size_t size = 600 * 1024) {
    return store::NewAttachment{"passfoto.png", "image/png", "file", pngBytes(size)};
}

std::int64_t count(store::DeviceStore& s, const std::string& sql) {
    auto n = s.database().queryInt(sql);
    REQUIRE_MESSAGE(n.ok(), n.error().message);
    return *n;
}

struct CaseWithAttachment {
    StoreFixture f;
    std::unique_ptr<store::Session> s = f.unlock();
    core::CaseId caseId = s->createCase(passportCase())->id;
    store::NewAttachment input = photo();
    store::AttachmentInfo info;

    CaseWithAttachment() {
        auto attached = s->attachFile(caseId, input);
        REQUIRE_MESSAGE(attached.ok(), attached.error().message);
        info = *attached;
    }
    void exec(const std::string& sql) {
        auto st = f.store->database().exec(sql);
        REQUIRE_MESSAGE(st.ok(), st.error().message);
    }
};

} // namespace

TEST_CASE("an attached file reads back whole, lists with its name, and every read is audited") {
    CaseWithAttachment c;
    CHECK(c.info.chunkCount == 3); // 600 KiB in 256 KiB chunks
    CHECK(c.info.size == c.input.bytes.size());

    auto bytes = c.s->readAttachment(c.caseId, c.info.id, "citizen asked for the photo");
    REQUIRE_MESSAGE(bytes.ok(), bytes.error().message);
    CHECK(*bytes == c.input.bytes);

    auto details = c.s->openCase(c.caseId, "case work");
    REQUIRE(details.ok());
    REQUIRE(details->attachments.size() == 1);
    const auto& listed = details->attachments.front();
    CHECK(listed.id == c.info.id);
    CHECK(listed.displayName == "passfoto.png");
    CHECK(listed.mediaType == "image/png");
    CHECK(listed.kind == "file");
    CHECK(listed.size == c.input.bytes.size());
    CHECK(listed.staff == "anna");
    CHECK(listed.available);
    CHECK(details->appended.count(core::fields::kAttachment.value) == 0);

    auto log = c.s->auditLog(c.caseId.toHex());
    REQUIRE(log.ok());
    const auto has = [&](const std::string& action, const std::string& purpose) {
        return std::any_of(log->begin(), log->end(),
                           [&](const auto& e) { return e.action == action && e.purpose == purpose; });
    };
    CHECK(has("attach", "case work"));
    CHECK(has("read_attachment", "citizen asked for the photo"));
    CHECK(c.s->readAttachment(c.caseId, c.info.id, "").error().code == "missing_purpose");

    auto report = c.s->verify();
    REQUIRE(report.ok());
    CHECK(report->problems.empty());
}

TEST_CASE("a signature replaces the case's signature, other types, wrong content and big files are refused") {
    StoreFixture f;
    auto s = f.unlock();
    const auto id = s->createCase(passportCase())->id;
    const auto outboxBefore = count(*f.store, "SELECT count(*) FROM outbox");

    store::NewAttachment pdf{"brev.pdf", "application/pdf", "file", pngBytes(100)};
    CHECK(s->attachFile(id, pdf).error().code == "attachment_type_mismatch");
    pdf.mediaType = "text/plain";
    CHECK(s->attachFile(id, pdf).error().code == "unsupported_media_type");
    auto big = photo(store::kMaxAttachmentBytes + 1);
    auto tooBig = s->attachFile(id, big);
    CHECK(tooBig.error().code == "attachment_too_large");
    CHECK(tooBig.error().message.find("25 MiB") != std::string::npos);
    store::NewAttachment jpegSignature{"sig", "image/jpeg", "signature", {0xff, 0xd8, 0xff, 0}};
    CHECK(s->attachFile(id, jpegSignature).error().code == "bad_signature");
    CHECK(s->attachFile(core::CaseId{}, photo()).error().code == "unknown_case");
    CHECK(count(*f.store, "SELECT count(*) FROM attachments") == 0);
    CHECK(count(*f.store, "SELECT count(*) FROM outbox") == outboxBefore);

    store::NewAttachment first{"underskrift", "image/png", "signature", pngBytes(2000, 1)};
    store::NewAttachment second{"underskrift", "image/png", "signature", pngBytes(3000, 2)};
    REQUIRE(s->attachFile(id, first).ok());
    auto replaced = s->attachFile(id, second);
    REQUIRE(replaced.ok());
    auto details = s->openCase(id, "check");
    REQUIRE(details.ok());
    REQUIRE(details->attachments.size() == 1);
    CHECK(details->attachments.front().id == replaced->id);
    CHECK(details->attachments.front().kind == "signature");
    CHECK(details->registers.at(core::fields::kSignature.value).size() == 1);
}

TEST_CASE("an altered, reordered or truncated attachment is refused") {
    CaseWithAttachment c;
    SUBCASE("two chunks swapped") {
        c.exec("UPDATE attachment_chunks SET chunk_index = 9 WHERE chunk_index = 0");
        c.exec("UPDATE attachment_chunks SET chunk_index = 0 WHERE chunk_index = 1");
        c.exec("UPDATE attachment_chunks SET chunk_index = 1 WHERE chunk_index = 9");
    }
    SUBCASE("the last chunk cut off, and the count lowered to match") {
        c.exec("DELETE FROM attachment_chunks WHERE chunk_index = 2");
        c.exec("UPDATE attachments SET chunk_count = 2, size = 524288");
    }
    SUBCASE("a middle chunk missing") {
        c.exec("DELETE FROM attachment_chunks WHERE chunk_index = 1");
    }
    SUBCASE("the last chunk shortened") {
        c.exec("UPDATE attachment_chunks SET data = substr(data, 1, length(data) - 1) WHERE chunk_index = 2");
    }
    auto read = c.s->readAttachment(c.caseId, c.info.id, "check");
    REQUIRE_FALSE(read.ok());
    CHECK(read.error().code == "tampered");
    auto report = c.s->verify();
    REQUIRE(report.ok());
    REQUIRE(report->problems.size() == 1);
    CHECK(report->problems.front().find(c.info.id.toHex()) != std::string::npos);
}

TEST_CASE("a flipped byte in an attachment chunk is refused") {
    CaseWithAttachment c;
    auto& db = c.f.store->database();
    auto get = db.prepare("SELECT data FROM attachment_chunks WHERE chunk_index = 1");
    REQUIRE(get.ok());
    REQUIRE(*get->step());
    auto data = get->blob(0);
    data[1000] ^= 0x01;
    auto put = db.prepare("UPDATE attachment_chunks SET data = ?1 WHERE chunk_index = 1");
    REQUIRE(put.ok());
    REQUIRE(put->bind(1, std::span<const std::uint8_t>(data)).run().ok());
    auto read = c.s->readAttachment(c.caseId, c.info.id, "check");
    REQUIRE_FALSE(read.ok());
    CHECK(read.error().code == "tampered");
}

TEST_CASE("the outbox holds back an operation referencing an attachment until every chunk is acknowledged") {
    CaseWithAttachment c;                                       // operations: 1 create, 2 attach
    REQUIRE(c.s->appendNote(c.caseId, "after the photo").ok()); // 3
    store::SyncQueue queue(*c.f.store);

    auto pending = queue.pending(100);
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 1);
    CHECK(pending->front().deviceSeq == 1);
    CHECK(pending->front().meta.find("status=opened") != std::string::npos);

    auto outgoing = queue.outgoingAttachments();
    REQUIRE(outgoing.ok());
    REQUIRE(outgoing->size() == 1);
    CHECK(outgoing->front().chunkCount == 3);
    CHECK(outgoing->front().caseId == sqlite::Bytes(c.caseId.bytes().begin(), c.caseId.bytes().end()));

    auto chunks = queue.unacknowledgedChunks(10);
    REQUIRE(chunks.ok());
    REQUIRE(chunks->size() == 3);
    for (std::uint32_t i = 0; i < 3; ++i) {
        CHECK((*chunks)[i].index == i);
        CHECK((*chunks)[i].offset == i * (256u * 1024u + 17u));
        CHECK((*chunks)[i].checksum == crypto::contentHash((*chunks)[i].data));
    }
    REQUIRE(queue.acknowledgeChunks({{(*chunks)[0].attachmentId, 0}, {(*chunks)[0].attachmentId, 2}}).ok());
    CHECK(queue.pending(100)->size() == 1);
    CHECK(queue.unacknowledgedChunks(10)->size() == 1);

    REQUIRE(queue.acknowledgeChunks({{(*chunks)[0].attachmentId, 1}}).ok());
    pending = queue.pending(100);
    REQUIRE(pending->size() == 3);
    CHECK((*pending)[1].meta == "attachment=" + c.info.id.toHex());
    CHECK(queue.outgoingAttachments()->empty());
    CHECK(queue.unacknowledgedChunks(10)->empty());
}

TEST_CASE(
    "an attachment from the center is stored blind, checked chunk by chunk, and opens with the unit key") {
    CaseWithAttachment c;
    store::SyncQueue queue(*c.f.store);
    const auto travelling = queue.outgoingAttachments()->front();
    const auto chunks = *queue.unacknowledgedChunks(10);
    // As if it came from another device of the unit: only the sealed keys, no local wrapped copy.
    c.exec("DELETE FROM attachments");

    auto orphan = travelling;
    orphan.caseId[0] ^= 1;
    CHECK(queue.storeInboundAttachment(orphan).error().code == "unknown_case");
    REQUIRE(queue.storeInboundAttachment(travelling).ok());
    REQUIRE(queue.storeInboundAttachment(travelling).ok()); // idempotent
    CHECK(*queue.missingChunks(travelling.attachmentId) == std::vector<std::uint32_t>{0, 1, 2});

    auto partial = c.s->readAttachment(c.caseId, c.info.id, "check");
    CHECK(partial.error().code == "attachment_incomplete");
    CHECK_FALSE(c.s->openCase(c.caseId, "check")->attachments.front().available);

    auto damaged = chunks[1];
    damaged.data[5] ^= 1;
    CHECK(queue.storeInboundChunk(damaged).error().code == "bad_chunk");
    auto misplaced = chunks[1];
    misplaced.offset += 1;
    CHECK(queue.storeInboundChunk(misplaced).error().code == "bad_chunk");
    auto beyond = chunks[2];
    beyond.index = 3;
    beyond.offset = 3 * (256u * 1024u + 17u);
    CHECK(queue.storeInboundChunk(beyond).error().code == "bad_chunk");

    for (const auto& chunk : chunks) {
        REQUIRE(queue.storeInboundChunk(chunk).ok());
    }
    REQUIRE(queue.storeInboundChunk(chunks[0]).ok()); // again: nothing changes
    CHECK(queue.missingChunks(travelling.attachmentId)->empty());
    CHECK(queue.unacknowledgedChunks(10)->empty()); // inbound chunks are never sent back

    auto bytes = c.s->readAttachment(c.caseId, c.info.id, "check");
    REQUIRE_MESSAGE(bytes.ok(), bytes.error().message);
    CHECK(*bytes == c.input.bytes);
    CHECK(count(*c.f.store, "SELECT count(*) FROM attachments WHERE length(wrapped_key) > 0") == 1);
}

TEST_CASE("a chunk from the center in slices is kept part by part, in order, and stored once whole") {
    CaseWithAttachment c;
    store::SyncQueue queue(*c.f.store);
    const auto travelling = queue.outgoingAttachments()->front();
    const auto chunks = *queue.unacknowledgedChunks(10);
    c.exec("DELETE FROM attachments");
    REQUIRE(queue.storeInboundAttachment(travelling).ok());
    const auto slice = [&](const store::SyncChunk& chunk, std::size_t from, std::size_t bytes) {
        auto part = chunk;
        part.data.assign(chunk.data.begin() + static_cast<std::ptrdiff_t>(from),
                         chunk.data.begin() +
                             static_cast<std::ptrdiff_t>(std::min(from + bytes, chunk.data.size())));
        return part; // checksum and offset stay the whole chunk's
    };
    const auto& first = chunks[0];
    REQUIRE(first.data.size() == 256u * 1024u + 17u);

    // In order, 20 KB at a time: held part by part until the last slice makes it whole.
    std::size_t from = 0;
    while (from + 20'000 < first.data.size()) {
        auto whole = queue.storeInboundSlice(slice(first, from, 20'000), from);
        REQUIRE_MESSAGE(whole.ok(), whole.error().message);
        CHECK_FALSE(*whole);
        from += 20'000;
        CHECK(*queue.heldSliceBytes(first.attachmentId, 0) == from);
        // A slice that repeats or skips is refused and changes nothing.
        CHECK(queue.storeInboundSlice(slice(first, from - 10, 20'000), from - 10).error().code ==
              "bad_chunk");
        CHECK(queue.storeInboundSlice(slice(first, from + 10, 20'000), from + 10).error().code ==
              "bad_chunk");
        CHECK(*queue.heldSliceBytes(first.attachmentId, 0) == from);
    }
    CHECK(*queue.missingChunks(travelling.attachmentId) == std::vector<std::uint32_t>{0, 1, 2});
    auto tooLong = slice(first, from, 20'000);
    tooLong.data.push_back(0);
    CHECK(queue.storeInboundSlice(tooLong, from).error().code == "bad_chunk");
    auto last = queue.storeInboundSlice(slice(first, from, 20'000), from);
    REQUIRE_MESSAGE(last.ok(), last.error().message);
    CHECK(*last);
    CHECK(*queue.heldSliceBytes(first.attachmentId, 0) == 0);
    CHECK(*queue.missingChunks(travelling.attachmentId) == std::vector<std::uint32_t>{1, 2});

    // A chunk whose slices do not add up to its checksum is dropped whole and fetched anew.
    auto damaged = chunks[2]; // the last chunk is short: two slices
    damaged.data[3] ^= 1;
    const std::size_t half = damaged.data.size() / 2;
    REQUIRE_FALSE(*queue.storeInboundSlice(slice(damaged, 0, half), 0));
    CHECK(queue.storeInboundSlice(slice(damaged, half, half + 1), half).error().code == "bad_chunk");
    CHECK(*queue.heldSliceBytes(first.attachmentId, 2) == 0);
    CHECK(*queue.missingChunks(travelling.attachmentId) == std::vector<std::uint32_t>{1, 2});

    // The rest whole and in slices; the file opens and equals what was attached.
    REQUIRE(queue.storeInboundChunk(chunks[1]).ok());
    REQUIRE_FALSE(*queue.storeInboundSlice(slice(chunks[2], 0, half), 0));
    REQUIRE(*queue.storeInboundSlice(slice(chunks[2], half, chunks[2].data.size()), half));
    auto bytes = c.s->readAttachment(c.caseId, c.info.id, "check");
    REQUIRE_MESSAGE(bytes.ok(), bytes.error().message);
    CHECK(*bytes == c.input.bytes);
    CHECK(count(*c.f.store, "SELECT count(*) FROM attachment_chunk_parts") == 0);
}

TEST_CASE("canary: an attachment's name and content appear in no raw store file") {
    StoreFixture f;
    const std::string marker = "ZQXCANARYATTACHMENTNAME";
    {
        auto s = f.unlock();
        const auto id = s->createCase(passportCase())->id;
        auto bytes = pngBytes(300 * 1024);
        const std::string contentMarker = "ZQXCANARYCONTENT";
        std::copy(contentMarker.begin(), contentMarker.end(), bytes.begin() + 1000);
        REQUIRE(s->attachFile(id, {marker + ".png", "image/png", "file", bytes}).ok());
    }
    for (const auto* suffix : {"", "-wal", "-shm"}) {
        const auto raw = readAll(f.file().string() + suffix);
        CHECK(raw.find(marker) == std::string::npos);
        CHECK(raw.find("ZQXCANARYCONTENT") == std::string::npos);
        CHECK(raw.find("passfoto") == std::string::npos);
    }
}

TEST_CASE("a refused attachment marks its operation for attention and no longer holds back later saves") {
    CaseWithAttachment c;                                       // operations: 1 create, 2 attach
    REQUIRE(c.s->appendNote(c.caseId, "after the photo").ok()); // 3
    store::SyncQueue queue(*c.f.store);
    REQUIRE(queue.pending(100)->size() == 1);
    const auto attachmentId = queue.outgoingAttachments()->front().attachmentId;

    REQUIRE(queue.refuseAttachment(attachmentId, "the file type is not accepted").ok());
    REQUIRE(queue.refuseAttachment(attachmentId, "again").ok()); // refusing twice changes nothing

    auto pending = queue.pending(100);
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 2); // the create and the note after the refused attachment
    CHECK((*pending)[0].deviceSeq == 1);
    CHECK((*pending)[1].deviceSeq == 3);
    CHECK(queue.outgoingAttachments()->empty());
    CHECK(queue.unacknowledgedChunks(10)->empty());
    CHECK(queue.position()->rejectedOps == 1);
    CHECK(queue.position()->lastRefusalCode == "attachment_refused");
    CHECK(count(*c.f.store, "SELECT count(*) FROM operations WHERE device_seq = 2 AND rejected = "
                            "'the file type is not accepted'") == 1);
}

TEST_CASE("pending operations after a sequence number: the next push starts behind the one in flight") {
    StoreFixture f;
    auto s = f.unlock();
    const auto id = s->createCase(passportCase())->id;
    for (int i = 0; i < 4; ++i) {
        REQUIRE(s->appendNote(id, "note " + std::to_string(i)).ok());
    }
    store::SyncQueue queue(*f.store);
    CHECK(queue.pending(100, 0)->size() == 5);
    auto rest = queue.pending(2, 3);
    REQUIRE(rest.ok());
    REQUIRE(rest->size() == 2);
    CHECK((*rest)[0].deviceSeq == 4);
    CHECK((*rest)[1].deviceSeq == 5);
    CHECK(queue.pending(100, 5)->empty());
}

TEST_CASE("a save over the input limits is refused whole, with a clear reason, and nothing is queued") {
    StoreFixture f;
    auto s = f.unlock();
    const auto id = s->createCase(passportCase())->id;
    store::SyncQueue queue(*f.store);
    const auto before = queue.position()->pendingOps;

    auto note = s->appendNote(id, std::string(7 * 1024 * 1024, 'x')); // the 7 MB note from the field test
    REQUIRE(!note.ok());
    CHECK(note.error().code == "too_large");
    CHECK(note.error().message.find("attachment") != std::string::npos);

    auto bigCase = passportCase();
    bigCase.citizen.name = std::string(3 * 1024, 'n');
    auto created = s->createCase(bigCase);
    REQUIRE(!created.ok());
    CHECK(created.error().code == "too_large");

    auto manyNotes = passportCase();
    manyNotes.notes.assign(5, std::string(15 * 1024, 'n')); // each within its limit, together too much
    CHECK(s->createCase(manyNotes).error().code == "too_large");

    CHECK(queue.position()->pendingOps == before);
    CHECK(s->appendNote(id, std::string(16 * 1024, 'x')).ok()); // at the limit: taken
}
