// The daemon's attachment lane: ciphertext chunks out and in, without any key.
#include <fieldkit/core/id128.hpp>
#include <fieldkit/core/refusal.hpp>
#include <fieldkit/crypto/attachment_stream.hpp>
#include <fieldkit/crypto/content_hash.hpp>
#include <fieldkit/sqlite/collect.hpp>
#include <fieldkit/store/sync_queue.hpp>

namespace fieldkit::store {
namespace {

/** Where chunk `index` starts in the encrypted stream: every chunk before it is full size. */
std::uint64_t chunkOffset(std::uint32_t index) {
    return static_cast<std::uint64_t>(index) *
           (crypto::kAttachmentChunkSize + crypto::kAttachmentChunkOverhead);
}

Error badChunk(const std::string& why) {
    return makeError("bad_chunk", "An attachment chunk from the center was refused: " + why + ".");
}

} // namespace

Result<std::vector<SyncAttachment>> SyncQueue::outgoingAttachments() {
    auto stmt = m_store.database().cached(
        "SELECT a.attachment_id, a.case_id, a.header, a.sealed_key_center, a.sealed_key_unit, a.size, "
        "a.chunk_count FROM attachments a WHERE a.op_id IS NOT NULL AND a.refused IS NULL AND EXISTS (SELECT "
        "1 FROM "
        "attachment_chunks k WHERE k.attachment_id = a.attachment_id AND k.acked = 0) ORDER BY a.op_id");
    if (!stmt) {
        return stmt.error();
    }
    return sqlite::collect<SyncAttachment>(*stmt, [](const sqlite::Statement& s) {
        return SyncAttachment{s.blob(0),
                              s.blob(1),
                              s.blob(2),
                              s.blob(3),
                              s.blob(4),
                              static_cast<std::uint64_t>(s.int64(5)),
                              static_cast<std::uint32_t>(s.int64(6))};
    });
}

Result<std::vector<SyncChunk>> SyncQueue::unacknowledgedChunks(int limit) {
    auto stmt = m_store.database().cached(
        "SELECT k.attachment_id, k.chunk_index, k.data FROM attachments a JOIN attachment_chunks k ON "
        "k.attachment_id = a.attachment_id WHERE a.op_id IS NOT NULL AND a.refused IS NULL AND k.acked = 0 "
        "ORDER BY a.op_id, k.chunk_index LIMIT ?1");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, static_cast<std::int64_t>(limit));
    return sqlite::collect<SyncChunk>(*stmt, [](const sqlite::Statement& s) {
        SyncChunk chunk;
        chunk.attachmentId = s.blob(0);
        chunk.index = static_cast<std::uint32_t>(s.int64(1));
        chunk.offset = chunkOffset(chunk.index);
        chunk.data = s.blob(2);
        chunk.checksum = crypto::contentHash(chunk.data);
        return chunk;
    });
}

Status SyncQueue::acknowledgeChunks(const std::vector<ChunkRef>& chunks) {
    auto& db = m_store.database();
    auto tx = sqlite::Transaction::begin(db);
    if (!tx) {
        return tx.error();
    }
    auto mark = db.cached("UPDATE attachment_chunks SET acked = 1 WHERE attachment_id = ?1 AND "
                          "chunk_index = ?2 AND acked = 0");
    if (!mark) {
        return mark.error();
    }
    for (const auto& c : chunks) {
        if (auto st = mark->bind(1, c.attachmentId).bind(2, static_cast<std::int64_t>(c.index)).run(); !st) {
            return st;
        }
    }
    return tx->commit();
}

