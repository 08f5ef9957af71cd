#pragma once

#include <QDateTime>
#include <QString>
#include <fieldkit/core/channel.hpp>
#include <fieldkit/core/result.hpp>
#include <vector>

namespace fieldkit::app {

/** A registered contact (DOMAIN.md "Contacts and channel statistics"); clear data, never personal. */
struct ContactRecord {
    QDateTime at;
    core::Channel channel = core::Channel::Bike;
    QString serviceCode;
    core::ContactType type = core::ContactType::Information;
    bool resolvedAtFirstContact = false;
    QString referredTo; // authority, empty when not referred
};

/** Where contacts are kept; implemented in memory and by the store. */
class ContactRepository {
public:
    virtual ~ContactRepository() = default;

    [[nodiscard]] virtual Status addContact(const ContactRecord& contact) = 0;
    /** Contacts with `from <= at < to`, in time order. */
    [[nodiscard]] virtual std::vector<ContactRecord> contactsBetween(const QDateTime& from,
                                                                     const QDateTime& to) const = 0;
};

} // namespace fieldkit::app
