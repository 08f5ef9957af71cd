#include "inbox_sql.hpp"
#include "sqlite/sqlite_center_parts.hpp"

#include <algorithm>
#include <fieldkit/core/case_meta.hpp>
#include <fieldkit/core/field.hpp>
#include <fieldkit/core/merge.hpp>
#include <fieldkit/core/partition_checksum.hpp>
#include <fieldkit/hub/restore_numbering.hpp>
#include <fieldkit/sqlite/collect.hpp>
#include <map>
#include <set>
#include <variant>

namespace fieldkit::hub::sqlite_center {
namespace {

/** Operations, merge heads and the changes devices pull, in the SQLite center. */
class SqliteOperationStore final : public OperationStore {
public:
    explicit SqliteOperationStore(Database& db)
        : m_db(db)
        , m_acks(db) {}

    Result<std::uint64_t> serverHead(const std::string& unitName) override {
        auto stmt = m_db.cached("SELECT coalesce(max(server_seq), 0) FROM operations WHERE unit = ?1");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, unitName);
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        return static_cast<std::uint64_t>(stmt->int64(0));
    }

    Result<SeqRange> setAsideAfterRestore(std::int64_t nowMs) override {
        auto tx = Transaction::begin(m_db);
        if (!tx) {
            return tx.error();
        }
        auto counter = prepared<std::uint64_t>(
            m_db, "SELECT value FROM counters WHERE name = 'server_seq'",
            [](sqlite::Statement& st) -> Result<std::uint64_t> {
                auto row = st.step();
                if (!row || !*row) {
                    return row ? makeError("damaged_center_store",
                                           "The center store lacks its sequence counter.")
                               : Result<std::uint64_t>(row.error());
                }
                return static_cast<std::uint64_t>(st.int64(0));
            });
        if (!counter) {
            return counter.error();
        }
        const auto range = setAsideAfter(*counter);
        auto record =
            m_db.cached("INSERT INTO restored_ranges(first_seq, last_seq, restored_ms) VALUES (?1, ?2, ?3)");
        auto move = m_db.cached("UPDATE counters SET value = ?1 WHERE name = 'server_seq'");
        if (!record || !move) {
            return makeError("corrupt", "The center store's schema is incomplete.");
        }
        if (auto st = record->bind(1, static_cast<std::int64_t>(range.first))
                          .bind(2, static_cast<std::int64_t>(range.last))
                          .bind(3, nowMs)
                          .run();
            !st) {
            return st.error();
        }
        if (auto st = move->bind(1, static_cast<std::int64_t>(range.last)).run(); !st) {
            return st.error();
        }
        if (auto st = tx->commit(); !st) {
            return st.error();
        }
        return range;
    }

    Result<std::vector<protocol::PushAck>> applyBatch(const DeviceRecord& device,
                                                      const std::vector<protocol::Operation>& ops) override {
        auto tx = Transaction::begin(m_db);
        if (!tx) {
            return tx.error();
        }
        std::vector<protocol::PushAck> acks;
        // Read again inside the transaction: `device` may predate a batch another connection to this file
        // committed meanwhile, and writing its stale sequence back would move the device's mark backwards.
        auto current = prepared<std::uint64_t>(
            m_db, "SELECT last_applied_device_seq FROM devices WHERE device_id = ?1",
            [&](sqlite::Statement& s) -> Result<std::uint64_t> {
                s.bind(1, device.deviceId);
                auto row = s.step();
                if (!row) {
                    return row.error();
                }
                if (!*row) {
                    return makeError("unknown_device",
                                     "The center does not know device " + device.deviceId + ".");
                }
                return static_cast<std::uint64_t>(s.int64(0));
            });
        if (!current) {
            return current.error();
        }
        std::uint64_t lastApplied = *current;
        auto setAside = restoredRanges();
        if (!setAside) {
            return setAside.error();
        }
        m_setAside = std::move(*setAside);
        for (const auto& op : ops) {
            auto earlier = m_acks.answeredBefore(device, op);
            if (!earlier) {
                return earlier.error();
            }
            if (earlier->has_value()) {
                acks.push_back(std::move(**earlier));
                continue;
            }
            protocol::PushAck ack;
            if (op.device_seq() <= lastApplied) {
                ack = rejectedAck(op.device_seq(), core::Refusal::Stale,
                                  "the operation is older than what the center already applied");
            } else {
                if (auto st = execCached(m_db, "SAVEPOINT op"); !st) {
                    return st.error();
                }
                auto applied = applyOne(device, op);
                if (!applied) {
                    if (auto st = execCached(m_db, "ROLLBACK TO op"); !st) {
                        return st.error();
                    }
                    if (refusalOf(applied.error())) {
                        ack = rejectedAck(op.device_seq(), applied.error());
                    } else {
                        return applied.error(); // storage failure: nothing of the batch is kept
                    }
                } else {
                    ack = std::move(*applied);
                }
                if (auto st = execCached(m_db, "RELEASE op"); !st) {
                    return st.error();
                }
            }
            if (auto st = m_acks.saveAck(device.deviceId, ack); !st) {
                return st.error();
            }
            lastApplied = std::max<std::uint64_t>(lastApplied, op.device_seq());
            acks.push_back(std::move(ack));
        }
        auto bump = m_db.cached("UPDATE devices SET last_applied_device_seq = ?2 WHERE device_id = ?1");
        if (!bump) {
            return bump.error();
        }
        if (auto st = bump->bind(1, device.deviceId).bind(2, static_cast<std::int64_t>(lastApplied)).run();
            !st) {
            return st.error();
        }
        if (auto st = tx->commit(); !st) {
            return st.error();
        }
        return acks;
    }

