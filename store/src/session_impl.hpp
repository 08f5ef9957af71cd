#pragma once

// The state and shared steps of an unlocked Session, split out so each job (case writes, reads, attachments,
// administration) lives in its own file. Private to the store library.

#include "audit_writer.hpp"
#include "case_row_seal.hpp"
#include "field_refs.hpp"
#include "name_index.hpp"

#include <algorithm>
#include <fieldkit/core/case_meta.hpp>
#include <fieldkit/core/cpr.hpp>
#include <fieldkit/core/field.hpp>
#include <fieldkit/core/hlc.hpp>
#include <fieldkit/core/input_limits.hpp>
#include <fieldkit/core/life_situation_answers.hpp>
#include <fieldkit/core/service_catalogue.hpp>
#include <fieldkit/crypto/key_sealer.hpp>
#include <fieldkit/crypto/operation_aad.hpp>
#include <fieldkit/crypto/operation_seal.hpp>
#include <fieldkit/crypto/random_source.hpp>
#include <fieldkit/crypto/record_key.hpp>
#include <fieldkit/sqlite/collect.hpp>
#include <fieldkit/store/session.hpp>
#include <map>
#include <set>

namespace fieldkit::store {

using sqlite::Bytes;
using sqlite::Database;
using sqlite::Transaction;

/** Version of the operation plaintext schema, bound into every ciphertext's AAD. */
inline constexpr std::uint32_t kOperationSchemaVersion = 1;

inline crypto::ByteView idView(const CaseId& id) {
    return crypto::ByteView(id.bytes());
}

inline bool isAddOnly(std::uint32_t fieldId) {
    return core::fieldInfo(core::FieldId{fieldId}).kind == core::FieldKind::AddOnly;
}

inline Error notFound() {
    return makeError("unknown_case", "There is no such case on this device.");
}

/** The field ids an operation's AAD binds: each once, in the order of its references (a resolve names a
 *  field once per version it closes). */
inline std::vector<std::uint32_t> distinctFieldIds(const std::vector<detail::FieldRef>& refs) {
    std::vector<std::uint32_t> ids;
    for (const auto& r : refs) {
        if (std::find(ids.begin(), ids.end(), r.fieldId) == ids.end()) {
            ids.push_back(r.fieldId);
        }
    }
    return ids;
}

inline Error tampered(std::int64_t opId) {
    return makeError("tampered", "Case data failed its integrity check (operation " + std::to_string(opId) +
                                     "); it may have been altered or moved. Report this device.");
}

inline CaseSummary readSummary(const sqlite::Statement& s, int first = 0) {
    CaseSummary c;
    c.id = *CaseId::fromBytes(s.blob(first));
    c.service = s.text(first + 1);
    c.kle = s.text(first + 2);
    auto status = core::caseStatusFromString(s.text(first + 3));
    c.status = status ? *status : core::CaseStatus::Opened;
    c.unit = s.text(first + 4);
    c.channel = s.text(first + 5);
    c.createdMs = s.int64(first + 6);
    c.updatedMs = s.int64(first + 7);
    c.conflicted = s.int64(first + 8) != 0;
    c.pendingSync = s.int64(first + 9) != 0;
    c.createdBy = s.text(first + 10);
    return c;
}

inline constexpr const char* kSummaryColumns =
    "c.case_id, c.service, c.kle, c.status, c.unit, c.channel, c.created_ms, c.updated_ms, c.conflicted, "
    "c.pending, c.created_by";

using sqlite::collect;

/** While alive, commits on `db` use synchronous=NORMAL; FULL again afterwards. Only for transactions that
 *  write read-audit entries and nothing else.
 *
 *  Why read-audit entries may commit without fsync while case data commits with FULL: a read changes nothing
 *  the citizen or staff rely on, and an fsync per look-up (milliseconds on eMMC) would make every CPR search
 *  and case view cost as much as a save. In WAL mode a NORMAL commit is appended to the -wal file without
 *  fsync: it survives a killed or crashed process (the kernel holds the write), and only a power cut can lose
 *  it, together with every entry since the last sync. The next durable save (FULL syncs the whole WAL, the
 *  earlier read entries with it) or checkpoint makes them permanent. A loss is always a tail of the log,
 *  never a gap, so the MAC chain stays valid; and a read whose entry a power cut took was on a screen that
 *  went dark with it. The entry stays in the same database, not an in-memory buffer flushed later, because
 *  that is what lets a killed process lose nothing. If the pragma cannot be switched, the entry simply
 *  commits durably (slower, never weaker). */
class RelaxedSync {
public:
    explicit RelaxedSync(Database& db)
        : m_db(db) {
        if (auto relaxed = m_db.cached("PRAGMA synchronous=NORMAL"); relaxed) {
            (void)relaxed->run();
        }
    }
    ~RelaxedSync() {
        if (auto durable = m_db.cached("PRAGMA synchronous=FULL"); durable) {
            (void)durable->run();
        }
    }
    RelaxedSync(const RelaxedSync&) = delete;
    RelaxedSync& operator=(const RelaxedSync&) = delete;

private:
    Database& m_db;
};

struct Session::Impl {
    DeviceStore& store;
    Database& db;
    crypto::DataKey dek;
    std::optional<crypto::BoxKeyPair> unitKey;
    crypto::BoxPublicKey centerKey;
    crypto::BoxPublicKey unitPublic;
    // The unit whose key was loaded at unlock: cases are sealed to that key, so they carry that unit's name
    // (read once, not per save).
    std::string unit;
    crypto::BlindIndex blind;
    detail::NameIndex names; // search by name (migration 7)
    detail::AuditWriter audit;
    detail::CaseRowSeal rowSeal; // the MAC over each case row's clear metadata
    // Record and attachment keys are sealed to the center and the unit with one ephemeral key per session:
    // sealing a case's key is then a symmetric box instead of two scalar multiplications (key_sealer.hpp).
    // Empty until the device is enrolled (a zero key is no key to seal to; see enrolled()).
    std::optional<crypto::KeySealer> centerSealer;
    std::optional<crypto::KeySealer> unitSealer;

