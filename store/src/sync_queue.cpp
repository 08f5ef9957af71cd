#include "field_refs.hpp"

#include <algorithm>
#include <fieldkit/core/case_meta.hpp>
#include <fieldkit/core/field.hpp>
#include <fieldkit/core/hlc.hpp>
#include <fieldkit/core/partition_checksum.hpp>
#include <fieldkit/sqlite/collect.hpp>
#include <fieldkit/store/sync_queue.hpp>
#include <map>
#include <set>
#include <span>

namespace fieldkit::store {

using sqlite::Transaction;

namespace {

Error schemaIncomplete() {
    return makeError("damaged_store", "The store's schema is incomplete.");
}

/** The checksum of the device's copy of its unit's partition, which every ack and change updates. */
Result<std::uint64_t> partitionChecksum(sqlite::Database& db) {
    auto state = db.cached("SELECT checksum FROM sync_state WHERE id = 1");
    if (!state) {
        return schemaIncomplete();
    }
    auto row = state->step();
    if (!row || !*row) {
        state->reset();
        return row ? schemaIncomplete() : row.error();
    }
    const auto checksum = static_cast<std::uint64_t>(state->int64(0));
    state->reset();
    return checksum;
}

std::string closesJson(const std::vector<std::uint64_t>& closes) {
    std::string out = "[";
    for (const auto seq : closes) {
        out += (out.size() > 1 ? "," : "") + std::to_string(seq);
    }
    return out + "]";
}

/** An ack can arrive after a change from another device that already superseded the acknowledged version (the
 *  first ack was lost, the pull was not): that change named the version by a server_seq this device did not
 *  know yet. Now that it does, the superseded head goes, for the fields that change touched. */
Status closeSupersededOwnHeads(sqlite::Database& db, const std::string& deviceId, std::uint64_t deviceSeq,
                               std::uint64_t serverSeq) {
    auto closers =
        db.cached("SELECT o2.field_refs, own.op_id, own.case_id FROM operations own JOIN operations o2 "
                  "ON o2.case_id = own.case_id, json_each(o2.closes) j WHERE own.device_id = ?1 AND "
                  "own.device_seq = ?2 AND o2.closes IS NOT NULL AND j.value = ?3");
    auto drop = db.cached("DELETE FROM field_heads WHERE case_id = ?1 AND field_id = ?2 AND op_id = ?3");
    if (!closers || !drop) {
        return schemaIncomplete();
    }
    closers->bind(1, deviceId)
        .bind(2, static_cast<std::int64_t>(deviceSeq))
        .bind(3, static_cast<std::int64_t>(serverSeq));
    while (true) {
        auto row = closers->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            break;
        }
        auto refs = detail::decodeFieldRefs(closers->blob(0));
        if (!refs) {
            return refs.error();
        }
        for (const auto& ref : *refs) {
            if (auto s = drop->bind(1, closers->blob(2))
                             .bind(2, static_cast<std::int64_t>(ref.fieldId))
                             .bind(3, closers->int64(1))
                             .run();
                !s) {
                return s;
            }
        }
    }
    auto flag =
        db.cached("UPDATE cases SET conflicted = EXISTS (SELECT 1 FROM field_heads h WHERE h.case_id = "
                  "cases.case_id GROUP BY h.field_id HAVING count(*) > 1) WHERE case_id = (SELECT case_id "
                  "FROM operations WHERE device_id = ?1 AND device_seq = ?2)");
    if (!flag) {
        return flag.error();
    }
    return flag->bind(1, deviceId).bind(2, static_cast<std::int64_t>(deviceSeq)).run();
}

/** A case's clear status is the one from the status change the center sequenced last, unless this device
 *  changed it since: its own change, not yet sequenced, will be sequenced after everything the center has.
 *  This is the hub's rule (the newest arrival wins) seen from the device, and it is decided again whenever an
 *  inbound change or an ack adds a sequence number: an ack that arrives after a later change from another
 *  device must hand the status to that change. */
Status settleStatus(sqlite::Database& db, std::span<const std::uint8_t> caseId) {
    auto latest = db.cached("SELECT meta FROM operations WHERE case_id = ?1 AND meta LIKE '%status=%' AND "
                            "rejected IS NULL ORDER BY server_seq IS NULL DESC, server_seq DESC, device_seq "
                            "DESC LIMIT 1");
    auto update = db.cached("UPDATE cases SET status = ?2 WHERE case_id = ?1 AND status <> ?2");
    if (!latest || !update) {
        return schemaIncomplete();
    }
    latest->bind(1, caseId);
    auto row = latest->step();
    if (!row) {
        return row.error();
    }
    if (!*row) {
        latest->reset();
        return {};
    }
    const auto meta = core::parseCaseMeta(latest->text(0));
    latest->reset();
    const auto it = meta.find("status");
    if (it == meta.end()) {
        return {};
    }
    return update->bind(1, caseId).bind(2, it->second).run();
}

} // namespace

