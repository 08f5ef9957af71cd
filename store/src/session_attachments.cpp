// Attachments of a case: files and signatures, encrypted as secretstream chunks under their own key.
#include "attachment_ref.hpp"
#include "session_impl.hpp"

#include <fieldkit/crypto/attachment_stream.hpp>

namespace fieldkit::store {
namespace {

Error attachmentTampered() {
    return makeError("tampered", "The attachment failed its integrity check; it may have been altered, "
                                 "reordered or cut short. Report this device.");
}

crypto::ByteView attachmentView(const AttachmentId& id) {
    return crypto::ByteView(id.bytes());
}

} // namespace

void Session::Impl::collectAttachments(const CaseId& id, CaseDetails& out) {
    auto have = db.cached("SELECT a.chunk_count = (SELECT count(*) FROM attachment_chunks k WHERE "
                          "k.attachment_id = a.attachment_id) FROM attachments a WHERE a.attachment_id = ?1 "
                          "AND a.case_id = ?2");
    for (const auto& [encoded, author] : attachmentRefs) {
        auto ref = detail::decodeAttachmentRef(encoded);
        if (!ref) {
            continue; // the operation opened, so this is a format from a newer app: nothing to show yet
        }
        AttachmentInfo info{ref->id,         ref->displayName, ref->mediaType, ref->kind, ref->size,
                            ref->chunkCount, author.staff,     author.atMs,    false};
        if (have) {
            have->bind(1, attachmentView(ref->id)).bind(2, idView(id));
            auto row = have->step();
            info.available = row && *row && have->int64(0) != 0;
            have->reset();
        }
        out.attachments.push_back(std::move(info));
    }
    attachmentRefs.clear();
}

Result<AttachmentInfo> Session::attachFile(const CaseId& id, const NewAttachment& input) {
    if (auto st = detail::checkNewAttachment(input); !st) {
        return st.error();
    }
    if (!m_impl->centerSealer || !m_impl->unitSealer) {
        return makeError("not_enrolled",
                         "This device is not enrolled with a center yet, so it cannot seal attachments.");
    }
    auto key = m_impl->recordKey(id);
    if (!key) {
        return key.error();
    }
    std::array<std::uint8_t, 16> raw{};
    crypto::systemRandom().fill(raw);
    const AttachmentId attachmentId(raw);
    const auto attachmentKey = crypto::AttachmentKey::generate();

    // Encrypted before the transaction opens, so the write lock is held only for the inserts.
    const crypto::ByteView plain(input.bytes);
    const std::uint32_t count = detail::attachmentChunkCount(plain.size());
    crypto::AttachmentEncryptor encryptor(attachmentKey);
    std::vector<crypto::Bytes> chunks;
    chunks.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::size_t offset = static_cast<std::size_t>(i) * crypto::kAttachmentChunkSize;
        const std::size_t length = std::min(crypto::kAttachmentChunkSize, plain.size() - offset);
        chunks.push_back(encryptor.push(plain.subspan(offset, length), i + 1 == count));
    }
    const detail::AttachmentRef ref{attachmentId,    input.bytes.size(), count,
                                    input.mediaType, input.kind,         input.displayName};
    const bool signature = input.kind == "signature";
    const auto field = signature ? core::fields::kSignature : core::fields::kAttachment;

    auto& db = m_impl->db;
    auto tx = Transaction::begin(db);
    if (!tx) {
        return tx.error();
    }
    if (auto st = m_impl->writeOperation(id, signature ? "set" : "append",
                                         {{field.value, detail::encodeAttachmentRef(ref)}},
                                         "attachment=" + attachmentId.toHex(), *key, m_staff);
        !st) {
        return st.error();
    }
    auto insert = db.cached("INSERT INTO attachments(attachment_id, case_id, header, wrapped_key, "
                            "sealed_key_center, sealed_key_unit, size, chunk_count, op_id) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    auto chunk = db.cached("INSERT INTO attachment_chunks(attachment_id, chunk_index, data, acked) VALUES "
                           "(?1, ?2, ?3, 0)");
    if (!insert || !chunk) {
        return !insert ? insert.error() : chunk.error();
    }
    const auto idBytes = attachmentView(attachmentId);
    if (auto st =
            insert->bind(1, idBytes)
                .bind(2, idView(id))
                .bind(3, crypto::ByteView(encryptor.header()))
                .bind(4, crypto::ByteView(crypto::wrapAttachmentKey(m_impl->dek, attachmentKey, idBytes)))
                .bind(5, crypto::ByteView(m_impl->centerSealer->sealAttachmentKey(attachmentKey, idBytes)))
                .bind(6, crypto::ByteView(m_impl->unitSealer->sealAttachmentKey(attachmentKey, idBytes)))
                .bind(7, static_cast<std::int64_t>(input.bytes.size()))
                .bind(8, static_cast<std::int64_t>(count))
                .bind(9, m_impl->lastOpId)
                .run();
        !st) {
        return st.error();
    }
    for (std::uint32_t i = 0; i < count; ++i) {
        if (auto st = chunk->bind(1, idBytes)
                          .bind(2, static_cast<std::int64_t>(i))
                          .bind(3, crypto::ByteView(chunks[i]))
                          .run();
            !st) {
            return st.error();
        }
    }
    if (auto st = m_impl->audit.append(db, m_impl->now(), m_staff, "attach", id.toHex(), "case work"); !st) {
        return st.error();
    }
    if (auto st = tx->commit(); !st) {
        return st.error();
    }
    return AttachmentInfo{attachmentId, input.displayName, input.mediaType, input.kind, input.bytes.size(),
                          count,        m_staff,           m_impl->now(),   true};
}

