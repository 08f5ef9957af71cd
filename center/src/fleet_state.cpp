#include <fieldkit/center/fleet_state.hpp>

namespace fieldkit::center {

DeviceState deviceState(const hub::FleetDevice& d) {
    if (d.wipeConfirmedMs != 0) {
        return DeviceState::Wiped;
    }
    if (d.wipeIssuedMs != 0) {
        return DeviceState::WipeOrdered;
    }
    if (d.revoked) {
        return DeviceState::Revoked;
    }
    return d.lastSeenMs == 0 ? DeviceState::AwaitingContact : DeviceState::Active;
}

bool mayRevoke(DeviceState state) {
    return state == DeviceState::Active || state == DeviceState::AwaitingContact;
}

bool mayOrderWipe(DeviceState state) {
    return state == DeviceState::Active || state == DeviceState::AwaitingContact ||
           state == DeviceState::Revoked;
}

std::string_view toString(DeviceState state) {
    switch (state) {
    case DeviceState::AwaitingContact:
        return "awaiting";
    case DeviceState::Active:
        return "active";
    case DeviceState::Revoked:
        return "revoked";
    case DeviceState::WipeOrdered:
        return "wipe_ordered";
    case DeviceState::Wiped:
        return "wiped";
    }
    return "active";
}

} // namespace fieldkit::center