Status SyncQueue::refuseAttachment(const sqlite::Bytes& attachmentId, const std::string& reason) {
    auto& db = m_store.database();
    auto tx = sqlite::Transaction::begin(db);
    if (!tx) {
        return tx.error();
    }
    auto mark = db.cached("UPDATE attachments SET refused = ?2 WHERE attachment_id = ?1 AND refused IS NULL");
    auto reject =
        db.cached("UPDATE operations SET rejected = ?2, rejected_code = ?3 WHERE op_id = (SELECT op_id FROM "
                  "attachments WHERE attachment_id = ?1) AND server_seq IS NULL AND rejected IS NULL");
    auto unqueue = db.cached(
        "DELETE FROM outbox WHERE op_id = (SELECT op_id FROM attachments WHERE attachment_id = ?1)");
    // The case stops showing "not sent" once nothing of it waits for the center any more.
    auto settle = db.cached(
        "UPDATE cases SET pending = EXISTS (SELECT 1 FROM operations o JOIN outbox x ON x.op_id = o.op_id "
        "WHERE o.case_id = cases.case_id) WHERE case_id = (SELECT case_id FROM attachments WHERE "
        "attachment_id = ?1)");
    if (!mark || !reject || !unqueue || !settle) {
        return makeError("damaged_store", "The store's schema is incomplete.");
    }
    if (auto st = mark->bind(1, attachmentId).bind(2, reason).run(); !st) {
        return st;
    }
    const std::string code(core::refusalCode(core::Refusal::AttachmentRefused));
    if (auto st = reject->bind(1, attachmentId).bind(2, reason).bind(3, code).run(); !st) {
        return st;
    }
    for (auto* stmt : {&*unqueue, &*settle}) {
        if (auto st = stmt->bind(1, attachmentId).run(); !st) {
            return st;
        }
    }
    return tx->commit();
}

Status SyncQueue::storeInboundAttachment(const SyncAttachment& a) {
    if (a.attachmentId.size() != 16 || a.caseId.size() != 16 ||
        a.header.size() != crypto::kAttachmentHeaderSize || a.chunkCount == 0) {
        return makeError("malformed", "The center sent an attachment without a valid id, case or header.");
    }
    auto& db = m_store.database();
    auto known = db.cached("SELECT 1 FROM cases WHERE case_id = ?1");
    if (!known) {
        return known.error();
    }
    known->bind(1, a.caseId);
    auto row = known->step();
    known->reset();
    if (!row) {
        return row.error();
    }
    if (!*row) {
        return makeError("unknown_case",
                         "An attachment arrived before its case; apply the case's operations first.");
    }
    // An empty wrapped key: only the sealed keys came; the app wraps its own copy when it first opens it.
    auto insert = db.cached("INSERT OR IGNORE INTO attachments(attachment_id, case_id, header, wrapped_key, "
                            "sealed_key_center, sealed_key_unit, size, chunk_count, op_id) "
                            "VALUES (?1, ?2, ?3, x'', ?4, ?5, ?6, ?7, NULL)");
    if (!insert) {
        return insert.error();
    }
    return insert->bind(1, a.attachmentId)
        .bind(2, a.caseId)
        .bind(3, a.header)
        .bind(4, a.sealedKeyCenter)
        .bind(5, a.sealedKeyUnit)
        .bind(6, static_cast<std::int64_t>(a.size))
        .bind(7, static_cast<std::int64_t>(a.chunkCount))
        .run();
}

Status SyncQueue::storeInboundChunk(const SyncChunk& c) {
    if (crypto::contentHash(c.data) != c.checksum) {
        return badChunk("its checksum does not match (damaged in transit)");
    }
    if (c.data.size() > crypto::kAttachmentChunkSize + crypto::kAttachmentChunkOverhead ||
        c.data.size() < crypto::kAttachmentChunkOverhead) {
        return badChunk("its size is impossible");
    }
    if (c.offset != chunkOffset(c.index)) {
        return badChunk("its offset does not match its index");
    }
    auto& db = m_store.database();
    auto count = db.cached("SELECT chunk_count FROM attachments WHERE attachment_id = ?1");
    if (!count) {
        return count.error();
    }
    count->bind(1, c.attachmentId);
    auto row = count->step();
    if (!row) {
        return row.error();
    }
    if (!*row) {
        count->reset();
        return badChunk("its attachment is unknown here");
    }
    const auto chunks = count->int64(0);
    count->reset();
    if (static_cast<std::int64_t>(c.index) >= chunks) {
        return badChunk("its index lies past the end of the attachment");
    }
    auto insert =
        db.cached("INSERT OR IGNORE INTO attachment_chunks(attachment_id, chunk_index, data, acked) "
                  "VALUES (?1, ?2, ?3, 1)");
    if (!insert) {
        return insert.error();
    }
    return insert->bind(1, c.attachmentId).bind(2, static_cast<std::int64_t>(c.index)).bind(3, c.data).run();
}

