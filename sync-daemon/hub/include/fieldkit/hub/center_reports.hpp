#pragma once

#include <fieldkit/core/result.hpp>
#include <fieldkit/hub/center_records.hpp>

namespace fieldkit::hub {

/** Counts across every concern, for `fieldkit-hub stats` and the status pages; no personal data. */
class CenterReports {
public:
    virtual ~CenterReports() = default;

    [[nodiscard]] virtual Result<CenterStats> stats() = 0;
};

} // namespace fieldkit::hub
