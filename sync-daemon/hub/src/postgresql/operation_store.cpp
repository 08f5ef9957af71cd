#include "inbox_sql.hpp"
#include "postgresql/pg_center_parts.hpp"

#include <algorithm>
#include <fieldkit/core/case_meta.hpp>
#include <fieldkit/core/field.hpp>
#include <fieldkit/core/merge.hpp>
#include <fieldkit/core/partition_checksum.hpp>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/hub/push_plan.hpp>
#include <map>
#include <mutex>
#include <set>
#include <type_traits>
#include <variant>

namespace fieldkit::hub::pg_center {
namespace {

/** Operations, merge heads and the changes devices pull, in the PostgreSQL center. A push is decided in
 *  memory (push_plan.hpp) with the decisions of the SQLite store (sqlite/operation_store.cpp); what differs
 * is that it is read and written in a few statements (each a round trip to the database), how concurrent hubs
 *  are kept apart (lockUnit) and that they are told of each other's commits (NOTIFY). */
class PgOperationStore final : public OperationStore {
public:
    explicit PgOperationStore(Pool& pool)
        : m_pool(pool) {}

    Result<std::vector<protocol::PushAck>> applyBatch(const DeviceRecord& device,
                                                      const std::vector<protocol::Operation>& ops) override {
        using Acks = std::vector<protocol::PushAck>;
        // Read what the push touches, decide it in memory (push_plan.hpp), write the outcome: about fifteen
        // round trips per push, however many operations it carries.
        return pg::inTransaction<Acks>(m_pool, [&](Connection& c) -> Result<Acks> {
            if (auto st = lockUnit(c, device.unit); !st) {
                return st.error();
            }
            // Read under the lock: `device` may predate a batch another hub applied meanwhile.
            auto snapshot = readSnapshot(c, device, ops);
            if (!snapshot) {
                return snapshot.error();
            }
            if (auto st = readRestoreMemory(c, ops, snapshot->restore); !st) {
                return st.error();
            }
            auto seqs = reserveSeqs(c, seqsNeeded(device, ops, *snapshot));
            if (!seqs) {
                return seqs.error();
            }
            auto plan = planPush(device, ops, std::move(*snapshot), *seqs);
            if (!plan) {
                return plan.error();
            }
            if (auto st = writePlan(c, device, *plan); !st) {
                return st.error();
            }
            return std::move(plan->acks);
        });
    }

