#include "inbox_sql.hpp"
#include "postgresql/pg_center_parts.hpp"

#include <algorithm>
#include <fieldkit/core/case_meta.hpp>
#include <fieldkit/core/field.hpp>
#include <fieldkit/core/merge.hpp>
#include <fieldkit/core/partition_checksum.hpp>
#include <map>
#include <type_traits>
#include <variant>

namespace fieldkit::hub::pg_center {
namespace {

/** Operations, merge heads and the changes devices pull, in the PostgreSQL center. The decisions are the
 *  SQLite store's (sqlite/operation_store.cpp) statement for statement; what differs is how concurrent hubs
 *  are kept apart (lockUnit) and that they are told of each other's commits (NOTIFY). */
class PgOperationStore final : public OperationStore {
public:
    explicit PgOperationStore(Pool& pool)
        : m_pool(pool) {}

    Result<std::vector<protocol::PushAck>> applyBatch(const DeviceRecord& device,
                                                      const std::vector<protocol::Operation>& ops) override {
        using Acks = std::vector<protocol::PushAck>;
        return pg::inTransaction<Acks>(m_pool, [&](Connection& c) -> Result<Acks> {
            if (auto st = lockUnit(c, device.unit); !st) {
                return st.error();
            }
            // Read again under the lock: `device` may predate a batch another hub applied meanwhile.
            auto current = c.query("SELECT last_applied_device_seq FROM devices WHERE device_id = $1",
                                   {pg::text(device.deviceId)});
            if (!current) {
                return current.error();
            }
            if (current->empty()) {
                return makeError("unknown_device",
                                 "The center does not know device " + device.deviceId + ".");
            }
            auto lastApplied = static_cast<std::uint64_t>(current->int64(0, 0));
            Acks acks;
            bool changed = false;
            for (const auto& op : ops) {
                auto earlier = PushResults::answeredBefore(c, device, op);
                if (!earlier) {
                    return earlier.error();
                }
                if (earlier->has_value()) {
                    acks.push_back(std::move(**earlier));
                    continue;
                }
                protocol::PushAck ack;
                if (op.device_seq() <= lastApplied) {
                    ack = rejectedAck(op.device_seq(),
                                      "the operation is older than what the center already applied");
                } else {
                    if (auto st = c.exec("SAVEPOINT op"); !st) {
                        return st.error();
                    }
                    auto applied = applyOne(c, device, op);
                    if (!applied) {
                        if (auto st = c.exec("ROLLBACK TO SAVEPOINT op"); !st) {
                            return st.error();
                        }
                        if (applied.error().code != "rejected") {
                            return applied.error(); // storage failure: nothing of the batch is kept
                        }
                        ack = rejectedAck(op.device_seq(), applied.error().message);
                    } else {
                        ack = std::move(*applied);
                        changed = true;
                    }
                    if (auto st = c.exec("RELEASE SAVEPOINT op"); !st) {
                        return st.error();
                    }
                }
                if (auto st = PushResults::saveAck(c, device.deviceId, ack); !st) {
                    return st.error();
                }
                lastApplied = std::max<std::uint64_t>(lastApplied, op.device_seq());
                acks.push_back(std::move(ack));
            }
            auto bump =
                c.query("UPDATE devices SET last_applied_device_seq = $2 WHERE device_id = $1",
                        {pg::text(device.deviceId), pg::integer(static_cast<std::int64_t>(lastApplied))});
            if (!bump) {
                return bump.error();
            }
            if (changed) {
                // Delivered at COMMIT to every hub that LISTENs (this one too), never for a rolled back
                // batch.
                auto told =
                    c.query("SELECT pg_notify($1, $2)", {pg::text(kChangesChannel), pg::text(device.unit)});
                if (!told) {
                    return told.error();
                }
            }
            return acks;
        });
    }

