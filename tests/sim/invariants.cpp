#include "invariants.hpp"

#include "device_queries.hpp"

#include <fieldkit/core/partition_checksum.hpp>
#include <fieldkit/store/session.hpp>
#include <fieldkit/store/sync_queue.hpp>
#include <map>
#include <tuple>

namespace fieldkit::sim {
namespace {

using FieldKey = std::pair<int, std::uint32_t>; // (case index, field id)

std::string caseName(int index) {
    return "c" + std::to_string(index);
}

std::string where(const FieldKey& key) {
    return "field " + std::to_string(key.second) + " of case " + caseName(key.first);
}

std::string list(const std::set<OpKey>& keys) {
    std::string out = "{";
    for (const auto& k : keys) {
        out += (out.size() > 1 ? ", " : "") + describe(k);
    }
    return out + "}";
}

std::set<OpKey> minus(const std::set<OpKey>& a, const std::set<OpKey>& b) {
    std::set<OpKey> out;
    for (const auto& k : a) {
        if (!b.contains(k)) {
            out.insert(k);
        }
    }
    return out;
}

std::string statusIn(const std::string& meta) {
    const auto at = meta.find("status=");
    if (at == std::string::npos) {
        return {};
    }
    const auto from = at + 7;
    return meta.substr(from, meta.find(';', from) - from);
}

/** The hub's state, read through the CenterStore interface and named in model terms. */
struct HubView {
    struct Op {
        std::uint64_t serverSeq = 0;
        int caseIndex = -1;
        std::string unit;
    };
    std::map<OpKey, Op> ops;
    std::map<std::uint64_t, OpKey> bySeq;
    std::map<FieldKey, std::set<OpKey>> heads;
    std::map<int, hub::CenterCase> cases;
    std::map<int, std::string> lastStatus; // status named by the newest operation that set one
};

HubView readHub(const Model& model, SimHub& hub, Failures& failures) {
    HubView view;
    auto cases = hub.store().operations().cases();
    if (!cases) {
        throw SimAbort{"hub cases(): " + cases.error().message};
    }
    for (const auto& c : *cases) {
        const int index = model.caseIndex(c.caseId);
        if (index < 0) {
            failures.add("the hub holds a case no device created");
            continue;
        }
        if (c.unit != model.caseUnit(index)) {
            failures.add("partition: case " + caseName(index) + " of unit " + model.caseUnit(index) +
                         " is filed under unit " + c.unit + " at the hub");
        }
        view.cases[index] = c;
        auto ops = hub.store().operations().caseOperations(c.caseId);
        if (!ops) {
            throw SimAbort{"hub caseOperations(): " + ops.error().message};
        }
        for (const auto& op : *ops) {
            const int device = model.deviceIndex(op.device_id());
            const OpKey key{device, op.device_seq()};
            if (device < 0) {
                failures.add("the hub holds an operation of an unknown device");
                continue;
            }
            if (!view.ops.emplace(key, HubView::Op{op.server_seq(), index, op.unit()}).second) {
                failures.add("applied twice: the hub holds " + describe(key) + " more than once");
            }
            view.bySeq[op.server_seq()] = key;
            if (const auto status = statusIn(op.meta()); !status.empty()) {
                view.lastStatus[index] = status;
            }
        }
    }
    for (const auto& [index, c] : view.cases) {
        auto heads = hub.store().operations().fieldHeads(c.caseId);
        if (!heads) {
            throw SimAbort{"hub fieldHeads(): " + heads.error().message};
        }
        for (const auto& [field, seq] : *heads) {
            const auto it = view.bySeq.find(seq);
            if (it == view.bySeq.end()) {
                failures.add("the hub's field head " + std::to_string(seq) + " names no operation");
                continue;
            }
            view.heads[{index, field}].insert(it->second);
        }
    }
    return view;
}

void checkModelAgainstHub(const Model& model, const HubView& hub, Failures& failures) {
    for (int index = 0; index < model.caseCount(); ++index) {
        const auto c = hub.cases.find(index);
        if (c == hub.cases.end()) {
            failures.add("lost: case " + caseName(index) + " never reached the hub");
            continue;
        }
        bool conflicted = false;
        for (const auto field : model.fieldsOf(index)) {
            const FieldKey key{index, field};
            const auto expected = model.expectedHeads(index, field);
            const auto found = hub.heads.find(key);
            const auto actual = found == hub.heads.end() ? std::set<OpKey>{} : found->second;
            conflicted = conflicted || expected.size() > 1;
            if (const auto lost = minus(expected, actual); !lost.empty()) {
                failures.add("conflict lost: at the hub " + where(key) + " has open versions " +
                             list(actual) + " but " + list(lost) + " were never superseded (expected " +
                             list(expected) + ")");
            }
            if (const auto extra = minus(actual, expected); !extra.empty()) {
                failures.add("superseded version still open: at the hub " + where(key) + " has " +
                             list(actual) + ", but " + list(extra) +
                             " were superseded by a later save (expected " + list(expected) + ")");
            }
        }
        if (c->second.conflicted != conflicted) {
            failures.add("the hub marks case " + caseName(index) + (c->second.conflicted ? "" : " not") +
                         " conflicted; its fields say otherwise");
        }
        if (const auto s = hub.lastStatus.find(index);
            s != hub.lastStatus.end() && s->second != c->second.status) {
            failures.add("the hub shows case " + caseName(index) + " as " + c->second.status +
                         " but the newest status change says " + s->second);
        }
    }
}

void checkNothingLost(const Model& model, const HubView& hub, int deviceCount, Failures& failures) {
    std::size_t made = 0;
    for (int d = 0; d < deviceCount; ++d) {
        for (const auto& [seq, caseIndex] : model.operationsOf(d)) {
            ++made;
            const OpKey key{d, seq};
            const auto it = hub.ops.find(key);
            if (it == hub.ops.end()) {
                failures.add("lost: " + describe(key) + " (case " + caseName(caseIndex) +
                             ") never reached the hub");
            } else if (it->second.caseIndex != caseIndex) {
                failures.add(describe(key) + " is filed under another case at the hub");
            }
        }
    }
    if (hub.ops.size() != made) {
        failures.add("the hub holds " + std::to_string(hub.ops.size()) + " operations, the devices made " +
                     std::to_string(made));
    }
}

void checkDevice(const Model& model, const HubView& hub, SimHub& center, SimDevice& device,
                 Failures& failures) {
    const std::string who = "device d" + std::to_string(device.index());
    const std::string& unit = device.unit();

    // Operations: the same (device, device_seq, server_seq) set as the hub's partition, each once.
    std::map<OpKey, std::int64_t> local;
    std::uint64_t xorOfHub = 0;
    for (const auto& op : deviceOperations(device)) {
        const int author = model.deviceIndex(op.deviceId);
        const OpKey key{author, op.deviceSeq};
        if (!local.emplace(key, op.serverSeq).second) {
            failures.add("applied twice: " + who + " holds " + describe(key) + " more than once");
        }
        if (op.rejected) {
            failures.add(who + " holds " + describe(key) + " as rejected by the center");
        }
        const int caseIndex = model.caseIndex(op.caseId);
        if (caseIndex >= 0 && model.caseUnit(caseIndex) != unit) {
            failures.add("partition: " + who + " of unit " + unit + " holds " + describe(key) + " of unit " +
                         model.caseUnit(caseIndex));
        }
    }
    for (const auto& [seq, caseIndex] : model.operationsOf(device.index())) {
        if (!local.contains(OpKey{device.index(), seq})) {
            failures.add("lost on the device: " + who + " no longer holds its own save " +
                         describe(OpKey{device.index(), seq}));
        }
    }
    int reported = 0;
    for (const auto& [key, op] : hub.ops) {
        if (op.unit != unit) {
            continue;
        }
        xorOfHub ^= core::operationFingerprint(op.serverSeq, model.deviceId(key.device), key.seq);
        const auto it = local.find(key);
        if (it == local.end()) {
            if (reported++ < 3) {
                failures.add("not converged: " + who + " lacks " + describe(key) + " (server_seq " +
                             std::to_string(op.serverSeq) + ")");
            }
        } else if (it->second != static_cast<std::int64_t>(op.serverSeq)) {
            if (reported++ < 3) {
                failures.add("not converged: " + who + " has " + describe(key) + " with server_seq " +
                             std::to_string(it->second) + ", the hub " + std::to_string(op.serverSeq));
            }
        }
    }
    for (const auto& [key, seq] : local) {
        if (!hub.ops.contains(key) && reported++ < 3) {
            failures.add("not converged: " + who + " holds " + describe(key) +
                         " which the hub does not have");
        }
    }

    // Field heads, conflicted flags and status per case.
    std::map<FieldKey, std::set<OpKey>> heads;
    for (const auto& h : deviceHeads(device)) {
        heads[{model.caseIndex(h.caseId), h.field}].insert(OpKey{model.deviceIndex(h.deviceId), h.deviceSeq});
    }
    for (const auto& [key, open] : hub.heads) {
        if (model.caseUnit(key.first) != unit) {
            continue;
        }
        const auto it = heads.find(key);
        const auto mine = it == heads.end() ? std::set<OpKey>{} : it->second;
        if (mine != open) {
            failures.add("not converged: " + who + " has " + where(key) + " open as " + list(mine) +
                         ", the hub as " + list(open));
        }
    }
    for (const auto& [key, open] : heads) {
        if (!hub.heads.contains(key)) {
            failures.add("not converged: " + who + " has " + where(key) + " open as " + list(open) +
                         ", the hub has no version");
        }
    }
    std::set<int> seen;
    for (const auto& c : deviceCases(device)) {
        const int index = model.caseIndex(c.caseId);
        seen.insert(index);
        const auto it = hub.cases.find(index);
        if (it == hub.cases.end()) {
            failures.add(who + " holds case " + caseName(index) + " the hub does not have");
            continue;
        }
        if (c.conflicted != it->second.conflicted) {
            failures.add("not converged: " + who + " marks case " + caseName(index) +
                         (c.conflicted ? " conflicted" : " not conflicted") + ", the hub does not");
        }
        if (c.status != it->second.status) {
            failures.add("not converged: " + who + " shows case " + caseName(index) + " as " + c.status +
                         ", the hub as " + it->second.status);
        }
    }
    for (const auto& [index, c] : hub.cases) {
        if (c.unit == unit && !seen.contains(index)) {
            failures.add("not converged: " + who + " lacks case " + caseName(index));
        }
    }

    // Partition checksum: the device's running value, the hub's and one recomputed from the hub's operations.
    auto position = store::SyncQueue(device.store()).position();
    auto head = center.store().operations().serverHead(unit);
    if (!position || !head) {
        throw SimAbort{who + ": position/serverHead failed"};
    }
    auto page = center.store().operations().changesSince(unit, *head, device.deviceId(), 1,
                                                         protocol::kDefaultPageBytes);
    if (!page) {
        throw SimAbort{"hub changesSince(): " + page.error().message};
    }
    if (position->checksum != page->checksum || page->checksum != xorOfHub) {
        failures.add("checksum: " + who + " has " + std::to_string(position->checksum) + ", the hub sends " +
                     std::to_string(page->checksum) + ", its operations give " + std::to_string(xorOfHub));
    }
    if (position->pendingOps != 0) {
        failures.add(who + " still has " + std::to_string(position->pendingOps) + " unacknowledged saves");
    }
    if (position->pullCursor != *head) {
        failures.add(who + " pull cursor " + std::to_string(position->pullCursor) + " is not at the head " +
                     std::to_string(*head));
    }
}

} // namespace

void checkCaseView(const Model& model, SimDevice& device, int caseIndex, const store::CaseDetails& details,
                   const std::string& when, Failures& failures) {
    const std::string who = "device d" + std::to_string(device.index());
    const auto known = knownOperations(device, model, model.caseId(caseIndex));
    for (const auto field : model.fieldsOf(caseIndex)) {
        const FieldKey key{caseIndex, field};
        const auto expected = model.headsIn(caseIndex, field, known);
        std::set<OpKey> shown;
        if (const auto it = details.registers.find(field); it != details.registers.end()) {
            for (const auto& v : it->second) {
                const OpKey version{model.deviceIndex(v.deviceId), v.deviceSeq};
                shown.insert(version);
                const std::string* value = model.valueOf(caseIndex, field, version);
                if (value == nullptr || *value != v.value) {
                    failures.add(when + ": " + who + " shows " + where(key) + " version " +
                                 describe(version) + " with value \"" + v.value + "\", written was \"" +
                                 (value ? *value : std::string("<nothing>")) + "\"");
                }
            }
        }
        if (shown != expected) {
            failures.add(when + ": " + who + " shows " + where(key) + " as " + list(shown) +
                         ", but what it knows leaves " + list(expected) + " in force");
        }
    }
    for (const auto& [field, versions] : details.registers) {
        const auto fields = model.fieldsOf(caseIndex);
        if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
            failures.add(when + ": " + who + " shows " + where({caseIndex, field}) + " which nobody wrote");
        }
    }
}

void checkInvariants(const Model& model, SimHub& hub, std::vector<std::unique_ptr<SimDevice>>& devices,
                     Prng& prng, int sampleCases, Failures& failures) {
    const HubView view = readHub(model, hub, failures);
    checkNothingLost(model, view, static_cast<int>(devices.size()), failures);
    checkModelAgainstHub(model, view, failures);
    for (auto& device : devices) {
        checkDevice(model, view, hub, *device, failures);
    }
    for (auto& device : devices) {
        const auto& cases = model.casesOf(device->unit());
        for (int i = 0; i < sampleCases && !cases.empty(); ++i) {
            const int index = cases[static_cast<std::size_t>(prng.below(cases.size()))];
            auto details = device->session().openCase(model.caseId(index), "simulation check");
            if (!details) {
                failures.add("device d" + std::to_string(device->index()) + " cannot open case " +
                             caseName(index) + ": " + details.error().message);
                continue;
            }
            checkCaseView(model, *device, index, *details, "after healing", failures);
        }
    }
}

} // namespace fieldkit::sim
