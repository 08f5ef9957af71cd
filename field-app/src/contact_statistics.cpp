#include <fieldkit/app/contact_statistics.hpp>

namespace fieldkit::app {

ContactStatistics computeContactStatistics(std::span<const ContactRecord> contacts) {
    ContactStatistics s;
    for (const auto& c : contacts) {
        ++s.total;
        ++s.perChannel[c.channel];
        ++s.perService[c.serviceCode];
        s.helpToSelfService += c.type == core::ContactType::HelpToSelfService ? 1 : 0;
        s.resolvedAtFirstContact += c.resolvedAtFirstContact ? 1 : 0;
    }
    return s;
}

} // namespace fieldkit::app
