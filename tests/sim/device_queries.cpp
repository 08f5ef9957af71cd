#include "device_queries.hpp"

#include "sim_failures.hpp"

#include <string_view>

namespace fieldkit::sim {
namespace {

template <typename Bind, typename Row>
void query(SimDevice& device, std::string_view sql, Bind&& bind, Row&& row) {
    auto stmt = device.db().prepare(sql);
    if (!stmt) {
        throw SimAbort{"query on device d" + std::to_string(device.index()) + ": " + stmt.error().message};
    }
    bind(*stmt);
    while (true) {
        auto next = stmt->step();
        if (!next) {
            throw SimAbort{"query on device d" + std::to_string(device.index()) + ": " +
                           next.error().message};
        }
        if (!*next) {
            return;
        }
        row(*stmt);
    }
}

void noBind(sqlite::Statement&) {}

std::span<const std::uint8_t> view(const core::CaseId& id) {
    return {id.bytes().data(), id.bytes().size()};
}

} // namespace

std::vector<DeviceOp> deviceOperations(SimDevice& device) {
    std::vector<DeviceOp> out;
    query(device, "SELECT case_id, device_id, device_seq, server_seq, rejected IS NOT NULL FROM operations",
          noBind, [&](sqlite::Statement& s) {
              out.push_back(DeviceOp{s.blob(0), s.text(1), static_cast<std::uint64_t>(s.int64(2)),
                                     s.isNull(3) ? -1 : s.int64(3), s.int64(4) != 0});
          });
    return out;
}

std::vector<DeviceHead> deviceHeads(SimDevice& device) {
    std::vector<DeviceHead> out;
    query(device,
          "SELECT h.case_id, h.field_id, o.device_id, o.device_seq FROM field_heads h JOIN operations o ON "
          "o.op_id = h.op_id",
          noBind, [&](sqlite::Statement& s) {
              out.push_back(DeviceHead{s.blob(0), static_cast<std::uint32_t>(s.int64(1)), s.text(2),
                                       static_cast<std::uint64_t>(s.int64(3))});
          });
    return out;
}

std::vector<DeviceCase> deviceCases(SimDevice& device) {
    std::vector<DeviceCase> out;
    query(device, "SELECT case_id, status, unit, conflicted FROM cases", noBind, [&](sqlite::Statement& s) {
        out.push_back(DeviceCase{s.blob(0), s.text(1), s.text(2), s.int64(3) != 0});
    });
    return out;
}

std::set<OpKey> knownOperations(SimDevice& device, const Model& model, const core::CaseId& id) {
    std::set<OpKey> out;
    query(
        device, "SELECT device_id, device_seq FROM operations WHERE case_id = ?1",
        [&](sqlite::Statement& s) { s.bind(1, view(id)); },
        [&](sqlite::Statement& s) {
            const int index = model.deviceIndex(s.text(0));
            if (index < 0) {
                throw SimAbort{"device d" + std::to_string(device.index()) +
                               " holds an operation of an unknown device " + s.text(0)};
            }
            out.insert(OpKey{index, static_cast<std::uint64_t>(s.int64(1))});
        });
    return out;
}

bool hasCase(SimDevice& device, const core::CaseId& id) {
    bool found = false;
    query(
        device, "SELECT 1 FROM cases WHERE case_id = ?1", [&](sqlite::Statement& s) { s.bind(1, view(id)); },
        [&](sqlite::Statement&) { found = true; });
    return found;
}

std::int64_t openVersions(SimDevice& device, const core::CaseId& id, std::uint32_t field) {
    std::int64_t n = 0;
    query(
        device, "SELECT count(*) FROM field_heads WHERE case_id = ?1 AND field_id = ?2",
        [&](sqlite::Statement& s) { s.bind(1, view(id)).bind(2, static_cast<std::int64_t>(field)); },
        [&](sqlite::Statement& s) { n = s.int64(0); });
    return n;
}

std::string caseStatus(SimDevice& device, const core::CaseId& id) {
    std::string status;
    query(
        device, "SELECT status FROM cases WHERE case_id = ?1",
        [&](sqlite::Statement& s) { s.bind(1, view(id)); },
        [&](sqlite::Statement& s) { status = s.text(0); });
    return status;
}

std::uint64_t lastDeviceSeq(SimDevice& device) {
    std::uint64_t seq = 0;
    // The device's newest operation, or sync_state's floor when a purge has taken it (store schema 4).
    query(
        device,
        "SELECT max(s.next_device_seq - 1, coalesce((SELECT max(device_seq) FROM operations WHERE "
        "device_id = ?1), 0)) FROM sync_state s WHERE s.id = 1",
        [&](sqlite::Statement& s) { s.bind(1, device.deviceId()); },
        [&](sqlite::Statement& s) { seq = static_cast<std::uint64_t>(s.int64(0)); });
    return seq;
}

std::vector<std::pair<CaseBytes, std::uint32_t>> conflictedFields(SimDevice& device) {
    std::vector<std::pair<CaseBytes, std::uint32_t>> out;
    query(device,
          "SELECT case_id, field_id FROM field_heads GROUP BY case_id, field_id HAVING count(*) > 1 "
          "ORDER BY min(op_id)",
          noBind,
          [&](sqlite::Statement& s) { out.emplace_back(s.blob(0), static_cast<std::uint32_t>(s.int64(1))); });
    return out;
}

} // namespace fieldkit::sim