    Result<ChangesPage> changesSince(const std::string& unitName, std::uint64_t cursor,
                                     const std::string& excludeDevice, int limit,
                                     std::size_t maxBytes) override {
        return pg::inTransaction<ChangesPage>(m_pool, [&](Connection& c) -> Result<ChangesPage> {
            // REPEATABLE READ so the page and the checksum are read from one snapshot.
            if (auto st = c.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"); !st) {
                return st.error();
            }
            auto rows =
                c.query("SELECT server_seq, device_id, message, device_seq FROM operations WHERE unit = $1 "
                        "AND server_seq > $2 ORDER BY server_seq LIMIT $3",
                        {pg::text(unitName), pg::integer(static_cast<std::int64_t>(cursor)),
                         pg::integer(static_cast<std::int64_t>(limit) + 1)});
            if (!rows) {
                return rows.error();
            }
            ChangesPage page;
            page.checkpoint = cursor;
            std::size_t bytes = 0;
            for (int i = 0; i < rows->size(); ++i) {
                if (i >= limit) {
                    page.more = true;
                    break;
                }
                const bool own = rows->raw(i, 1) == excludeDevice;
                const std::size_t size = own ? 0 : rows->raw(i, 2).size();
                if (!page.ops.empty() && bytes + size > maxBytes) {
                    page.more = true; // the checkpoint stays before this change: the next page starts with it
                    break;
                }
                page.checkpoint = static_cast<std::uint64_t>(rows->int64(i, 0));
                if (own) {
                    // As in the SQLite store: the device's own operations pass as acks.
                    protocol::PushAck ack;
                    ack.set_device_seq(static_cast<std::uint64_t>(rows->int64(i, 3)));
                    ack.set_server_seq(page.checkpoint);
                    ack.set_result(protocol::PushAck::DUPLICATE);
                    page.ownAcks.push_back(std::move(ack));
                    continue;
                }
                bytes += size;
                const auto message = rows->raw(i, 2);
                protocol::Operation op;
                if (!op.ParseFromArray(message.data(), static_cast<int>(message.size()))) {
                    return makeError("corrupt", "A stored operation does not parse.");
                }
                page.ops.push_back(std::move(op));
            }
            auto checksum = c.query("SELECT checksum FROM units WHERE name = $1", {pg::text(unitName)});
            if (!checksum) {
                return checksum.error();
            }
            if (!checksum->empty()) {
                page.checksum = static_cast<std::uint64_t>(checksum->int64(0, 0));
            }
            return page;
        });
    }

    Result<std::uint64_t> serverHead(const std::string& unitName) override {
        return pg::inTransaction<std::uint64_t>(m_pool, [&](Connection& c) -> Result<std::uint64_t> {
            auto rows = c.query("SELECT coalesce(max(server_seq), 0) FROM operations WHERE unit = $1",
                                {pg::text(unitName)});
            if (!rows) {
                return rows.error();
            }
            return static_cast<std::uint64_t>(rows->int64(0, 0));
        });
    }

    Result<std::vector<CenterCase>> cases() override {
        using List = std::vector<CenterCase>;
        return pg::inTransaction<List>(m_pool, [&](Connection& c) -> Result<List> {
            auto rows =
                c.query("SELECT case_id, unit, service, status, channel, conflicted, sealed_key_center FROM "
                        "cases ORDER BY case_id");
            if (!rows) {
                return rows.error();
            }
            List out;
            for (int i = 0; i < rows->size(); ++i) {
                out.push_back(CenterCase{rows->blob(i, 0), rows->text(i, 1), rows->text(i, 2),
                                         rows->text(i, 3), rows->text(i, 4), rows->int64(i, 5) != 0,
                                         rows->blob(i, 6)});
            }
            return out;
        });
    }

    Result<std::optional<CenterCase>> caseById(const std::vector<std::uint8_t>& caseId) override {
        using Found = std::optional<CenterCase>;
        return pg::inTransaction<Found>(m_pool, [&](Connection& c) -> Result<Found> {
            auto rows =
                c.query("SELECT case_id, unit, service, status, channel, conflicted, sealed_key_center "
                        "FROM cases WHERE case_id = $1",
                        {pg::bytes(caseId)});
            if (!rows) {
                return rows.error();
            }
            if (rows->empty()) {
                return Found();
            }
            return Found(CenterCase{rows->blob(0, 0), rows->text(0, 1), rows->text(0, 2), rows->text(0, 3),
                                    rows->text(0, 4), rows->int64(0, 5) != 0, rows->blob(0, 6)});
        });
    }

