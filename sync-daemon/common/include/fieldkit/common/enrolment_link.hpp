#pragma once

#include <fieldkit/core/result.hpp>
#include <string>
#include <string_view>

namespace fieldkit::common {

/** What `fieldkit-syncd enroll` needs, in one line a QR code carries. */
struct EnrolmentLink {
    std::string hub;  // "HOST:PORT"
    std::string code; // as displayed, "ABCD-EFGH-…"
};

/** "fieldkit-enrol:?hub=HOST:PORT&code=ABCD-EFGH-…". */
[[nodiscard]] std::string formatEnrolmentLink(const EnrolmentLink& link);
/** The inverse; code "bad_link" (with what is wrong) for anything else. Checks neither address nor code. */
[[nodiscard]] Result<EnrolmentLink> parseEnrolmentLink(std::string_view text);

} // namespace fieldkit::common
