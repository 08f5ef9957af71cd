#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <fieldkit/hub/center_records.hpp>
#include <string>
#include <vector>

namespace fieldkit::hub {

/** Units and the center's key material: each unit's box key, and the serial numbers the center's CA issues.
 *  Every method is one transaction. */
class UnitStore {
public:
    virtual ~UnitStore() = default;

    /** Code unit_exists when the name is taken. */
    [[nodiscard]] virtual Status addUnit(const UnitRecord& unit) = 0;
    /** Code unknown_unit when there is none of that name. */
    [[nodiscard]] virtual Result<UnitRecord> unit(const std::string& name) = 0;
    [[nodiscard]] virtual Result<std::vector<std::string>> units() = 0;
    /** Next serial number for a certificate the center's CA issues. */
    [[nodiscard]] virtual Result<std::uint64_t> nextCertificateSerial() = 0;
};

} // namespace fieldkit::hub
