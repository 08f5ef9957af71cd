#pragma once

#include <QString>
#include <fieldkit/app/contact_repository.hpp>
#include <map>
#include <span>

namespace fieldkit::app {

/** Counts for the day's report: per channel, per service, and the shares the municipality tracks. */
struct ContactStatistics {
    int total = 0;
    std::map<core::Channel, int> perChannel;
    std::map<QString, int> perService;
    int helpToSelfService = 0;
    int resolvedAtFirstContact = 0;

    /** 0..1; 0 when there were no contacts. */
    [[nodiscard]] double helpToSelfServiceShare() const {
        return total == 0 ? 0.0 : static_cast<double>(helpToSelfService) / total;
    }
    [[nodiscard]] double resolvedAtFirstContactShare() const {
        return total == 0 ? 0.0 : static_cast<double>(resolvedAtFirstContact) / total;
    }
};

[[nodiscard]] ContactStatistics computeContactStatistics(std::span<const ContactRecord> contacts);

} // namespace fieldkit::app