    Impl(DeviceStore& s, crypto::DataKey key, std::optional<crypto::BoxKeyPair> unitPair,
         crypto::BoxPublicKey center, crypto::BoxPublicKey unitPk)
        : store(s)
        , db(s.database())
        , dek(std::move(key))
        , unitKey(std::move(unitPair))
        , centerKey(center)
        , unitPublic(unitPk)
        , unit(s.unit())
        , blind(dek)
        , names(dek)
        , audit(dek)
        , rowSeal(dek) {
        if (enrolled()) {
            centerSealer.emplace(centerKey);
            unitSealer.emplace(unitPublic);
        }
    }

    /** Attachment references (encoded) met while decrypting a case, for collectAttachments. */
    std::vector<std::pair<std::string, FieldVersion>> attachmentRefs;
    std::int64_t lastOpId = 0; // the operation writeOperation wrote last (attachments point at it)
    CaseId lastCaseId;         // the newest case id this session made: the next one sorts after it

    [[nodiscard]] std::int64_t now() const { return store.clock().nowMs(); }

    /** Records that `staff` saw personal data, in its own small transaction (see RelaxedSync for why it
     *  commits without fsync). */
    Status auditRead(const std::string& staff, const std::string& action, const std::string& caseHex,
                     const std::string& purpose) {
        const RelaxedSync relaxed(db);
        auto tx = Transaction::begin(db);
        if (!tx) {
            return tx.error();
        }
        if (auto st = audit.append(db, now(), staff, action, caseHex, purpose); !st) {
            return st;
        }
        return tx->commit();
    }

    /** Rewrites the case's search entries from the values in force (every version of a field in conflict):
     *  its name keys replaced, its CPR numbers added to the blind index. For cases whose values came from
     *  elsewhere (another device, or a store older than the name index). Inside the caller's transaction. */
    Status reindexSearch(const CaseId& id) {
        auto key = recordKey(id);
        if (!key) {
            return key.error();
        }
        auto ops = openOperations(id, *key);
        if (!ops) {
            return ops.error();
        }
        std::vector<std::string> nameVersions;
        std::vector<std::string> cprVersions;
        auto walked = forEachValueInForce(
            id, *ops, [&](std::uint32_t field, const OpenedOp&, const std::string& value) {
                if (field == core::fields::kName.value) {
                    nameVersions.push_back(value);
                } else if (field == core::fields::kCpr.value) {
                    cprVersions.push_back(value);
                }
            });
        if (!walked) {
            return walked;
        }
        for (const auto& cpr : cprVersions) {
            auto hash = cprHash(cpr);
            if (!hash) {
                continue; // a number this version cannot parse is simply not searchable
            }
            auto index = db.cached("INSERT OR IGNORE INTO blind_index(hash, case_id) VALUES (?1, ?2)");
            if (!index) {
                return index.error();
            }
            if (auto st = index->bind(1, crypto::ByteView(*hash)).bind(2, idView(id)).run(); !st) {
                return st;
            }
        }
        return names.replace(db, idView(id), nameVersions);
    }