    Result<InboxPage> inbox(const InboxQuery& query) override {
        const auto sql = inbox_sql::build(query, true, "false", "true");
        auto convert = [](const std::vector<inbox_sql::Param>& params) {
            std::vector<pg::Param> out;
            for (const auto& p : params) {
                std::visit(
                    [&](const auto& v) {
                        using T = std::decay_t<decltype(v)>;
                        if constexpr (std::is_same_v<T, std::int64_t>) {
                            out.push_back(pg::integer(v));
                        } else if constexpr (std::is_same_v<T, std::string>) {
                            out.push_back(pg::text(v));
                        } else {
                            out.push_back(pg::bytes(std::span<const std::uint8_t>(v)));
                        }
                    },
                    p);
            }
            return out;
        };
        return pg::inTransaction<InboxPage>(m_pool, [&](Connection& c) -> Result<InboxPage> {
            InboxPage page;
            auto count = c.query(sql.count, convert(sql.params));
            if (!count) {
                return count.error();
            }
            page.total = count->empty() ? 0 : count->int64(0, 0);
            auto rows = c.query(sql.page, convert(sql.pageParams));
            if (!rows) {
                return rows.error();
            }
            for (int i = 0; i < rows->size(); ++i) {
                page.cases.push_back(CenterCase{rows->blob(i, 0), rows->text(i, 1), rows->text(i, 2),
                                                rows->text(i, 3), rows->text(i, 4), rows->int64(i, 5) != 0,
                                                rows->blob(i, 6)});
            }
            return page;
        });
    }

    Result<std::vector<protocol::Operation>>
    caseOperations(const std::vector<std::uint8_t>& caseId) override {
        using List = std::vector<protocol::Operation>;
        return pg::inTransaction<List>(m_pool, [&](Connection& c) -> Result<List> {
            auto rows = c.query("SELECT message FROM operations WHERE case_id = $1 ORDER BY server_seq",
                                {pg::bytes(caseId)});
            if (!rows) {
                return rows.error();
            }
            List out;
            for (int i = 0; i < rows->size(); ++i) {
                const auto message = rows->raw(i, 0);
                protocol::Operation op;
                if (!op.ParseFromArray(message.data(), static_cast<int>(message.size()))) {
                    return makeError("corrupt", "A stored operation does not parse.");
                }
                out.push_back(std::move(op));
            }
            return out;
        });
    }

    Result<std::vector<std::pair<std::uint32_t, std::uint64_t>>>
    fieldHeads(const std::vector<std::uint8_t>& caseId) override {
        using List = std::vector<std::pair<std::uint32_t, std::uint64_t>>;
        return pg::inTransaction<List>(m_pool, [&](Connection& c) -> Result<List> {
            auto rows =
                c.query("SELECT field_id, server_seq FROM field_heads WHERE case_id = $1 ORDER BY field_id, "
                        "server_seq",
                        {pg::bytes(caseId)});
            if (!rows) {
                return rows.error();
            }
            List out;
            for (int i = 0; i < rows->size(); ++i) {
                out.emplace_back(static_cast<std::uint32_t>(rows->int64(i, 0)),
                                 static_cast<std::uint64_t>(rows->int64(i, 1)));
            }
            return out;
        });
    }

private:
    /** The server_seq of the device's own earlier operation, so a chain of local edits is not a conflict. */
    static Result<std::uint64_t> ownServerSeq(Connection& c, const std::string& deviceId,
                                              std::uint64_t deviceSeq) {
        auto ack = PushResults::storedAck(c, deviceId, deviceSeq);
        if (!ack) {
            return ack.error();
        }
        if (!ack->has_value() || (*ack)->result() == protocol::PushAck::REJECTED) {
            return makeError("rejected",
                             "the operation builds on one of this device's changes that was not applied");
        }
        return (*ack)->server_seq();
    }

