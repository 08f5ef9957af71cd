#include "enum_names.hpp"

#include <fieldkit/hw/profile.hpp>

namespace fieldkit::hw {

std::string_view toText(Orientation value) {
    return detail::nameOf<Orientation>(detail::kOrientationNames, value);
}
std::string_view toText(ExpectedLink value) {
    return detail::nameOf<ExpectedLink>(detail::kExpectedLinkNames, value);
}
std::string_view toText(Channel value) {
    return detail::nameOf<Channel>(detail::kChannelNames, value);
}
std::string_view toText(Theme value) {
    return detail::nameOf<Theme>(detail::kThemeNames, value);
}
std::string_view toText(AttachmentRule value) {
    return detail::nameOf<AttachmentRule>(detail::kAttachmentRuleNames, value);
}
std::string_view toText(BatteryMode value) {
    return detail::nameOf<BatteryMode>(detail::kBatteryModeNames, value);
}

} // namespace fieldkit::hw