    Result<ChangesPage> changesSince(const std::string& unitName, std::uint64_t cursor,
                                     const std::string& excludeDevice, int limit,
                                     std::size_t maxBytes) override {
        auto stmt =
            m_db.cached("SELECT server_seq, device_id, message, device_seq FROM operations WHERE unit = "
                        "?1 AND server_seq > ?2 ORDER BY server_seq LIMIT ?3");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, unitName)
            .bind(2, static_cast<std::int64_t>(cursor))
            .bind(3, static_cast<std::int64_t>(limit) + 1);
        ChangesPage page;
        page.checkpoint = cursor;
        int scanned = 0;
        std::size_t bytes = 0;
        while (true) {
            auto row = stmt->step();
            if (!row) {
                return row.error();
            }
            if (!*row) {
                break;
            }
            if (++scanned > limit) {
                page.more = true;
                break;
            }
            const bool own = stmt->text(1) == excludeDevice;
            const std::size_t size = own ? 0 : stmt->size(2);
            if (!page.ops.empty() && bytes + size > maxBytes) {
                page.more = true; // the checkpoint stays before this change: the next page starts with it
                break;
            }
            page.checkpoint = static_cast<std::uint64_t>(stmt->int64(0));
            if (own) {
                // The device has its own operations; the checkpoint still moves past them, so their acks go
                // with the page: a later change may close one by a server_seq whose ack the device lost. The
                // row holds all an ack of an applied operation must say.
                protocol::PushAck ack;
                ack.set_device_seq(static_cast<std::uint64_t>(stmt->int64(3)));
                ack.set_server_seq(page.checkpoint);
                ack.set_result(protocol::PushAck::DUPLICATE);
                page.ownAcks.push_back(std::move(ack));
                continue;
            }
            bytes += size;
            const Bytes message = stmt->blob(2);
            protocol::Operation op;
            if (!op.ParseFromArray(message.data(), static_cast<int>(message.size()))) {
                return makeError("corrupt", "A stored operation does not parse.");
            }
            page.ops.push_back(std::move(op));
        }
        auto checksum = m_db.cached("SELECT checksum FROM units WHERE name = ?1");
        if (!checksum) {
            return checksum.error();
        }
        checksum->bind(1, unitName);
        if (auto row = checksum->step(); row && *row) {
            page.checksum = static_cast<std::uint64_t>(checksum->int64(0));
        }
        return page;
    }

    Result<std::vector<CenterCase>> cases() override {
        auto stmt =
            m_db.cached("SELECT case_id, unit, service, status, channel, conflicted, sealed_key_center FROM "
                        "cases ORDER BY case_id");
        if (!stmt) {
            return stmt.error();
        }
        std::vector<CenterCase> out;
        while (true) {
            auto row = stmt->step();
            if (!row) {
                return row.error();
            }
            if (!*row) {
                return out;
            }
            out.push_back(CenterCase{stmt->blob(0), stmt->text(1), stmt->text(2), stmt->text(3),
                                     stmt->text(4), stmt->int64(5) != 0, stmt->blob(6)});
        }
    }