    static Result<core::RegisterState> fieldState(Connection& c, const Bytes& caseId, std::uint32_t fieldId) {
        auto rows = c.query(
            "SELECT server_seq, deleted FROM field_heads WHERE case_id = $1 AND field_id = $2 ORDER BY "
            "server_seq",
            {pg::bytes(caseId), pg::integer(fieldId)});
        if (!rows) {
            return rows.error();
        }
        core::RegisterState state;
        for (int i = 0; i < rows->size(); ++i) {
            state.open.push_back({static_cast<std::uint64_t>(rows->int64(i, 0)), rows->int64(i, 1) != 0});
        }
        return state;
    }

    /** Applies one new operation under the unit's lock; an Error with code "rejected" refuses the device's
     * op. */
    static Result<protocol::PushAck> applyOne(Connection& c, const DeviceRecord& device,
                                              const protocol::Operation& op) {
        const Bytes caseId(op.case_id().begin(), op.case_id().end());
        if (caseId.size() != 16) {
            return makeError("rejected", "the case id is not 16 bytes");
        }
        auto kind = core::operationKindFromString(op.kind());
        if (!kind) {
            return makeError("rejected", "unknown operation kind");
        }
        const auto meta = core::parseCaseMeta(op.meta());
        const auto service = meta.find("service");
        const auto channel = meta.find("channel");
        // A new case is inserted here; a case id taken (by this unit, or by another unit's hub at this very
        // moment) leaves the row as it is, and the unit read back decides.
        const bool canCreate =
            service != meta.end() && !op.sealed_key_center().empty() && !op.sealed_key_unit().empty();
        bool isNew = false;
        if (canCreate) {
            auto created =
                c.query("INSERT INTO cases(case_id, unit, service, status, channel, sealed_key_center, "
                        "sealed_key_unit) VALUES ($1, $2, $3, 'opened', $4, $5, $6) ON CONFLICT DO NOTHING",
                        {pg::bytes(caseId), pg::text(device.unit), pg::text(service->second),
                         pg::text(channel == meta.end() ? std::string() : channel->second),
                         pg::bytes(op.sealed_key_center()), pg::bytes(op.sealed_key_unit())});
            if (!created) {
                return created.error();
            }
            isNew = created->affected() == 1;
        }
        if (!isNew) {
            auto existing = c.query("SELECT unit FROM cases WHERE case_id = $1", {pg::bytes(caseId)});
            if (!existing) {
                return existing.error();
            }
            if (existing->empty()) {
                return makeError("rejected", "a new case needs its service and sealed record keys");
            }
            if (existing->raw(0, 0) != device.unit) {
                return makeError("rejected", "the case belongs to another unit");
            }
        }

        auto counter = c.query("SELECT nextval('server_seq')");
        if (!counter) {
            return counter.error();
        }
        const auto seq = static_cast<std::uint64_t>(counter->int64(0, 0));

        std::map<std::uint32_t, std::vector<std::uint64_t>> bases;
        for (const auto& ref : op.fields()) {
            std::uint64_t base = ref.base_seq();
            if (ref.base_device_seq() != 0) {
                auto own = ownServerSeq(c, device.deviceId, ref.base_device_seq());
                if (!own) {
                    return own.error();
                }
                base = std::max(base, *own);
            }
            bases[ref.field_id()].push_back(base);
        }
        protocol::PushAck ack;
        ack.set_device_seq(op.device_seq());
        ack.set_server_seq(seq);
        ack.set_result(protocol::PushAck::APPLIED);
        bool conflicted = false;
        for (const auto& [fieldId, fieldBases] : bases) {
            const auto info = core::fieldInfo(core::FieldId{fieldId});
            const bool addOnly =
                info.known ? info.kind == core::FieldKind::AddOnly : *kind == core::OperationKind::Append;
            if (addOnly) {
                continue; // add-only values never conflict
            }
            auto state = fieldState(c, caseId, fieldId);
            if (!state) {
                return state.error();
            }
            const auto changeKind = *kind == core::OperationKind::Append ? core::OperationKind::Set : *kind;
            auto decision = core::mergeField(core::FieldKind::Register, *state,
                                             core::FieldChange{changeKind, fieldBases, seq});
            if (!decision) {
                return makeError("rejected", decision.error().message);
            }
            conflicted = conflicted || decision->outcome == core::MergeOutcome::Conflicted;
            for (const auto closedSeq : decision->closed) {
                ack.add_closes(closedSeq);
                auto drop = c.query(
                    "DELETE FROM field_heads WHERE case_id = $1 AND field_id = $2 AND server_seq = $3",
                    {pg::bytes(caseId), pg::integer(fieldId),
                     pg::integer(static_cast<std::int64_t>(closedSeq))});
                if (!drop) {
                    return drop.error();
                }
            }
            auto head =
                c.query("INSERT INTO field_heads(case_id, field_id, server_seq, deleted) VALUES ($1, $2, $3, "
                        "$4)",
                        {pg::bytes(caseId), pg::integer(fieldId), pg::integer(static_cast<std::int64_t>(seq)),
                         pg::text(*kind == core::OperationKind::Delete ? "true" : "false")});
            if (!head) {
                return head.error();
            }
        }
        ack.set_conflicted(conflicted);

        // Clear metadata: the newest arrival wins; then the conflicted flag from the heads, in one statement.
        const auto status = meta.find("status");
        auto update = c.query(
            "UPDATE cases SET status = coalesce($2, status), service = coalesce($3, service), channel = "
            "coalesce($4, channel), conflicted = EXISTS (SELECT 1 FROM field_heads h WHERE h.case_id = "
            "cases.case_id GROUP BY h.field_id HAVING count(*) > 1) WHERE case_id = $1",
            {pg::bytes(caseId), status == meta.end() ? pg::null() : pg::text(status->second),
             service == meta.end() ? pg::null() : pg::text(service->second),
             channel == meta.end() ? pg::null() : pg::text(channel->second)});
        if (!update) {
            return update.error();
        }

        protocol::Operation stored = op;
        stored.set_server_seq(seq);
        stored.set_unit(device.unit);
        stored.clear_closes();
        for (const auto closedSeq : ack.closes()) {
            stored.add_closes(closedSeq);
        }
        if (!isNew) {
            stored.clear_sealed_key_center();
            stored.clear_sealed_key_unit();
        }
        auto insert =
            c.query("INSERT INTO operations(server_seq, unit, case_id, device_id, device_seq, message) "
                    "VALUES ($1, $2, $3, $4, $5, $6)",
                    {pg::integer(static_cast<std::int64_t>(seq)), pg::text(device.unit), pg::bytes(caseId),
                     pg::text(device.deviceId), pg::integer(static_cast<std::int64_t>(op.device_seq())),
                     pg::bytes(stored.SerializeAsString())});
        if (!insert) {
            return insert.error();
        }
        // PostgreSQL has XOR (#) on bigint, so the running checksum moves in SQL, under the unit's lock.
        const auto fingerprint = core::operationFingerprint(seq, device.deviceId, op.device_seq());
        auto checksum = c.query("UPDATE units SET checksum = checksum # $2::bigint WHERE name = $1",
                                {pg::text(device.unit), pg::integer(static_cast<std::int64_t>(fingerprint))});
        if (!checksum) {
            return checksum.error();
        }
        if (checksum->affected() == 0) {
            return makeError("corrupt", "The device's unit is missing.");
        }
        return ack;
    }

    Pool& m_pool;
};

} // namespace

std::unique_ptr<OperationStore> makeOperationStore(Pool& pool) {
    return std::make_unique<PgOperationStore>(pool);
}

} // namespace fieldkit::hub::pg_center