Result<std::vector<SyncOperation>> SyncQueue::pending(int limit, std::uint64_t afterDeviceSeq) {
    auto stmt = m_store.database().cached(
        "SELECT o.case_id, o.device_seq, o.kind, o.hlc, o.field_refs, o.meta, "
        "o.ciphertext, c.sealed_key_center, "
        "c.sealed_key_unit, o.staff, c.unit, x.queued_ms, coalesce(o.previous_server_seq, 0) FROM outbox x "
        "JOIN "
        "operations o ON o.op_id = x.op_id "
        "JOIN cases c ON c.case_id = o.case_id "
        // Hold back the first operation whose attachment the hub does not fully
        // have, and all after it: the center applies device_seqs in order.
        "WHERE x.device_seq < coalesce((SELECT min(xb.device_seq) FROM attachments a "
        "JOIN outbox xb ON xb.op_id = a.op_id WHERE a.op_id IS NOT NULL AND a.refused IS NULL AND EXISTS "
        "(SELECT 1 FROM attachment_chunks k WHERE k.attachment_id = a.attachment_id "
        "AND k.acked = 0)), 9223372036854775807) AND x.device_seq > ?2 "
        "ORDER BY x.device_seq LIMIT ?1");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, static_cast<std::int64_t>(limit)).bind(2, static_cast<std::int64_t>(afterDeviceSeq));
    std::vector<SyncOperation> out;
    while (true) {
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return out;
        }
        auto refs = detail::decodeFieldRefs(stmt->blob(4));
        if (!refs) {
            return refs.error();
        }
        SyncOperation op;
        op.caseId = stmt->blob(0);
        op.deviceId = m_store.deviceId();
        op.deviceSeq = static_cast<std::uint64_t>(stmt->int64(1));
        op.kind = stmt->text(2);
        op.hlc = static_cast<std::uint64_t>(stmt->int64(3));
        op.fields = std::move(*refs);
        op.meta = stmt->text(5);
        op.ciphertext = stmt->blob(6);
        op.sealedKeyCenter = stmt->blob(7);
        op.sealedKeyUnit = stmt->blob(8);
        op.staff = stmt->text(9);
        op.unit = stmt->text(10);
        op.queuedMs = stmt->int64(11);
        op.serverSeq = static_cast<std::uint64_t>(stmt->int64(12));
        out.push_back(std::move(op));
    }
}

Result<SyncPosition> SyncQueue::position() {
    auto stmt = m_store.database().cached(
        "SELECT s.pull_cursor, s.last_acked_device_seq, (SELECT count(*) FROM outbox), "
        "(SELECT coalesce(min(queued_ms), 0) FROM outbox), (SELECT count(*) FROM operations WHERE rejected "
        "IS NOT NULL), s.checksum, r.rejected, r.rejected_code FROM sync_state s LEFT JOIN (SELECT rejected, "
        "rejected_code FROM operations WHERE rejected IS NOT NULL ORDER BY op_id DESC LIMIT 1) r WHERE s.id "
        "= 1");
    if (!stmt) {
        return stmt.error();
    }
    auto row = stmt->step();
    if (!row || !*row) {
        return row ? makeError("damaged_store", "The store lacks its sync state.") : row.error();
    }
    return SyncPosition{static_cast<std::uint64_t>(stmt->int64(0)),
                        static_cast<std::uint64_t>(stmt->int64(1)),
                        stmt->int64(2),
                        stmt->int64(3),
                        stmt->int64(4),
                        static_cast<std::uint64_t>(stmt->int64(5)),
                        stmt->text(6),
                        stmt->text(7)};
}

