#pragma once

#include "prng.hpp"
#include "sim_failures.hpp"
#include "sim_model.hpp"
#include "sim_parties.hpp"

#include <fieldkit/store/store_types.hpp>
#include <memory>
#include <string>
#include <vector>

namespace fieldkit::sim {

/** A decrypted case as a person sees it on a device must show exactly the versions the model says are in
 *  force for what that device knows, with the values that were written. */
void checkCaseView(const Model& model, SimDevice& device, int caseIndex, const store::CaseDetails& details,
                   const std::string& when, Failures& failures);

/** The invariants after healing: nothing acknowledged lost, nothing applied twice, every unresolved
 *  concurrent version still open at the hub, every device converged with the hub, checksums equal, units
 *  partitioned. `sampleCases` cases per device are also decrypted and compared value by value. */
void checkInvariants(const Model& model, SimHub& hub, std::vector<std::unique_ptr<SimDevice>>& devices,
                     Prng& prng, int sampleCases, Failures& failures);

} // namespace fieldkit::sim