Result<std::uint64_t> SyncQueue::attachmentSize(const sqlite::Bytes& attachmentId) {
    auto stmt = m_store.database().cached("SELECT size FROM attachments WHERE attachment_id = ?1");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, attachmentId);
    auto size = sqlite::collect<std::uint64_t>(
        *stmt, [](const sqlite::Statement& s) { return static_cast<std::uint64_t>(s.int64(0)); });
    if (!size) {
        return size.error();
    }
    if (size->empty()) {
        return makeError("unknown_attachment", "The attachment is not known on this device.");
    }
    return size->front();
}

Result<std::uint64_t> SyncQueue::heldSliceBytes(const sqlite::Bytes& attachmentId, std::uint32_t index) {
    auto stmt = m_store.database().cached(
        "SELECT length(data) FROM attachment_chunk_parts WHERE attachment_id = ?1 AND chunk_index = ?2");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, attachmentId).bind(2, static_cast<std::int64_t>(index));
    auto held = sqlite::collect<std::uint64_t>(
        *stmt, [](const sqlite::Statement& s) { return static_cast<std::uint64_t>(s.int64(0)); });
    if (!held) {
        return held.error();
    }
    return held->empty() ? 0 : held->front();
}

Result<bool> SyncQueue::storeInboundSlice(const SyncChunk& slice, std::uint64_t sliceOffset) {
    auto& db = m_store.database();
    auto tx = sqlite::Transaction::begin(db);
    if (!tx) {
        return tx.error();
    }
    auto geometry = db.cached("SELECT size, chunk_count FROM attachments WHERE attachment_id = ?1");
    auto part =
        db.cached("SELECT data FROM attachment_chunk_parts WHERE attachment_id = ?1 AND chunk_index = ?2");
    auto grow =
        db.cached("INSERT INTO attachment_chunk_parts(attachment_id, chunk_index, data) VALUES (?1, ?2, "
                  "?3) ON CONFLICT (attachment_id, chunk_index) DO UPDATE SET data = excluded.data");
    auto drop = db.cached("DELETE FROM attachment_chunk_parts WHERE attachment_id = ?1 AND chunk_index = ?2");
    if (!geometry || !part || !grow || !drop) {
        return makeError("damaged_store", "The store's schema is incomplete.");
    }
    geometry->bind(1, slice.attachmentId);
    auto sizes =
        sqlite::collect<std::pair<std::uint64_t, std::uint32_t>>(*geometry, [](const sqlite::Statement& s) {
            return std::pair(static_cast<std::uint64_t>(s.int64(0)), static_cast<std::uint32_t>(s.int64(1)));
        });
    if (!sizes) {
        return sizes.error();
    }
    if (sizes->empty()) {
        return badChunk("its attachment is unknown here");
    }
    const auto [size, chunks] = sizes->front();
    if (slice.index >= chunks || slice.offset != chunkOffset(slice.index)) {
        return badChunk("its index or offset does not fit the attachment");
    }
    const std::uint64_t start = static_cast<std::uint64_t>(slice.index) * crypto::kAttachmentChunkSize;
    const std::uint64_t wholeBytes =
        std::min<std::uint64_t>(crypto::kAttachmentChunkSize, size > start ? size - start : 0) +
        crypto::kAttachmentChunkOverhead;
    part->bind(1, slice.attachmentId).bind(2, static_cast<std::int64_t>(slice.index));
    auto held = sqlite::collect<sqlite::Bytes>(*part, [](const sqlite::Statement& s) { return s.blob(0); });
    if (!held) {
        return held.error();
    }
    sqlite::Bytes whole = held->empty() ? sqlite::Bytes{} : std::move(held->front());
    if (sliceOffset != whole.size()) {
        return badChunk("a slice does not go on where the part held here ends");
    }
    if (slice.data.empty() || whole.size() + slice.data.size() > wholeBytes) {
        return badChunk("a slice runs past the end of its chunk");
    }
    whole.insert(whole.end(), slice.data.begin(), slice.data.end());
    if (whole.size() < wholeBytes) {
        // Written whole (SQLite's || makes text of blobs): at most a chunk, a few times per chunk.
        if (auto st = grow->bind(1, slice.attachmentId)
                          .bind(2, static_cast<std::int64_t>(slice.index))
                          .bind(3, whole)
                          .run();
            !st) {
            return st.error();
        }
        if (auto st = tx->commit(); !st) {
            return st.error();
        }
        return false;
    }
    if (auto st = drop->bind(1, slice.attachmentId).bind(2, static_cast<std::int64_t>(slice.index)).run();
        !st) {
        return st.error();
    }
    SyncChunk chunk{slice.attachmentId, slice.index, slice.offset, std::move(whole), slice.checksum};
    const auto stored = storeInboundChunk(chunk);
    if (!stored && stored.error().code != "bad_chunk") {
        return stored.error();
    }
    // A damaged chunk: the part is dropped all the same, so the next try fetches it from the start.
    if (auto st = tx->commit(); !st) {
        return st.error();
    }
    if (!stored) {
        return stored.error();
    }
    return true;
}