    Result<std::optional<CenterCase>> caseById(const std::vector<std::uint8_t>& caseId) override {
        auto stmt =
            m_db.cached("SELECT case_id, unit, service, status, channel, conflicted, sealed_key_center "
                        "FROM cases WHERE case_id = ?1");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, caseId);
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return std::optional<CenterCase>();
        }
        return std::optional<CenterCase>(CenterCase{stmt->blob(0), stmt->text(1), stmt->text(2),
                                                    stmt->text(3), stmt->text(4), stmt->int64(5) != 0,
                                                    stmt->blob(6)});
    }

    Result<InboxPage> inbox(const InboxQuery& query) override {
        const auto sql = inbox_sql::build(query, false, "0", "1");
        auto bindAll = [](sqlite::Statement& s, const std::vector<inbox_sql::Param>& params) {
            for (std::size_t i = 0; i < params.size(); ++i) {
                const int index = static_cast<int>(i + 1);
                std::visit([&](const auto& v) { s.bind(index, v); }, params[i]);
            }
        };
        auto tx = Transaction::begin(m_db);
        if (!tx) {
            return tx.error();
        }
        InboxPage page;
        {
            auto count = m_db.cached(sql.count);
            if (!count) {
                return count.error();
            }
            bindAll(*count, sql.params);
            auto row = count->step();
            if (!row) {
                return row.error();
            }
            page.total = *row ? count->int64(0) : 0;
        }
        auto stmt = m_db.cached(sql.page);
        if (!stmt) {
            return stmt.error();
        }
        bindAll(*stmt, sql.pageParams);
        while (true) {
            auto row = stmt->step();
            if (!row) {
                return row.error();
            }
            if (!*row) {
                break;
            }
            page.cases.push_back(CenterCase{stmt->blob(0), stmt->text(1), stmt->text(2), stmt->text(3),
                                            stmt->text(4), stmt->int64(5) != 0, stmt->blob(6)});
        }
        if (auto st = tx->commit(); !st) {
            return st.error();
        }
        return page;
    }

    Result<std::vector<protocol::Operation>>
    caseOperations(const std::vector<std::uint8_t>& caseId) override {
        auto stmt = m_db.cached("SELECT message FROM operations WHERE case_id = ?1 ORDER BY server_seq");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, caseId);
        std::vector<protocol::Operation> out;
        while (true) {
            auto row = stmt->step();
            if (!row) {
                return row.error();
            }
            if (!*row) {
                return out;
            }
            const Bytes message = stmt->blob(0);
            protocol::Operation op;
            if (!op.ParseFromArray(message.data(), static_cast<int>(message.size()))) {
                return makeError("corrupt", "A stored operation does not parse.");
            }
            out.push_back(std::move(op));
        }
    }

    Result<std::vector<std::pair<std::uint32_t, std::uint64_t>>>
    fieldHeads(const std::vector<std::uint8_t>& caseId) override {
        auto stmt = m_db.cached("SELECT field_id, server_seq FROM field_heads WHERE case_id = ?1 "
                                "ORDER BY field_id, server_seq");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, caseId);
        std::vector<std::pair<std::uint32_t, std::uint64_t>> out;
        while (true) {
            auto row = stmt->step();
            if (!row) {
                return row.error();
            }
            if (!*row) {
                return out;
            }
            out.emplace_back(static_cast<std::uint32_t>(stmt->int64(0)),
                             static_cast<std::uint64_t>(stmt->int64(1)));
        }
    }

