#pragma once

#include "sim_model.hpp"
#include "sim_parties.hpp"

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace fieldkit::sim {

/** Reads a device's store file directly with SQL: the simulation's view behind the product's API (there is
 *  no API for "every operation" or "every field head", and the checks must not trust the code they check).
 *  A failing query throws SimAbort. */
struct DeviceOp {
    CaseBytes caseId;
    std::string deviceId;
    std::uint64_t deviceSeq = 0;
    std::int64_t serverSeq = -1; // -1 while unacknowledged
    bool rejected = false;
};

struct DeviceHead {
    CaseBytes caseId;
    std::uint32_t field = 0;
    std::string deviceId;
    std::uint64_t deviceSeq = 0;
};

struct DeviceCase {
    CaseBytes caseId;
    std::string status;
    std::string unit;
    bool conflicted = false;
};

[[nodiscard]] std::vector<DeviceOp> deviceOperations(SimDevice& device);
[[nodiscard]] std::vector<DeviceHead> deviceHeads(SimDevice& device);
[[nodiscard]] std::vector<DeviceCase> deviceCases(SimDevice& device);
/** The operations of one case the device holds, as model keys (unknown devices throw). */
[[nodiscard]] std::set<OpKey> knownOperations(SimDevice& device, const Model& model, const core::CaseId& id);
[[nodiscard]] bool hasCase(SimDevice& device, const core::CaseId& id);
[[nodiscard]] std::int64_t openVersions(SimDevice& device, const core::CaseId& id, std::uint32_t field);
[[nodiscard]] std::string caseStatus(SimDevice& device, const core::CaseId& id);
/** The device_seq of the device's newest operation. */
[[nodiscard]] std::uint64_t lastDeviceSeq(SimDevice& device);
/** Conflicted (case, field) pairs in the order they arose on the device. */
[[nodiscard]] std::vector<std::pair<CaseBytes, std::uint32_t>> conflictedFields(SimDevice& device);

} // namespace fieldkit::sim
