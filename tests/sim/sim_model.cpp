#include "sim_model.hpp"

namespace fieldkit::sim {

std::string describe(const OpKey& key) {
    return "d" + std::to_string(key.device) + "#" + std::to_string(key.seq);
}

int Model::addDevice(const std::string& deviceId, const std::string& unit) {
    m_devices.push_back(Device{deviceId, unit, {}});
    const int index = static_cast<int>(m_devices.size()) - 1;
    m_deviceByName[deviceId] = index;
    return index;
}

int Model::deviceIndex(const std::string& deviceId) const {
    const auto it = m_deviceByName.find(deviceId);
    return it == m_deviceByName.end() ? -1 : it->second;
}

int Model::addCase(const core::CaseId& id, const std::string& unit, int creator) {
    m_cases.push_back(Case{id, unit, creator});
    const int index = static_cast<int>(m_cases.size()) - 1;
    m_caseByBytes[CaseBytes(id.bytes().begin(), id.bytes().end())] = index;
    m_casesByUnit[unit].push_back(index);
    return index;
}

int Model::caseIndex(const CaseBytes& id) const {
    const auto it = m_caseByBytes.find(id);
    return it == m_caseByBytes.end() ? -1 : it->second;
}

const std::vector<int>& Model::casesOf(const std::string& unit) const {
    static const std::vector<int> kNone;
    const auto it = m_casesByUnit.find(unit);
    return it == m_casesByUnit.end() ? kNone : it->second;
}

void Model::recordOperation(const OpKey& key, int caseIndex, const std::string& /*status*/) {
    m_devices.at(key.device).ops[key.seq] = caseIndex;
}

void Model::recordWrite(int caseIndex, std::uint32_t field, const OpKey& key, std::string value,
                        std::set<OpKey> closes) {
    m_writes[{caseIndex, field}][key] = Write{std::move(value), std::move(closes)};
}

std::set<OpKey> Model::headsIn(int caseIndex, std::uint32_t field, const std::set<OpKey>& known) const {
    std::set<OpKey> heads;
    const auto it = m_writes.find({caseIndex, field});
    if (it == m_writes.end()) {
        return heads;
    }
    std::set<OpKey> closed;
    for (const auto& [key, write] : it->second) {
        if (known.contains(key)) {
            closed.insert(write.closes.begin(), write.closes.end());
        }
    }
    for (const auto& [key, write] : it->second) {
        if (known.contains(key) && !closed.contains(key)) {
            heads.insert(key);
        }
    }
    return heads;
}

std::set<OpKey> Model::expectedHeads(int caseIndex, std::uint32_t field) const {
    std::set<OpKey> all;
    if (const auto it = m_writes.find({caseIndex, field}); it != m_writes.end()) {
        for (const auto& [key, write] : it->second) {
            all.insert(key);
        }
    }
    return headsIn(caseIndex, field, all);
}

std::vector<std::uint32_t> Model::fieldsOf(int caseIndex) const {
    std::vector<std::uint32_t> out;
    for (auto it = m_writes.lower_bound({caseIndex, 0}); it != m_writes.end() && it->first.first == caseIndex;
         ++it) {
        out.push_back(it->first.second);
    }
    return out;
}

const std::string* Model::valueOf(int caseIndex, std::uint32_t field, const OpKey& key) const {
    const auto it = m_writes.find({caseIndex, field});
    if (it == m_writes.end()) {
        return nullptr;
    }
    const auto w = it->second.find(key);
    return w == it->second.end() ? nullptr : &w->second.value;
}

const std::map<std::uint64_t, int>& Model::operationsOf(int device) const {
    return m_devices.at(device).ops;
}

std::size_t Model::operationCount() const {
    std::size_t n = 0;
    for (const auto& d : m_devices) {
        n += d.ops.size();
    }
    return n;
}

std::optional<std::string> Model::checkAck(const OpKey& key, const protocol::PushAck& ack, bool& wasRepeat) {
    wasRepeat = false;
    const auto it = m_firstAcks.find(key);
    if (it == m_firstAcks.end()) {
        m_firstAcks.emplace(key, ack);
        if (ack.result() == protocol::PushAck::REJECTED) {
            return "the hub rejected " + describe(key) + ": " + ack.reason();
        }
        if (ack.result() == protocol::PushAck::DUPLICATE) {
            return "the hub answered DUPLICATE to " + describe(key) + " the first time it saw it";
        }
        return std::nullopt;
    }
    wasRepeat = true;
    const auto& first = it->second;
    const auto expected =
        first.result() == protocol::PushAck::APPLIED ? protocol::PushAck::DUPLICATE : first.result();
    if (ack.result() != expected || ack.server_seq() != first.server_seq()) {
        return "a repeated push of " + describe(key) + " got result " + std::to_string(ack.result()) +
               " server_seq " + std::to_string(ack.server_seq()) + ", first answer was result " +
               std::to_string(first.result()) + " server_seq " + std::to_string(first.server_seq());
    }
    return std::nullopt;
}

} // namespace fieldkit::sim