    /** Records a search inside the caller's transaction: every case it found was looked at, so each gets
     *  its own entry (a citizen asking who looked at their cases finds this search under each of them); a
     *  search that found nothing is recorded once, without a case. */
    Status auditFound(const std::string& staff, const std::string& action,
                      const std::vector<CaseSummary>& found, const std::string& purpose) {
        const std::int64_t at = now();
        if (found.empty()) {
            return audit.append(db, at, staff, action, std::string(), purpose);
        }
        for (const auto& c : found) {
            if (auto st = audit.append(db, at, staff, action, c.id.toHex(), purpose); !st) {
                return st;
            }
        }
        return {};
    }

    /** An attachment's bytes, checked whole; not audited (readAttachment and verify decide that). */
    Result<std::vector<std::uint8_t>> decryptAttachment(const CaseId& id, const AttachmentId& attachment);

    /** Fills `out.attachments` from the decrypted attachment references of the case. */
    void collectAttachments(const CaseId& id, CaseDetails& out);

    [[nodiscard]] bool enrolled() const {
        return centerKey != crypto::BoxPublicKey{} && unitPublic != crypto::BoxPublicKey{} &&
               unitKey.has_value();
    }

    Result<std::array<std::uint8_t, 32>> cprHash(const std::string& cprText) const {
        auto cpr = core::parseCpr(cprText);
        if (!cpr) {
            return cpr.error();
        }
        return blind.compute(crypto::asBytes(cpr->digits()));
    }

