#include <fieldkit/core/channel.hpp>

namespace fieldkit::core {

std::string_view toString(Channel channel) {
    switch (channel) {
    case Channel::Bike:
        return "bike";
    case Channel::ToGo:
        return "to-go";
    case Channel::Kiosk:
        return "kiosk";
    case Channel::Phone:
        return "phone";
    case Channel::Counter:
        return "counter";
    case Channel::Web:
        return "web";
    }
    return "unknown";
}

Result<Channel> channelFromString(std::string_view code) {
    for (const Channel channel : kAllChannels) {
        if (toString(channel) == code) {
            return channel;
        }
    }
    return makeError("unknown_channel", "The contact channel is not one this version of fieldkit knows.");
}

std::string_view toString(ContactType type) {
    switch (type) {
    case ContactType::Information:
        return "information";
    case ContactType::Transaction:
        return "transaction";
    case ContactType::HelpToSelfService:
        return "help-to-self-service";
    }
    return "unknown";
}

Result<ContactType> contactTypeFromString(std::string_view code) {
    for (const ContactType type : kAllContactTypes) {
        if (toString(type) == code) {
            return type;
        }
    }
    return makeError("unknown_contact_type", "The contact type is not one this version of fieldkit knows.");
}

} // namespace fieldkit::core