Status SyncQueue::acknowledge(const std::vector<PushResult>& results) {
    auto& db = m_store.database();
    auto tx = Transaction::begin(db);
    if (!tx) {
        return tx.error();
    }
    auto mark =
        db.cached("UPDATE operations SET server_seq = ?3 WHERE device_id = ?1 AND device_seq = ?2 AND "
                  "server_seq IS NULL");
    // Only an operation still waiting for its answer can be refused: an ack is never allowed to undo one.
    auto refuse = db.cached(
        "UPDATE operations SET rejected = ?3, rejected_code = nullif(?4, '') WHERE device_id = ?1 AND "
        "device_seq = ?2 AND server_seq IS NULL");
    auto drop = db.cached("DELETE FROM outbox WHERE device_seq = ?1");
    auto closing =
        db.cached("UPDATE cases SET closed_acked_ms = ?3 WHERE case_id = (SELECT case_id FROM operations "
                  "WHERE device_id = ?1 "
                  "AND device_seq = ?2 AND (meta LIKE '%status=closed%' OR meta LIKE '%status=withdrawn%')) "
                  "AND status IN ('closed', 'withdrawn')");
    auto statusCase = db.cached("SELECT case_id FROM operations WHERE device_id = ?1 AND device_seq = ?2 AND "
                                "meta LIKE '%status=%'");
    // The case stays "pending sync" while any of its operations waits for the center's sequence number.
    auto settlePending = db.cached(
        "UPDATE cases SET pending = EXISTS (SELECT 1 FROM operations o WHERE o.case_id = cases.case_id AND "
        "o.server_seq IS NULL) WHERE case_id = (SELECT case_id FROM operations WHERE device_id = ?1 AND "
        "device_seq = ?2)");
    auto save = db.cached("UPDATE sync_state SET last_acked_device_seq = max(last_acked_device_seq, ?1), "
                          "checksum = ?2 WHERE id = 1");
    if (!mark || !refuse || !drop || !closing || !statusCase || !settlePending || !save) {
        return schemaIncomplete();
    }
    auto stored = partitionChecksum(db);
    if (!stored) {
        return stored.error();
    }
    auto checksum = *stored;
    const std::int64_t now = m_store.clock().nowMs();
    const auto settleStatusOf = [&](std::int64_t seq) -> Status {
        statusCase->bind(1, m_store.deviceId()).bind(2, seq);
        auto found = statusCase->step();
        if (!found || !*found) {
            statusCase->reset();
            return found ? Status{} : Status{found.error()};
        }
        const auto caseId = statusCase->blob(0);
        statusCase->reset();
        return settleStatus(db, caseId);
    };
    for (const auto& r : results) {
        const auto seq = static_cast<std::int64_t>(r.deviceSeq);
        if (r.rejected) {
            if (auto s = refuse->bind(1, m_store.deviceId())
                             .bind(2, seq)
                             .bind(3, r.reason)
                             .bind(4, r.reasonCode)
                             .run();
                !s) {
                return s;
            }
            if (auto s = settleStatusOf(seq); !s) {
                return s;
            }
        } else {
            if (auto s = mark->bind(1, m_store.deviceId())
                             .bind(2, seq)
                             .bind(3, static_cast<std::int64_t>(r.serverSeq))
                             .run();
                !s) {
                return s;
            }
            // A repeat (a replayed reply, or the ack standing in for our operation in a later page) changes
            // nothing here: in particular it does not restart the retention clock of a closed case.
            const bool firstAck = db.changes() > 0;
            if (firstAck) {
                checksum ^= core::operationFingerprint(r.serverSeq, m_store.deviceId(), r.deviceSeq);
                if (auto s = closeSupersededOwnHeads(db, m_store.deviceId(), r.deviceSeq, r.serverSeq); !s) {
                    return s;
                }
                if (auto s = settlePending->bind(1, m_store.deviceId()).bind(2, seq).run(); !s) {
                    return s;
                }
            }
            if (auto s = settleStatusOf(seq); !s) {
                return s;
            }
            if (firstAck) {
                if (auto s = closing->bind(1, m_store.deviceId()).bind(2, seq).bind(3, now).run(); !s) {
                    return s;
                }
            }
        }
        if (auto s = drop->bind(1, seq).run(); !s) {
            return s;
        }
        if (auto s = save->bind(1, seq).bind(2, static_cast<std::int64_t>(checksum)).run(); !s) {
            return s;
        }
    }
    return tx->commit();
}