private:
    Result<std::uint64_t> ownServerSeq(const std::string& deviceId, std::uint64_t deviceSeq) {
        auto ack = m_acks.storedAck(deviceId, deviceSeq);
        if (!ack) {
            return ack.error();
        }
        if (!ack->has_value() || (*ack)->result() == protocol::PushAck::REJECTED) {
            return refusal(core::Refusal::DependsOnRefused,
                           "the operation builds on one of this device's changes that was not applied");
        }
        return (*ack)->server_seq();
    }

    Result<core::RegisterState> fieldState(const Bytes& caseId, std::uint32_t fieldId) {
        auto stmt =
            m_db.cached("SELECT server_seq, deleted FROM field_heads WHERE case_id = ?1 AND field_id = ?2 "
                        "ORDER BY server_seq");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, caseId).bind(2, static_cast<std::int64_t>(fieldId));
        core::RegisterState state;
        while (true) {
            auto row = stmt->step();
            if (!row) {
                return row.error();
            }
            if (!*row) {
                return state;
            }
            state.open.push_back({static_cast<std::uint64_t>(stmt->int64(0)), stmt->int64(1) != 0});
        }
    }

    /** Ranges restores set aside (restore_numbering.hpp); none for a center never restored. */
    Result<std::vector<SeqRange>> restoredRanges() {
        auto stmt = m_db.cached("SELECT first_seq, last_seq FROM restored_ranges ORDER BY first_seq");
        if (!stmt) {
            return stmt.error();
        }
        return sqlite::collect<SeqRange>(*stmt, [](const sqlite::Statement& r) {
            return SeqRange{static_cast<std::uint64_t>(r.int64(0)), static_cast<std::uint64_t>(r.int64(1))};
        });
    }

    /** What the restores tell about the lost numbers `op` names (its own and its bases). */
    Result<RestoreMemory> restoreMemory(const protocol::Operation& op) {
        RestoreMemory memory;
        memory.setAside = m_setAside;
        if (memory.empty()) {
            return memory;
        }
        std::set<std::uint64_t> named;
        if (memory.lost(op.server_seq())) {
            named.insert(op.server_seq());
        }
        for (const auto& ref : op.fields()) {
            if (memory.lost(ref.base_seq())) {
                named.insert(ref.base_seq());
            }
        }
        auto moved = m_db.cached("SELECT new_seq FROM renumbered_seqs WHERE lost_seq = ?1");
        auto held = m_db.cached("SELECT 1 FROM operations WHERE server_seq = ?1");
        if (!moved || !held) {
            return makeError("corrupt", "The center store's schema is incomplete.");
        }
        for (const auto number : named) {
            moved->bind(1, static_cast<std::int64_t>(number));
            auto row = moved->step();
            if (!row) {
                return row.error();
            }
            if (*row) {
                memory.renumbered.emplace(number, static_cast<std::uint64_t>(moved->int64(0)));
            }
            moved->reset();
            held->bind(1, static_cast<std::int64_t>(number));
            row = held->step();
            if (!row) {
                return row.error();
            }
            if (*row) {
                memory.taken.insert(number);
            }
            held->reset();
        }
        return memory;
    }

    /** The operation's number: a lost one given back (restore_numbering.hpp), or the next of the counter; a
     *  lost number not given back is remembered as moved to the new one. */
    Result<std::uint64_t> takeSeq(const protocol::Operation& op, const RestoreMemory& restore,
                                  const std::vector<core::RegisterState>& touched) {
        if (const auto restored = restoredNumber(op, restore, touched)) {
            return *restored;
        }
        auto fresh = nextSeq();
        if (!fresh) {
            return fresh.error();
        }
        if (restore.lost(op.server_seq()) && !restore.renumbered.contains(op.server_seq())) {
            auto remember = m_db.cached("INSERT INTO renumbered_seqs(lost_seq, new_seq) VALUES (?1, ?2)");
            if (!remember) {
                return remember.error();
            }
            if (auto st = remember->bind(1, static_cast<std::int64_t>(op.server_seq()))
                              .bind(2, static_cast<std::int64_t>(*fresh))
                              .run();
                !st) {
                return st.error();
            }
        }
        return fresh;
    }

    Result<std::uint64_t> nextSeq() {
        // Every statement on this per-operation path is cached: ingest is bound by SQL preparation otherwise.
        auto counter =
            m_db.cached("UPDATE counters SET value = value + 1 WHERE name = 'server_seq' RETURNING value");
        if (!counter) {
            return counter.error();
        }
        auto counted = counter->step();
        if (!counted || !*counted) {
            return counted ? makeError("damaged_center_store", "The center store lacks its sequence counter.")
                           : counted.error();
        }
        return static_cast<std::uint64_t>(counter->int64(0));
    }

    /** Applies one new operation; a refusal() error means the device's op is refused. */
    Result<protocol::PushAck> applyOne(const DeviceRecord& device, const protocol::Operation& op) {
        const Bytes caseId(op.case_id().begin(), op.case_id().end());
        if (caseId.size() != 16) {
            return refusal(core::Refusal::Malformed, "the case id is not 16 bytes");
        }
        auto kind = core::operationKindFromString(op.kind());
        if (!kind) {
            return refusal(core::Refusal::Malformed, "unknown operation kind");
        }
        const auto meta = core::parseCaseMeta(op.meta());
        auto existing = m_db.cached("SELECT unit FROM cases WHERE case_id = ?1");
        if (!existing) {
            return existing.error();
        }
        existing->bind(1, caseId);
        auto row = existing->step();
        if (!row) {
            return row.error();
        }
        if (*row && existing->text(0) != device.unit) {
            return refusal(core::Refusal::OtherUnit, "the case belongs to another unit");
        }
        const bool isNew = !*row;
        existing->reset();
        if (isNew) {
            const auto service = meta.find("service");
            if (service == meta.end() || op.sealed_key_center().empty() || op.sealed_key_unit().empty()) {
                return refusal(core::Refusal::Malformed,
                               "a new case needs its service and sealed record keys");
            }
            auto insert =
                m_db.cached("INSERT INTO cases(case_id, unit, service, status, channel, sealed_key_center, "
                            "sealed_key_unit) VALUES (?1, ?2, ?3, 'opened', ?4, ?5, ?6)");
            if (!insert) {
                return insert.error();
            }
            const auto channel = meta.find("channel");
            if (auto st = insert->bind(1, caseId)
                              .bind(2, device.unit)
                              .bind(3, service->second)
                              .bind(4, channel == meta.end() ? std::string() : channel->second)
                              .bind(5, toBytes(op.sealed_key_center()))
                              .bind(6, toBytes(op.sealed_key_unit()))
                              .run();
                !st) {
                return st.error();
            }
        }

        // Group the field references per field (a resolve names one per version it closes).
        std::map<std::uint32_t, std::vector<std::uint64_t>> bases;
        for (const auto& ref : op.fields()) {
            std::uint64_t base = ref.base_seq();
            if (ref.base_device_seq() != 0) {
                auto own = ownServerSeq(device.deviceId, ref.base_device_seq());
                if (!own) {
                    return own.error();
                }
                base = std::max(base, *own);
            }
            bases[ref.field_id()].push_back(base);
        }
        auto restore = restoreMemory(op);
        if (!restore) {
            return restore.error();
        }
        std::map<std::uint32_t, core::RegisterState> states; // of the register fields the operation changes
        for (const auto& [fieldId, fieldBases] : bases) {
            const auto info = core::fieldInfo(core::FieldId{fieldId});
            if (info.known ? info.kind == core::FieldKind::AddOnly : *kind == core::OperationKind::Append) {
                continue; // add-only values never conflict
            }
            auto state = fieldState(caseId, fieldId);
            if (!state) {
                return state.error();
            }
            states.emplace(fieldId, std::move(*state));
        }
        std::vector<core::RegisterState> touched;
        for (const auto& [fieldId, state] : states) {
            touched.push_back(state);
        }
        auto number = takeSeq(op, *restore, touched);
        if (!number) {
            return number.error();
        }
        const auto seq = *number;
        protocol::PushAck ack;
        ack.set_device_seq(op.device_seq());
        ack.set_server_seq(seq);
        ack.set_result(protocol::PushAck::APPLIED);
        bool conflicted = false;
        for (const auto& [fieldId, state] : states) {
            std::vector<std::uint64_t> resolved;
            for (const auto base : bases.at(fieldId)) {
                resolved.push_back(restore->empty() ? base : resolveBase(base, *restore, state));
            }
            const auto changeKind = *kind == core::OperationKind::Append ? core::OperationKind::Set : *kind;
            auto decision = core::mergeField(core::FieldKind::Register, state,
                                             core::FieldChange{changeKind, std::move(resolved), seq});
            if (!decision) {
                return refusal(core::Refusal::Malformed, decision.error().message);
            }
            conflicted = conflicted || decision->outcome == core::MergeOutcome::Conflicted;
            for (const auto closedSeq : decision->closed) {
                ack.add_closes(closedSeq);
                auto drop = m_db.cached(
                    "DELETE FROM field_heads WHERE case_id = ?1 AND field_id = ?2 AND server_seq = ?3");
                if (!drop) {
                    return drop.error();
                }
                if (auto st = drop->bind(1, caseId)
                                  .bind(2, static_cast<std::int64_t>(fieldId))
                                  .bind(3, static_cast<std::int64_t>(closedSeq))
                                  .run();
                    !st) {
                    return st.error();
                }
            }
            auto head = m_db.cached(
                "INSERT INTO field_heads(case_id, field_id, server_seq, deleted) VALUES (?1, ?2, ?3, ?4)");
            if (!head) {
                return head.error();
            }
            if (auto st = head->bind(1, caseId)
                              .bind(2, static_cast<std::int64_t>(fieldId))
                              .bind(3, static_cast<std::int64_t>(seq))
                              .bind(4, *kind == core::OperationKind::Delete ? 1 : 0)
                              .run();
                !st) {
                return st.error();
            }
        }
        ack.set_conflicted(conflicted);

        // Clear metadata: the newest arrival wins (status is not personal and is not merged per field).
        for (const char* key : {"status", "service", "channel"}) {
            const auto it = meta.find(key);
            if (it == meta.end()) {
                continue;
            }
            auto update = m_db.cached(std::string("UPDATE cases SET ") + key + " = ?2 WHERE case_id = ?1");
            if (!update) {
                return update.error();
            }
            if (auto st = update->bind(1, caseId).bind(2, it->second).run(); !st) {
                return st.error();
            }
        }
        auto flag = m_db.cached("UPDATE cases SET conflicted = EXISTS (SELECT 1 FROM field_heads h WHERE "
                                "h.case_id = cases.case_id GROUP BY h.field_id HAVING count(*) > 1) WHERE "
                                "case_id = ?1");
        if (!flag) {
            return flag.error();
        }
        if (auto st = flag->bind(1, caseId).run(); !st) {
            return st.error();
        }

        protocol::Operation stored = op;
        stored.set_server_seq(seq);
        stored.set_unit(device.unit);
        stored.clear_closes();
        for (const auto closedSeq : ack.closes()) {
            stored.add_closes(closedSeq);
        }
        if (!isNew) {
            // The record key travels once per case; later operations need not repeat it.
            stored.clear_sealed_key_center();
            stored.clear_sealed_key_unit();
        }
        auto insert =
            m_db.cached("INSERT INTO operations(server_seq, unit, case_id, device_id, device_seq, message) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        auto current = m_db.cached("SELECT checksum FROM units WHERE name = ?1");
        auto checksum = m_db.cached("UPDATE units SET checksum = ?2 WHERE name = ?1");
        if (!insert || !checksum || !current) {
            return makeError("corrupt", "The center store's schema is incomplete.");
        }
        if (auto st = insert->bind(1, static_cast<std::int64_t>(seq))
                          .bind(2, device.unit)
                          .bind(3, caseId)
                          .bind(4, device.deviceId)
                          .bind(5, static_cast<std::int64_t>(op.device_seq()))
                          .bind(6, toBytes(stored.SerializeAsString()))
                          .run();
            !st) {
            return st.error();
        }
        const auto fingerprint = core::operationFingerprint(seq, device.deviceId, op.device_seq());
        current->bind(1, device.unit);
        auto unitRow = current->step();
        if (!unitRow || !*unitRow) {
            return unitRow ? makeError("corrupt", "The device's unit is missing.") : unitRow.error();
        }
        // SQL has no portable XOR, so the running checksum is updated here.
        const auto next = static_cast<std::uint64_t>(current->int64(0)) ^ fingerprint;
        current->reset();
        if (auto st = checksum->bind(1, device.unit).bind(2, static_cast<std::int64_t>(next)).run(); !st) {
            return st.error();
        }
        return ack;
    }

    Database& m_db;
    PushResults m_acks;
    std::vector<SeqRange> m_setAside; // read at the start of each batch
};

} // namespace

std::unique_ptr<OperationStore> makeOperationStore(Database& db) {
    return std::make_unique<SqliteOperationStore>(db);
}

} // namespace fieldkit::hub::sqlite_center