    Result<SeqRange> setAsideAfterRestore(std::int64_t nowMs) override {
        return pg::inTransaction<SeqRange>(m_pool, [&](Connection& c) -> Result<SeqRange> {
            // The sequence's last number handed out (or the one it starts from when none was).
            auto counter = c.query("SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM "
                                   "server_seq");
            if (!counter) {
                return counter.error();
            }
            if (counter->empty()) {
                return makeError("corrupt", "The center's server_seq sequence is missing.");
            }
            const auto range = setAsideAfter(static_cast<std::uint64_t>(counter->int64(0, 0)));
            const auto first = pg::integer(static_cast<std::int64_t>(range.first));
            const auto last = pg::integer(static_cast<std::int64_t>(range.last));
            if (auto st = c.query(
                    "INSERT INTO restored_ranges(first_seq, last_seq, restored_ms) VALUES ($1::bigint, "
                    "$2::bigint, $3::bigint)",
                    {first, last, pg::integer(nowMs)});
                !st) {
                return st.error();
            }
            if (auto st = c.query("SELECT setval('server_seq', $1::bigint)", {last}); !st) {
                return st.error();
            }
            forgetSetAside();
            return range;
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
    /** The device's position, its earlier answers and the cases (with their open versions) the push names. */
    static Result<PushSnapshot> readSnapshot(Connection& c, const DeviceRecord& device,
                                             const std::vector<protocol::Operation>& ops) {
        auto current = c.query("SELECT last_applied_device_seq FROM devices WHERE device_id = $1",
                               {pg::text(device.deviceId)});
        if (!current) {
            return current.error();
        }
        if (current->empty()) {
            return makeError("unknown_device", "The center does not know device " + device.deviceId + ".");
        }
        PushSnapshot snapshot;
        snapshot.lastApplied = static_cast<std::uint64_t>(current->int64(0, 0));
        std::set<std::uint64_t> deviceSeqs;
        std::set<std::string> caseIds;
        for (const auto& op : ops) {
            deviceSeqs.insert(op.device_seq());
            for (const auto& ref : op.fields()) {
                if (ref.base_device_seq() != 0) {
                    deviceSeqs.insert(ref.base_device_seq());
                }
            }
            if (op.device_id() == device.deviceId) {
                caseIds.insert(op.case_id());
            }
        }
        std::vector<std::optional<std::string>> seqTexts;
        for (const auto seq : deviceSeqs) {
            seqTexts.emplace_back(std::to_string(seq));
        }
        auto acks =
            c.query("SELECT ack FROM push_results WHERE device_id = $1 AND device_seq = ANY($2::bigint[])",
                    {pg::text(device.deviceId), pg::text(pg::arrayLiteral(seqTexts))});
        if (!acks) {
            return acks.error();
        }
        for (int i = 0; i < acks->size(); ++i) {
            const auto blob = acks->raw(i, 0);
            protocol::PushAck ack;
            if (!ack.ParseFromArray(blob.data(), static_cast<int>(blob.size()))) {
                return makeError("corrupt", "A stored acknowledgement does not parse.");
            }
            const auto seq = ack.device_seq();
            snapshot.storedAcks.emplace(seq, std::move(ack));
        }
        std::vector<std::optional<std::string>> hexIds;
        for (const auto& id : caseIds) {
            hexIds.emplace_back(crypto::toHex(crypto::asBytes(id)));
        }
        const std::string idArray = pg::arrayLiteral(hexIds);
        auto cases =
            c.query("SELECT case_id, unit FROM cases WHERE case_id = ANY(ARRAY(SELECT decode(h, 'hex') "
                    "FROM unnest($1::text[]) AS h))",
                    {pg::text(idArray)});
        if (!cases) {
            return cases.error();
        }
        for (int i = 0; i < cases->size(); ++i) {
            snapshot.caseUnits.emplace(cases->blob(i, 0), cases->text(i, 1));
        }
        auto heads =
            c.query("SELECT case_id, field_id, server_seq, deleted FROM field_heads WHERE case_id = "
                    "ANY(ARRAY(SELECT decode(h, 'hex') FROM unnest($1::text[]) AS h)) ORDER BY case_id, "
                    "field_id, server_seq",
                    {pg::text(idArray)});
        if (!heads) {
            return heads.error();
        }
        for (int i = 0; i < heads->size(); ++i) {
            auto& state = snapshot.heads[{heads->blob(i, 0), static_cast<std::uint32_t>(heads->int64(i, 1))}];
            state.open.push_back({static_cast<std::uint64_t>(heads->int64(i, 2)), heads->int64(i, 3) != 0});
        }
        return snapshot;
    }

    /** What restores tell about the lost numbers the push names (restore_numbering.hpp). The ranges set aside
     *  are read once per process: they change only with `store mark-restored`, which an operator runs with
     *  every hub stopped (the database was just replaced), so a serving hub never sees them change. Two more
     *  queries only when the push names a lost number. */
    Status readRestoreMemory(Connection& c, const std::vector<protocol::Operation>& ops,
                             RestoreMemory& memory) {
        if (auto st = setAsideRanges(c, memory.setAside); !st) {
            return st;
        }
        std::vector<std::optional<std::string>> named;
        for (const auto& op : ops) {
            if (memory.lost(op.server_seq())) {
                named.emplace_back(std::to_string(op.server_seq()));
            }
            for (const auto& ref : op.fields()) {
                if (memory.lost(ref.base_seq())) {
                    named.emplace_back(std::to_string(ref.base_seq()));
                }
            }
        }
        if (named.empty()) {
            return {};
        }
        const auto numbers = pg::text(pg::arrayLiteral(named));
        auto moved = c.query(
            "SELECT lost_seq, new_seq FROM renumbered_seqs WHERE lost_seq = ANY($1::bigint[])", {numbers});
        if (!moved) {
            return moved.error();
        }
        for (int i = 0; i < moved->size(); ++i) {
            memory.renumbered.emplace(static_cast<std::uint64_t>(moved->int64(i, 0)),
                                      static_cast<std::uint64_t>(moved->int64(i, 1)));
        }
        auto held =
            c.query("SELECT server_seq FROM operations WHERE server_seq = ANY($1::bigint[])", {numbers});
        if (!held) {
            return held.error();
        }
        for (int i = 0; i < held->size(); ++i) {
            memory.taken.insert(static_cast<std::uint64_t>(held->int64(i, 0)));
        }
        return {};
    }

    Status setAsideRanges(Connection& c, std::vector<SeqRange>& out) {
        std::lock_guard lock(m_setAsideMutex);
        if (!m_setAside) {
            auto ranges = c.query("SELECT first_seq, last_seq FROM restored_ranges ORDER BY first_seq");
            if (!ranges) {
                return ranges.error();
            }
            std::vector<SeqRange> read;
            for (int i = 0; i < ranges->size(); ++i) {
                read.push_back({static_cast<std::uint64_t>(ranges->int64(i, 0)),
                                static_cast<std::uint64_t>(ranges->int64(i, 1))});
            }
            m_setAside = std::move(read);
        }
        out = *m_setAside;
        return {};
    }

    void forgetSetAside() {
        std::lock_guard lock(m_setAsideMutex);
        m_setAside.reset();
    }

    /** `count` server sequence numbers, ascending (taken under the unit's lock, so a unit's changes commit in
     *  the order of their numbers and a device pulling by cursor never skips one). */
    static Result<std::vector<std::uint64_t>> reserveSeqs(Connection& c, std::size_t count) {
        std::vector<std::uint64_t> seqs;
        if (count == 0) {
            return seqs;
        }
        auto rows = c.query("SELECT nextval('server_seq') FROM generate_series(1, $1::int) ORDER BY 1",
                            {pg::integer(static_cast<std::int64_t>(count))});
        if (!rows) {
            return rows.error();
        }
        for (int i = 0; i < rows->size(); ++i) {
            seqs.push_back(static_cast<std::uint64_t>(rows->int64(i, 0)));
        }
        return seqs;
    }

    /** Writes a decided push: one statement per table, each row set passed as arrays. */
    static Status writePlan(Connection& c, const DeviceRecord& device, const PushPlan& plan) {
        using Column = std::vector<std::optional<std::string>>;
        const auto hex = [](const auto& bytes) {
            return std::optional<std::string>(crypto::toHex(
                crypto::ByteView(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size())));
        };
        const auto number = [](auto n) { return std::optional<std::string>(std::to_string(n)); };
        const auto flag = [](bool b) { return std::optional<std::string>(b ? "true" : "false"); };
        const auto run = [&](std::string_view sql, std::vector<pg::Param> params) -> Result<std::int64_t> {
            auto rows = c.query(sql, params);
            if (!rows) {
                return rows.error();
            }
            return rows->affected();
        };

        if (!plan.newCases.empty()) {
            Column ids, services, channels, centerKeys, unitKeys;
            for (const auto& n : plan.newCases) {
                ids.push_back(hex(n.caseId));
                services.emplace_back(n.service);
                channels.emplace_back(n.channel);
                centerKeys.push_back(hex(n.sealedKeyCenter));
                unitKeys.push_back(hex(n.sealedKeyUnit));
            }
            auto created =
                run("INSERT INTO cases(case_id, unit, service, status, channel, sealed_key_center, "
                    "sealed_key_unit) SELECT decode(i, 'hex'), $1, s, 'opened', ch, decode(kc, 'hex'), "
                    "decode(ku, 'hex') FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], "
                    "$6::text[]) AS t(i, s, ch, kc, ku) ON CONFLICT DO NOTHING",
                    {pg::text(device.unit), pg::text(pg::arrayLiteral(ids)),
                     pg::text(pg::arrayLiteral(services)), pg::text(pg::arrayLiteral(channels)),
                     pg::text(pg::arrayLiteral(centerKeys)), pg::text(pg::arrayLiteral(unitKeys))});
            if (!created) {
                return created.error();
            }
            if (static_cast<std::size_t>(*created) != plan.newCases.size()) {
                // Another unit's hub created one of these case ids since the snapshot (random 128-bit ids
                // make this all but impossible): nothing is kept, and the device's next try is decided anew.
                return makeError("busy", "A case of this push was created elsewhere meanwhile; try again.");
            }
        }
        if (!plan.closedHeads.empty()) {
            Column ids, fields, seqs;
            for (const auto& h : plan.closedHeads) {
                ids.push_back(hex(h.caseId));
                fields.push_back(number(h.fieldId));
                seqs.push_back(number(h.serverSeq));
            }
            auto dropped =
                run("DELETE FROM field_heads h USING unnest($1::text[], $2::bigint[], $3::bigint[]) AS "
                    "d(i, f, s) WHERE h.case_id = decode(d.i, 'hex') AND h.field_id = d.f AND "
                    "h.server_seq = d.s",
                    {pg::text(pg::arrayLiteral(ids)), pg::text(pg::arrayLiteral(fields)),
                     pg::text(pg::arrayLiteral(seqs))});
            if (!dropped) {
                return dropped.error();
            }
        }
        if (!plan.openedHeads.empty()) {
            Column ids, fields, seqs, deleted;
            for (const auto& h : plan.openedHeads) {
                ids.push_back(hex(h.caseId));
                fields.push_back(number(h.fieldId));
                seqs.push_back(number(h.serverSeq));
                deleted.push_back(flag(h.deleted));
            }
            auto opened =
                run("INSERT INTO field_heads(case_id, field_id, server_seq, deleted) SELECT decode(i, "
                    "'hex'), f, s, d FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::boolean[]) "
                    "AS t(i, f, s, d)",
                    {pg::text(pg::arrayLiteral(ids)), pg::text(pg::arrayLiteral(fields)),
                     pg::text(pg::arrayLiteral(seqs)), pg::text(pg::arrayLiteral(deleted))});
            if (!opened) {
                return opened.error();
            }
        }
        if (!plan.caseUpdates.empty()) {
            Column ids, statuses, services, channels, conflicted;
            for (const auto& u : plan.caseUpdates) {
                ids.push_back(hex(u.caseId));
                statuses.push_back(u.status);
                services.push_back(u.service);
                channels.push_back(u.channel);
                conflicted.push_back(flag(u.conflicted));
            }
            // Clear metadata: the newest arrival wins (NULL keeps the stored value).
            auto updated =
                run("UPDATE cases SET status = coalesce(u.st, cases.status), service = coalesce(u.sv, "
                    "cases.service), channel = coalesce(u.ch, cases.channel), conflicted = u.cf FROM "
                    "unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[]) AS u(i, st, "
                    "sv, ch, cf) WHERE cases.case_id = decode(u.i, 'hex')",
                    {pg::text(pg::arrayLiteral(ids)), pg::text(pg::arrayLiteral(statuses)),
                     pg::text(pg::arrayLiteral(services)), pg::text(pg::arrayLiteral(channels)),
                     pg::text(pg::arrayLiteral(conflicted))});
            if (!updated) {
                return updated.error();
            }
        }
        if (!plan.operations.empty()) {
            Column seqs, ids, deviceSeqs, messages;
            for (const auto& o : plan.operations) {
                seqs.push_back(number(o.serverSeq));
                ids.push_back(hex(o.caseId));
                deviceSeqs.push_back(number(o.deviceSeq));
                messages.push_back(hex(o.message));
            }
            auto stored =
                run("INSERT INTO operations(server_seq, unit, case_id, device_id, device_seq, message) "
                    "SELECT s, $1, decode(i, 'hex'), $2, d, decode(m, 'hex') FROM unnest($3::bigint[], "
                    "$4::text[], $5::bigint[], $6::text[]) AS t(s, i, d, m)",
                    {pg::text(device.unit), pg::text(device.deviceId), pg::text(pg::arrayLiteral(seqs)),
                     pg::text(pg::arrayLiteral(ids)), pg::text(pg::arrayLiteral(deviceSeqs)),
                     pg::text(pg::arrayLiteral(messages))});
            if (!stored) {
                return stored.error();
            }
            // PostgreSQL has XOR (#) on bigint, so the running checksum moves in SQL, under the unit's lock.
            auto checksum =
                run("UPDATE units SET checksum = checksum # $2::bigint WHERE name = $1",
                    {pg::text(device.unit), pg::integer(static_cast<std::int64_t>(plan.checksumDelta))});
            if (!checksum) {
                return checksum.error();
            }
            if (*checksum == 0) {
                return makeError("corrupt", "The device's unit is missing.");
            }
        }
        if (!plan.renumbered.empty()) {
            Column lost, fresh;
            for (const auto& [from, to] : plan.renumbered) {
                lost.push_back(number(from));
                fresh.push_back(number(to));
            }
            auto remembered = run("INSERT INTO renumbered_seqs(lost_seq, new_seq) SELECT l, n FROM "
                                  "unnest($1::bigint[], $2::bigint[]) AS t(l, n)",
                                  {pg::text(pg::arrayLiteral(lost)), pg::text(pg::arrayLiteral(fresh))});
            if (!remembered) {
                return remembered.error();
            }
        }
        if (!plan.acksToStore.empty()) {
            Column deviceSeqs, results, acks;
            for (const auto& a : plan.acksToStore) {
                deviceSeqs.push_back(number(a.device_seq()));
                results.push_back(number(static_cast<int>(a.result())));
                acks.push_back(hex(a.SerializeAsString()));
            }
            auto saved =
                run("INSERT INTO push_results(device_id, device_seq, result, ack) SELECT $1, d, r, "
                    "decode(a, 'hex') FROM unnest($2::bigint[], $3::bigint[], $4::text[]) AS t(d, r, a)",
                    {pg::text(device.deviceId), pg::text(pg::arrayLiteral(deviceSeqs)),
                     pg::text(pg::arrayLiteral(results)), pg::text(pg::arrayLiteral(acks))});
            if (!saved) {
                return saved.error();
            }
        }
        auto bump =
            run("UPDATE devices SET last_applied_device_seq = $2 WHERE device_id = $1",
                {pg::text(device.deviceId), pg::integer(static_cast<std::int64_t>(plan.lastApplied))});
        if (!bump) {
            return bump.error();
        }
        if (plan.changed) {
            // Delivered at COMMIT to every hub that LISTENs (this one too), never for a rolled back batch.
            auto told = run("SELECT pg_notify($1, $2)", {pg::text(kChangesChannel), pg::text(device.unit)});
            if (!told) {
                return told.error();
            }
        }
        return {};
    }

    Pool& m_pool;
    std::mutex m_setAsideMutex;
    std::optional<std::vector<SeqRange>> m_setAside; // restored_ranges, read at the first push
};

} // namespace

std::unique_ptr<OperationStore> makeOperationStore(Pool& pool) {
    return std::make_unique<PgOperationStore>(pool);
}

} // namespace fieldkit::hub::pg_center