Result<std::size_t> SyncQueue::requeueAfter(std::uint64_t lastApplied) {
    auto& db = m_store.database();
    auto tx = Transaction::begin(db);
    if (!tx) {
        return tx.error();
    }
    auto lost =
        db.cached("SELECT op_id, device_seq, server_seq FROM operations WHERE device_id = ?1 AND "
                  "device_seq > ?2 AND server_seq IS NOT NULL AND rejected IS NULL ORDER BY device_seq");
    auto unmark = db.cached("UPDATE operations SET previous_server_seq = server_seq, server_seq = NULL WHERE "
                            "op_id = ?1");
    auto queue = db.cached("INSERT OR IGNORE INTO outbox(device_seq, op_id, queued_ms) VALUES (?1, ?2, ?3)");
    auto pendingCase = db.cached("UPDATE cases SET pending = 1 WHERE case_id = (SELECT case_id FROM "
                                 "operations WHERE op_id = ?1)");
    auto save = db.cached("UPDATE sync_state SET last_acked_device_seq = ?1, checksum = ?2 WHERE id = 1");
    if (!lost || !unmark || !queue || !pendingCase || !save) {
        return schemaIncomplete();
    }
    auto stored = partitionChecksum(db);
    if (!stored) {
        return stored.error();
    }
    auto checksum = *stored;
    struct Lost {
        std::int64_t opId;
        std::uint64_t deviceSeq;
        std::uint64_t serverSeq;
    };
    lost->bind(1, m_store.deviceId()).bind(2, static_cast<std::int64_t>(lastApplied));
    auto ops = sqlite::collect<Lost>(*lost, [](const sqlite::Statement& s) {
        return Lost{s.int64(0), static_cast<std::uint64_t>(s.int64(1)),
                    static_cast<std::uint64_t>(s.int64(2))};
    });
    if (!ops) {
        return ops.error();
    }
    const std::int64_t now = m_store.clock().nowMs();
    for (const auto& op : *ops) {
        // Out of the checksum until the center sequences it again, exactly as before its first ack.
        checksum ^= core::operationFingerprint(op.serverSeq, m_store.deviceId(), op.deviceSeq);
        if (auto st = unmark->bind(1, op.opId).run(); !st) {
            return st.error();
        }
        if (auto st =
                queue->bind(1, static_cast<std::int64_t>(op.deviceSeq)).bind(2, op.opId).bind(3, now).run();
            !st) {
            return st.error();
        }
        if (auto st = pendingCase->bind(1, op.opId).run(); !st) {
            return st.error();
        }
    }
    if (auto st = save->bind(1, static_cast<std::int64_t>(lastApplied))
                      .bind(2, static_cast<std::int64_t>(checksum))
                      .run();
        !st) {
        return st.error();
    }
    if (auto st = tx->commit(); !st) {
        return st.error();
    }
    return ops->size();
}

