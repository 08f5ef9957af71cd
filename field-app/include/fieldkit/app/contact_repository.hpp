#pragma once

#include <QDateTime>
#include <QString>
#include <fieldkit/core/channel.hpp>
#include <fieldkit/core/result.hpp>
#include <map>

namespace fieldkit::app {

/** A registered contact (DOMAIN.md "Contacts and channel statistics"); clear data, never personal. */
struct ContactRecord {
    QDateTime at;
    core::Channel channel = core::Channel::Bike;
    QString serviceCode;
    core::ContactType type = core::ContactType::Information;
    bool resolvedAtFirstContact = false;
    QString referredTo; // authority, empty when not referred
    QString citizenCpr; // optional, ten digits; the store keeps only its blind hash (the pseudonymous
                        // reference that ties the contact to the citizen's cases on this device)
};

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

/** Where contacts are kept; implemented in memory and by the store (which keeps counts, not a list). */
class ContactRepository {
public:
    virtual ~ContactRepository() = default;

    /** The store stamps the contact with its own clock; `contact.at` is for the in-memory list. */
    [[nodiscard]] virtual Status addContact(const ContactRecord& contact) = 0;
    /** Counts of the contacts with `from <= at < to`; fails while the store is locked. */
    [[nodiscard]] virtual Result<ContactStatistics> statisticsBetween(const QDateTime& from,
                                                                      const QDateTime& to) const = 0;
};

} // namespace fieldkit::app
