#pragma once

#include <compare>
#include <cstdint>
#include <fieldkit/core/id128.hpp>
#include <fieldkit/protocol/codec.hpp>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace fieldkit::sim {

using CaseBytes = std::vector<std::uint8_t>;

/** Names one operation by the simulation's device index and the device's sequence number. */
struct OpKey {
    int device = -1;
    std::uint64_t seq = 0;
    friend auto operator<=>(const OpKey&, const OpKey&) = default;
};

[[nodiscard]] std::string describe(const OpKey& key);

/**
 * What should be true, kept independently of the product: every operation each device made, every value
 * written to a register field together with the versions its author saw (and so superseded), and the
 * first answer the hub gave to each pushed operation.
 *
 * Merge rule of the specification, not of the code: a set supersedes every version in force in its
 * author's view; a resolve supersedes the versions it names; what nobody superseded stays open, so two
 * versions written without seeing each other both stay open (a conflict) until someone resolves them.
 */
class Model {
public:
    int addDevice(const std::string& deviceId, const std::string& unit);
    [[nodiscard]] int deviceIndex(const std::string& deviceId) const;
    [[nodiscard]] const std::string& deviceId(int index) const { return m_devices.at(index).id; }
    [[nodiscard]] const std::string& deviceUnit(int index) const { return m_devices.at(index).unit; }

    int addCase(const core::CaseId& id, const std::string& unit, int creator);
    [[nodiscard]] int caseIndex(const CaseBytes& id) const;
    [[nodiscard]] const core::CaseId& caseId(int index) const { return m_cases.at(index).id; }
    [[nodiscard]] const std::string& caseUnit(int index) const { return m_cases.at(index).unit; }
    [[nodiscard]] int caseCreator(int index) const { return m_cases.at(index).creator; }
    [[nodiscard]] int caseCount() const { return static_cast<int>(m_cases.size()); }
    /** Cases of `unit` in the order they were created. */
    [[nodiscard]] const std::vector<int>& casesOf(const std::string& unit) const;

    void recordOperation(const OpKey& key, int caseIndex, const std::string& status);
    void recordWrite(int caseIndex, std::uint32_t field, const OpKey& key, std::string value,
                     std::set<OpKey> closes);

    /** The versions of a register field in force for someone who knows exactly the operations `known`. */
    [[nodiscard]] std::set<OpKey> headsIn(int caseIndex, std::uint32_t field,
                                          const std::set<OpKey>& known) const;
    /** The versions in force once everything is known. */
    [[nodiscard]] std::set<OpKey> expectedHeads(int caseIndex, std::uint32_t field) const;
    [[nodiscard]] std::vector<std::uint32_t> fieldsOf(int caseIndex) const;
    [[nodiscard]] const std::string* valueOf(int caseIndex, std::uint32_t field, const OpKey& key) const;

    /** Every operation the device made, ascending. */
    [[nodiscard]] const std::map<std::uint64_t, int>& operationsOf(int device) const;
    [[nodiscard]] std::size_t operationCount() const;

    /** Checks an answer the hub produced against its first answer to the same operation; empty when fine. */
    [[nodiscard]] std::optional<std::string> checkAck(const OpKey& key, const protocol::PushAck& ack,
                                                      bool& wasRepeat);

private:
    struct Device {
        std::string id;
        std::string unit;
        std::map<std::uint64_t, int> ops; // device_seq -> case index
    };
    struct Case {
        core::CaseId id;
        std::string unit;
        int creator = -1;
    };
    struct Write {
        std::string value;
        std::set<OpKey> closes;
    };

    std::vector<Device> m_devices;
    std::map<std::string, int> m_deviceByName;
    std::vector<Case> m_cases;
    std::map<CaseBytes, int> m_caseByBytes;
    std::map<std::string, std::vector<int>> m_casesByUnit;
    std::map<std::pair<int, std::uint32_t>, std::map<OpKey, Write>> m_writes;
    std::map<OpKey, protocol::PushAck> m_firstAcks;
};

} // namespace fieldkit::sim