Result<std::vector<std::uint32_t>> SyncQueue::missingChunks(const sqlite::Bytes& attachmentId) {
    auto stmt = m_store.database().cached(
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < (SELECT chunk_count "
        "FROM attachments WHERE attachment_id = ?1)) SELECT i FROM n WHERE EXISTS (SELECT 1 FROM attachments "
        "WHERE attachment_id = ?1) AND NOT EXISTS (SELECT 1 FROM attachment_chunks k WHERE "
        "k.attachment_id = ?1 AND k.chunk_index = n.i) ORDER BY i");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, attachmentId);
    return sqlite::collect<std::uint32_t>(
        *stmt, [](const sqlite::Statement& s) { return static_cast<std::uint32_t>(s.int64(0)); });
}

Result<std::vector<sqlite::Bytes>> SyncQueue::attachmentsToFetch(int limit) {
    auto& db = m_store.database();
    // The partial index operations_attachment_refs holds exactly the rows this condition selects.
    auto refs =
        db.cached("SELECT DISTINCT meta FROM operations WHERE meta LIKE 'attachment=%' AND device_id <> ?1 "
                  "ORDER BY op_id");
    auto held =
        db.cached("SELECT chunk_count = (SELECT count(*) FROM attachment_chunks k WHERE k.attachment_id = "
                  "a.attachment_id) FROM attachments a WHERE a.attachment_id = ?1");
    if (!refs || !held) {
        return makeError("damaged_store", "The store's schema is incomplete.");
    }
    refs->bind(1, m_store.deviceId());
    std::vector<sqlite::Bytes> wanted;
    while (static_cast<int>(wanted.size()) < limit) {
        auto row = refs->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            break;
        }
        const auto meta = refs->text(0);
        auto id =
            core::CaseId::fromHex(std::string_view(meta).substr(std::string_view("attachment=").size()));
        if (!id) {
            continue; // not an attachment reference this version understands
        }
        const sqlite::Bytes bytes(id->bytes().begin(), id->bytes().end());
        held->bind(1, bytes);
        auto whole = held->step();
        const bool complete = whole && *whole && held->int64(0) == 1;
        held->reset();
        if (!whole) {
            return whole.error();
        }
        if (!complete) {
            wanted.push_back(bytes);
        }
    }
    refs->reset();
    return wanted;
}

Status SyncQueue::reopenAttachment(const sqlite::Bytes& attachmentId) {
    auto reopen = m_store.database().cached(
        "UPDATE attachment_chunks SET acked = 0 WHERE attachment_id = ?1 AND acked = 1 AND EXISTS (SELECT 1 "
        "FROM "
        "attachments a WHERE a.attachment_id = ?1 AND a.op_id IS NOT NULL AND a.refused IS NULL)");
    if (!reopen) {
        return reopen.error();
    }
    return reopen->bind(1, attachmentId).run();
}

} // namespace fieldkit::store
