#pragma once

#include <fieldkit/core/result.hpp>
#include <fieldkit/store/store_types.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace fieldkit::ctl {

/** Reads the case JSON of `case create`:
 *  {"service", "channel", "citizen": {"cpr", "name", "address", "phone"}, "notes": [...], "checklist":
 * {...}}. Errors name the field, never its value. */
[[nodiscard]] Result<store::NewCase> parseNewCase(std::string_view json);

/** Reads the contact JSON of `contact add`. */
[[nodiscard]] Result<store::ContactRecord> parseContact(std::string_view json);

[[nodiscard]] std::string summariesToJson(const std::vector<store::CaseSummary>& cases);
[[nodiscard]] std::string detailsToJson(const store::CaseDetails& details);

} // namespace fieldkit::ctl
