#include <fieldkit/common/enrolment_link.hpp>

namespace fieldkit::common {
namespace {

constexpr std::string_view kScheme = "fieldkit-enrol:?";

} // namespace

std::string formatEnrolmentLink(const EnrolmentLink& link) {
    return std::string(kScheme) + "hub=" + link.hub + "&code=" + link.code;
}

Result<EnrolmentLink> parseEnrolmentLink(std::string_view text) {
    if (text.substr(0, kScheme.size()) != kScheme) {
        return makeError("bad_link",
                         "An enrolment link starts with fieldkit-enrol:? (from the center's QR code).");
    }
    EnrolmentLink link;
    std::string_view rest = text.substr(kScheme.size());
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const auto pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
        const auto eq = pair.find('=');
        const auto key = pair.substr(0, eq);
        const auto value = eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
        if (key == "hub") {
            link.hub = value;
        } else if (key == "code") {
            link.code = value;
        }
    }
    if (link.hub.empty() || link.code.empty()) {
        return makeError("bad_link", "The enrolment link lacks the center's address or the code.");
    }
    return link;
}

} // namespace fieldkit::common