Result<std::vector<std::uint8_t>> Session::readAttachment(const CaseId& id, const AttachmentId& attachment,
                                                          const std::string& purpose) {
    if (purpose.empty()) {
        return makeError("missing_purpose",
                         "Say why the attachment is opened; every look-up is logged with its purpose.");
    }
    auto out = m_impl->decryptAttachment(id, attachment);
    if (!out) {
        return out;
    }
    if (auto st = m_impl->auditRead(m_staff, "read_attachment", id.toHex(), purpose); !st) {
        return st.error();
    }
    return out;
}

Result<std::vector<std::uint8_t>> Session::Impl::decryptAttachment(const CaseId& id,
                                                                   const AttachmentId& attachment) {
    auto row = db.cached("SELECT header, wrapped_key, sealed_key_unit, size, chunk_count, op_id IS NOT NULL "
                         "FROM attachments WHERE attachment_id = ?1 AND case_id = ?2");
    if (!row) {
        return row.error();
    }
    const auto idBytes = attachmentView(attachment);
    row->bind(1, idBytes).bind(2, idView(id));
    auto found = row->step();
    if (!found) {
        return found.error();
    }
    if (!*found) {
        return makeError("unknown_attachment", "The case has no such attachment on this device.");
    }
    const auto header = row->blob(0);
    const auto wrapped = row->blob(1);
    const auto sealedUnit = row->blob(2);
    const auto size = static_cast<std::uint64_t>(row->int64(3));
    const auto count = static_cast<std::int64_t>(row->int64(4));
    const bool writtenHere = row->int64(5) != 0; // its chunks were all stored in one transaction
    row->reset();

    // Attachments from another device of the unit arrive with sealed keys only; the first read opens the
    // unit's copy and keeps it wrapped by this device's data key, like record keys.
    std::optional<crypto::AttachmentKey> key;
    if (!wrapped.empty()) {
        auto unwrapped = crypto::unwrapAttachmentKey(dek, wrapped, idBytes);
        if (!unwrapped) {
            return attachmentTampered();
        }
        key = std::move(*unwrapped);
    } else {
        if (!unitKey) {
            return makeError("not_enrolled",
                             "This device holds no unit key to open attachments from other devices.");
        }
        auto opened = crypto::openSealedAttachmentKey(*unitKey, sealedUnit, idBytes);
        if (!opened) {
            return attachmentTampered();
        }
        key = std::move(*opened);
        if (auto save = db.cached("UPDATE attachments SET wrapped_key = ?2 WHERE attachment_id = ?1"); save) {
            (void)save->bind(1, idBytes)
                .bind(2, crypto::ByteView(crypto::wrapAttachmentKey(dek, *key, idBytes)))
                .run();
        }
    }
    auto decryptor = crypto::AttachmentDecryptor::create(*key, header);
    if (!decryptor) {
        return attachmentTampered();
    }
    auto chunks = db.cached("SELECT chunk_index, data FROM attachment_chunks WHERE attachment_id = ?1 "
                            "ORDER BY chunk_index");
    if (!chunks) {
        return chunks.error();
    }
    chunks->bind(1, idBytes);
    std::vector<std::uint8_t> out;
    out.reserve(size);
    std::int64_t expected = 0;
    while (true) {
        auto next = chunks->step();
        if (!next) {
            return next.error();
        }
        if (!*next) {
            break;
        }
        if (chunks->int64(0) != expected) {
            break; // a gap: counted as missing below
        }
        auto plain = decryptor->pull(chunks->blob(1));
        if (!plain) {
            chunks->reset();
            return attachmentTampered();
        }
        out.insert(out.end(), plain->begin(), plain->end());
        ++expected;
    }
    chunks->reset();
    if (expected < count && writtenHere) {
        return attachmentTampered();
    }
    if (expected < count) {
        return makeError("attachment_incomplete",
                         "Only " + std::to_string(expected) + " of " + std::to_string(count) +
                             " parts of the attachment are on this device; it is still arriving.");
    }
    if (!decryptor->finish() || out.size() != size) {
        return attachmentTampered();
    }
    return out;
}

Result<std::vector<AttachmentInfo>> Session::listAttachments(const CaseId& id, const std::string& purpose) {
    auto details = openCase(id, purpose);
    if (!details) {
        return details.error();
    }
    return std::move(details->attachments);
}

} // namespace fieldkit::store