    /** The case's record key: unwrapped with the DEK, or (for a case from another device of the unit) opened
     *  with the unit key and wrapped locally for next time. */
    Result<crypto::RecordKey> recordKey(const CaseId& id) {
        auto stmt = db.cached("SELECT wrapped_record_key, sealed_key_unit FROM cases WHERE case_id = ?1");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, idView(id));
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return notFound();
        }
        if (!stmt->isNull(0)) {
            auto key = crypto::unwrapRecordKey(dek, stmt->blob(0), idView(id));
            if (!key) {
                return makeError("tampered",
                                 "The case key does not open; the case may have been moved or altered.");
            }
            return key;
        }
        if (!unitKey) {
            return makeError("not_enrolled",
                             "This device holds no unit key to open cases from other devices.");
        }
        auto key = crypto::openSealedRecordKey(*unitKey, stmt->blob(1), idView(id));
        if (!key) {
            return makeError("tampered",
                             "The case key sent by the center does not open with this unit's key.");
        }
        stmt->reset();
        auto save = db.cached("UPDATE cases SET wrapped_record_key = ?2 WHERE case_id = ?1");
        if (save) {
            (void)save->bind(1, idView(id))
                .bind(2, crypto::ByteView(crypto::wrapRecordKey(dek, *key, idView(id))))
                .run();
        }
        return key;
    }

    /** The versions of `field` this device has seen, one reference each: the bases of a new change, which
     *  supersedes all of them (a change made while a conflict shows replaces every version on screen, as a
     *  resolve does). A head the center has sequenced is named by its server_seq; the device's own
     *  unacknowledged head by its device_seq. No head: one reference with no base. */
    Result<std::vector<detail::FieldRef>> basesOf(const CaseId& id, std::uint32_t field) {
        auto stmt =
            db.cached("SELECT o.server_seq, o.device_id, o.device_seq FROM field_heads h JOIN operations o "
                      "ON o.op_id = h.op_id WHERE h.case_id = ?1 AND h.field_id = ?2");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, idView(id)).bind(2, static_cast<std::int64_t>(field));
        std::vector<detail::FieldRef> refs;
        while (true) {
            auto row = stmt->step();
            if (!row) {
                return row.error();
            }
            if (!*row) {
                break;
            }
            if (!stmt->isNull(0)) {
                refs.push_back({field, static_cast<std::uint64_t>(stmt->int64(0)), 0});
            } else if (stmt->text(1) == store.deviceId()) {
                refs.push_back({field, 0, static_cast<std::uint64_t>(stmt->int64(2))});
            }
        }
        if (refs.empty()) {
            refs.push_back({field, 0, 0});
        }
        return refs;
    }

    /** Where this device's own sequence stands: the next device_seq and the HLC of its last save. */
    struct SequencePosition {
        std::uint64_t nextDeviceSeq = 1;
        std::uint64_t lastHlc = 0;
    };

    /** Read from this device's newest operation (the UNIQUE (device_id, device_seq) index), with sync_state
     * as a floor under both for when a purge has deleted that operation (schema migration 4). */
    Result<SequencePosition> sequencePosition() {
        auto state = db.cached(
            "SELECT max(s.next_device_seq, coalesce(o.device_seq + 1, 0)), max(s.last_hlc, coalesce(o.hlc, "
            "0)) "
            "FROM sync_state s LEFT JOIN (SELECT device_seq, hlc FROM operations WHERE device_id = ?1 "
            "ORDER BY device_seq DESC LIMIT 1) o WHERE s.id = 1");
        if (!state) {
            return state.error();
        }
        state->bind(1, store.deviceId());
        auto row = state->step();
        if (!row || !*row) {
            state->reset();
            return row ? makeError("damaged_store", "The store lacks its sync state.") : row.error();
        }
        const SequencePosition position{static_cast<std::uint64_t>(state->int64(0)),
                                        static_cast<std::uint64_t>(state->int64(1))};
        state->reset();
        return position;
    }

    /** Writes one operation, its field heads and its outbox entry. Call inside a transaction. */
    Status writeOperation(const CaseId& id, const std::string& kind,
                          const std::vector<crypto::FieldValue>& values, const std::string& meta,
                          const crypto::RecordKey& key, const std::string& staff,
                          const std::vector<detail::FieldRef>& resolveRefs = {},
                          const std::vector<std::int64_t>& closedOps = {}) {
        return write(id, kind, values, meta, key, staff, resolveRefs, closedOps, CaseAge::Existing);
    }

    /** The first operation of a case just inserted (in this transaction): no version is in force yet, so
     * there are no bases to look up, no heads to supersede and no conflict flag to recompute. A single save
     * is mostly these statements when the disk is fast, so a new case skips them. */
    Status writeFirstOperation(const CaseId& id, const std::vector<crypto::FieldValue>& values,
                               const std::string& meta, const crypto::RecordKey& key,
                               const std::string& staff) {
        return write(id, "set", values, meta, key, staff, {}, {}, CaseAge::New);
    }

    enum class CaseAge { New, Existing };

    /** Sealed operations above this are refused at save time: with routing data and sealed keys around
     *  them they stay far below the sync protocol's 512 KiB per operation and 1 MiB per frame. */
    static constexpr std::size_t kMaxSealedOperationBytes = 256 * 1024;

    /** The input limits (core/input_limits.hpp) of one save's values, checked before anything is written. */
    static Status checkSaveLimits(const std::vector<crypto::FieldValue>& values) {
        std::size_t total = 0;
        for (const auto& v : values) {
            if (auto st = core::checkValueSize(core::FieldId{v.field_id}, v.value.size()); !st) {
                return st;
            }
            total += v.value.size();
        }
        return core::checkSaveSize(total);
    }

    Status write(const CaseId& id, const std::string& kind, const std::vector<crypto::FieldValue>& values,
                 const std::string& meta, const crypto::RecordKey& key, const std::string& staff,
                 const std::vector<detail::FieldRef>& resolveRefs, const std::vector<std::int64_t>& closedOps,
                 CaseAge age) {
        const bool fresh = age == CaseAge::New;
        if (auto st = checkSaveLimits(values); !st) {
            return st;
        }
        auto position = sequencePosition();
        if (!position) {
            return position.error();
        }
        const auto seq = position->nextDeviceSeq;
        const auto hlc =
            core::Hlc::now(core::Hlc::decode(position->lastHlc), static_cast<std::uint64_t>(now()));

        // A resolve names its bases itself (one per version it closes); other changes build on what is in
        // force.
        const bool resolving = !resolveRefs.empty();
        std::vector<detail::FieldRef> refs = resolveRefs;
        std::set<std::uint32_t> seen;
        for (const auto& v : values) {
            if (resolving || !seen.insert(v.field_id).second) {
                continue;
            }
            if (fresh || isAddOnly(v.field_id)) {
                refs.push_back({v.field_id, 0, 0});
                continue;
            }
            auto bases = basesOf(id, v.field_id);
            if (!bases) {
                return bases.error();
            }
            refs.insert(refs.end(), bases->begin(), bases->end());
        }
        const auto fieldIds = distinctFieldIds(refs);
        const auto aad = crypto::operationAad(std::span<const std::uint8_t, 16>(id.bytes()), store.deviceId(),
                                              seq, fieldIds, kOperationSchemaVersion);
        const auto sealed = crypto::sealOperation(key, aad, crypto::encodeFieldValues(values));
        if (sealed.size() > kMaxSealedOperationBytes) {
            // Unreachable within the input limits (64 KiB of values seal to little more); kept so that no
            // future field can ever make an operation too large for a sync frame.
            return makeError("too_large", "The save is too large to send to the center (" +
                                              std::to_string(sealed.size()) + " bytes sealed).");
        }

        auto insert =
            db.cached("INSERT INTO operations(case_id, device_id, device_seq, kind, hlc, staff, field_refs, "
                      "meta, ciphertext) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        if (!insert) {
            return insert.error();
        }
        if (auto st = insert->bind(1, idView(id))
                          .bind(2, store.deviceId())
                          .bind(3, static_cast<std::int64_t>(seq))
                          .bind(4, kind)
                          .bind(5, static_cast<std::int64_t>(hlc.encode()))
                          .bind(6, staff)
                          .bind(7, crypto::ByteView(detail::encodeFieldRefs(refs)))
                          .bind(8, meta)
                          .bind(9, crypto::ByteView(sealed))
                          .run();
            !st) {
            return st;
        }
        const std::int64_t opId = db.lastInsertRowId();
        lastOpId = opId;
        for (const auto fieldId : fieldIds) {
            const detail::FieldRef r{fieldId, 0, 0};
            if (isAddOnly(r.fieldId)) {
                continue;
            }
            auto head = db.cached("INSERT INTO field_heads(case_id, field_id, op_id) VALUES (?1, ?2, ?3)");
            if (!head) {
                return head.error();
            }
            if (!fresh) {
                if (auto st = supersedeHeads(id, r.fieldId, resolving, closedOps); !st) {
                    return st;
                }
            }
            if (auto st = head->bind(1, idView(id))
                              .bind(2, static_cast<std::int64_t>(r.fieldId))
                              .bind(3, opId)
                              .run();
                !st) {
                return st;
            }
        }
        auto outbox = db.cached("INSERT INTO outbox(device_seq, op_id, queued_ms) VALUES (?1, ?2, ?3)");
        auto touch = db.cached(
            "UPDATE cases SET updated_ms = ?2, pending = 1, conflicted = EXISTS (SELECT 1 FROM field_heads h "
            "WHERE h.case_id = ?1 GROUP BY h.field_id HAVING count(*) > 1) WHERE case_id = ?1");
        if (!outbox || !touch) {
            return makeError("damaged_store", "The store's schema is incomplete.");
        }
        if (auto st = outbox->bind(1, static_cast<std::int64_t>(seq)).bind(2, opId).bind(3, now()).run();
            !st) {
            return st;
        }
        if (fresh) {
            return {}; // the case row was inserted with this time, pending and no conflict
        }
        return touch->bind(1, idView(id)).bind(2, now()).run();
    }

    /** A change supersedes every version of the field in force (its author saw them); a resolve only those
     *  it names, so a version that arrived meanwhile stays open. */
    Status supersedeHeads(const CaseId& id, std::uint32_t field, bool resolving,
                          const std::vector<std::int64_t>& closedOps) {
        auto clear = db.cached(resolving ? "DELETE FROM field_heads WHERE case_id = ?1 AND field_id = ?2 AND "
                                           "op_id IN (SELECT value FROM json_each(?3))"
                                         : "DELETE FROM field_heads WHERE case_id = ?1 AND field_id = ?2");
        if (!clear) {
            return clear.error();
        }
        if (resolving) {
            std::string list = "[";
            for (const auto op : closedOps) {
                list += (list.size() > 1 ? "," : "") + std::to_string(op);
            }
            clear->bind(3, list + "]");
        }
        return clear->bind(1, idView(id)).bind(2, static_cast<std::int64_t>(field)).run();
    }

    Result<CaseSummary> summary(const CaseId& id) {
        auto stmt =
            db.cached(std::string("SELECT ") + kSummaryColumns + " FROM cases c WHERE c.case_id = ?1");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, idView(id));
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return notFound();
        }
        return readSummary(*stmt);
    }

    /** One operation decrypted, with its authorship. */
    struct OpenedOp {
        std::int64_t opId = 0;
        std::vector<crypto::FieldValue> values;
        FieldVersion author;
    };

    /** Calls `visit(field, op, value)` for every value in force of the case's register fields: the values of
     *  its open heads (several for a field in conflict), in field order, taken from the case's opened
     *  operations `ops`. */
    template <typename Visit>
    Status forEachValueInForce(const CaseId& id, const std::vector<OpenedOp>& ops, Visit&& visit) {
        std::map<std::int64_t, const OpenedOp*> byId;
        for (const auto& op : ops) {
            byId[op.opId] = &op;
        }
        auto heads =
            db.cached("SELECT field_id, op_id FROM field_heads WHERE case_id = ?1 ORDER BY field_id, op_id");
        if (!heads) {
            return heads.error();
        }
        heads->bind(1, idView(id));
        auto rows =
            sqlite::collect<std::pair<std::uint32_t, std::int64_t>>(*heads, [](const sqlite::Statement& row) {
                return std::pair(static_cast<std::uint32_t>(row.int64(0)), row.int64(1));
            });
        if (!rows) {
            return rows.error();
        }
        for (const auto& [field, opId] : *rows) {
            const auto it = byId.find(opId);
            if (it == byId.end()) {
                continue;
            }
            for (const auto& v : it->second->values) {
                if (v.field_id == field) {
                    visit(field, *it->second, v.value);
                }
            }
        }
        return {};
    }

    Result<std::vector<OpenedOp>> openOperations(const CaseId& id, const crypto::RecordKey& key) {
        auto stmt = db.cached("SELECT op_id, device_id, device_seq, hlc, staff, field_refs, ciphertext FROM "
                              "operations WHERE case_id = ?1 ORDER BY op_id");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, idView(id));
        std::vector<OpenedOp> out;
        while (true) {
            auto row = stmt->step();
            if (!row) {
                return row.error();
            }
            if (!*row) {
                return out;
            }
            const std::int64_t opId = stmt->int64(0);
            const std::string deviceId = stmt->text(1);
            const auto deviceSeq = static_cast<std::uint64_t>(stmt->int64(2));
            auto refs = detail::decodeFieldRefs(stmt->blob(5));
            if (!refs) {
                return tampered(opId);
            }
            const auto fieldIds = distinctFieldIds(*refs);
            const auto aad = crypto::operationAad(std::span<const std::uint8_t, 16>(id.bytes()), deviceId,
                                                  deviceSeq, fieldIds, kOperationSchemaVersion);
            auto plain = crypto::openOperation(key, aad, stmt->blob(6));
            if (!plain) {
                return tampered(opId);
            }
            auto values = crypto::decodeFieldValues(*plain);
            if (!values) {
                return tampered(opId);
            }
            // Every value must be one of the fields the clear label names, or relabelling could hide data.
            for (const auto& v : *values) {
                if (std::find(fieldIds.begin(), fieldIds.end(), v.field_id) == fieldIds.end()) {
                    return tampered(opId);
                }
            }
            const auto hlc = core::Hlc::decode(static_cast<std::uint64_t>(stmt->int64(3)));
            out.push_back(OpenedOp{
                opId, std::move(*values),
                FieldVersion{
                    {}, stmt->text(4), deviceId, deviceSeq, static_cast<std::int64_t>(hlc.physicalMs())}});
        }
    }

    Result<CaseDetails> details(const CaseId& id) {
        auto sum = summary(id);
        if (!sum) {
            return sum.error();
        }
        auto key = recordKey(id);
        if (!key) {
            return key.error();
        }
        auto ops = openOperations(id, *key);
        if (!ops) {
            return ops.error();
        }
        CaseDetails out;
        out.summary = *sum;
        attachmentRefs.clear();
        for (const auto& op : *ops) {
            for (const auto& v : op.values) {
                if (isAddOnly(v.field_id)) {
                    FieldVersion entry = op.author;
                    if (v.field_id == core::fields::kAttachment.value) {
                        attachmentRefs.push_back({v.value, op.author});
                        continue;
                    }
                    entry.value = v.value;
                    out.appended[v.field_id].push_back(std::move(entry));
                }
            }
        }
        auto walked = forEachValueInForce(
            id, *ops, [&](std::uint32_t field, const OpenedOp& op, const std::string& value) {
                FieldVersion version = op.author;
                if (field == core::fields::kSignature.value) {
                    attachmentRefs.push_back({value, version});
                }
                version.value = value;
                out.registers[field].push_back(std::move(version));
            });
        if (!walked) {
            return walked.error();
        }
        collectAttachments(id, out);
        return out;
    }
};

} // namespace fieldkit::store