Result<InboundOutcome> SyncQueue::applyInbound(const std::vector<SyncOperation>& changes,
                                               std::uint64_t checkpoint, bool more,
                                               std::uint64_t hubChecksum) {
    auto& db = m_store.database();
    auto tx = Transaction::begin(db);
    if (!tx) {
        return tx.error();
    }
    auto exists =
        db.cached("SELECT op_id, server_seq FROM operations WHERE device_id = ?1 AND device_seq = ?2");
    auto renumber = db.cached("UPDATE operations SET server_seq = ?2 WHERE op_id = ?1");
    auto caseRow = db.cached("SELECT 1 FROM cases WHERE case_id = ?1");
    auto newCase =
        db.cached("INSERT INTO cases(case_id, service, status, unit, channel, created_ms, updated_ms, "
                  "wrapped_record_key, "
                  "sealed_key_center, sealed_key_unit, created_by) VALUES (?1, ?2, 'opened', ?3, ?4, ?5, ?5, "
                  "NULL, ?6, ?7, "
                  "?8)");
    auto insert = db.cached(
        "INSERT INTO operations(case_id, device_id, device_seq, kind, hlc, staff, field_refs, "
        "meta, ciphertext, server_seq, closes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    auto closeHead = db.cached("DELETE FROM field_heads WHERE case_id = ?1 AND field_id = ?2 AND op_id IN "
                               "(SELECT op_id FROM operations WHERE case_id = ?1 AND server_seq = ?3)");
    auto addHead =
        db.cached("INSERT OR IGNORE INTO field_heads(case_id, field_id, op_id) VALUES (?1, ?2, ?3)");
    auto touch = db.cached("UPDATE cases SET updated_ms = max(updated_ms, ?2), conflicted = EXISTS (SELECT "
                           "1 FROM field_heads h WHERE "
                           "h.case_id = ?1 GROUP BY h.field_id HAVING count(*) > 1) WHERE case_id = ?1");
    auto save = db.cached("UPDATE sync_state SET pull_cursor = ?1, checksum = ?2 WHERE id = 1");
    if (!exists || !renumber || !caseRow || !newCase || !insert || !closeHead || !addHead || !touch ||
        !save) {
        return schemaIncomplete();
    }
    auto stored = partitionChecksum(db);
    if (!stored) {
        return stored.error();
    }
    auto checksum = *stored;

    InboundOutcome outcome;
    for (const auto& op : changes) {
        exists->bind(1, op.deviceId).bind(2, static_cast<std::int64_t>(op.deviceSeq));
        auto present = exists->step();
        if (!present) {
            exists->reset();
            return present.error();
        }
        if (*present) {
            const auto opId = exists->int64(0);
            const auto heldAs = exists->isNull(1) ? 0 : static_cast<std::uint64_t>(exists->int64(1));
            exists->reset();
            ++outcome.alreadyPresent; // a replayed page: applying twice must change nothing
            if (heldAs != 0 && heldAs != op.serverSeq && op.serverSeq != 0) {
                // A center restored from a backup gave this change a new number when its device sent it
                // again (restore_numbering.hpp): held under the center's number, the checksums agree again.
                checksum ^= core::operationFingerprint(heldAs, op.deviceId, op.deviceSeq) ^
                            core::operationFingerprint(op.serverSeq, op.deviceId, op.deviceSeq);
                if (auto s = renumber->bind(1, opId).bind(2, static_cast<std::int64_t>(op.serverSeq)).run();
                    !s) {
                    return s.error();
                }
            }
            continue;
        }
        exists->reset();
        if (op.caseId.size() != 16) {
            return makeError("malformed", "The center sent an operation without a valid case id.");
        }
        const auto meta = core::parseCaseMeta(op.meta);
        const auto atMs = static_cast<std::int64_t>(core::Hlc::decode(op.hlc).physicalMs());
        caseRow->bind(1, op.caseId);
        auto known = caseRow->step();
        caseRow->reset();
        if (!known) {
            return known.error();
        }
        if (!*known) {
            const auto get = [&meta](const char* key) {
                const auto it = meta.find(key);
                return it == meta.end() ? std::string() : it->second;
            };
            if (auto s = newCase->bind(1, op.caseId)
                             .bind(2, get("service"))
                             .bind(3, op.unit)
                             .bind(4, get("channel"))
                             .bind(5, atMs)
                             .bind(6, op.sealedKeyCenter)
                             .bind(7, op.sealedKeyUnit)
                             .bind(8, op.staff)
                             .run();
                !s) {
                return s.error();
            }
        }
        if (auto s = insert->bind(1, op.caseId)
                         .bind(2, op.deviceId)
                         .bind(3, static_cast<std::int64_t>(op.deviceSeq))
                         .bind(4, op.kind)
                         .bind(5, static_cast<std::int64_t>(op.hlc))
                         .bind(6, op.staff)
                         .bind(7, detail::encodeFieldRefs(op.fields))
                         .bind(8, op.meta)
                         .bind(9, op.ciphertext)
                         .bind(10, static_cast<std::int64_t>(op.serverSeq))
                         .bind(11, closesJson(op.closes))
                         .run();
            !s) {
            return s.error();
        }
        const std::int64_t opId = db.lastInsertRowId();
        std::set<std::uint32_t> fields;
        for (const auto& ref : op.fields) {
            const auto info = core::fieldInfo(core::FieldId{ref.fieldId});
            const bool addOnly = info.known ? info.kind == core::FieldKind::AddOnly : op.kind == "append";
            if (!addOnly) {
                fields.insert(ref.fieldId);
            }
        }
        for (const auto field : fields) {
            for (const auto closed : op.closes) {
                if (auto s = closeHead->bind(1, op.caseId)
                                 .bind(2, static_cast<std::int64_t>(field))
                                 .bind(3, static_cast<std::int64_t>(closed))
                                 .run();
                    !s) {
                    return s.error();
                }
            }
            if (auto s =
                    addHead->bind(1, op.caseId).bind(2, static_cast<std::int64_t>(field)).bind(3, opId).run();
                !s) {
                return s.error();
            }
        }
        if (meta.contains("status")) {
            if (auto s = settleStatus(db, op.caseId); !s) {
                return s.error();
            }
        }
        if (auto s = touch->bind(1, op.caseId).bind(2, atMs).run(); !s) {
            return s.error();
        }
        checksum ^= core::operationFingerprint(op.serverSeq, op.deviceId, op.deviceSeq);
        ++outcome.applied;
    }
    std::uint64_t cursor = checkpoint;
    if (!more && checksum != hubChecksum) {
        // Silent divergence (a lost or doubled change): pull the partition again from the start. Applying is
        // idempotent, so the re-pull only adds what is missing.
        outcome.diverged = true;
        cursor = 0;
    }
    if (auto s = save->bind(1, static_cast<std::int64_t>(cursor))
                     .bind(2, static_cast<std::int64_t>(checksum))
                     .run();
        !s) {
        return s.error();
    }
    if (auto s = tx->commit(); !s) {
        return s.error();
    }
    return outcome;
}

} // namespace fieldkit::store
