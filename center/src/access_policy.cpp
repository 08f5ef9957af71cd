#include <fieldkit/center/access_policy.hpp>

namespace fieldkit::center {

std::optional<Role> roleFromString(std::string_view code) {
    if (code == "caseworker") {
        return Role::Caseworker;
    }
    if (code == "teamlead") {
        return Role::Teamlead;
    }
    if (code == "admin") {
        return Role::Admin;
    }
    return std::nullopt;
}

std::string_view toString(Role role) {
    switch (role) {
    case Role::Caseworker:
        return "caseworker";
    case Role::Teamlead:
        return "teamlead";
    case Role::Admin:
        return "admin";
    }
    return "caseworker";
}

bool allowed(Route route, Role role) {
    switch (route) {
    case Route::Inbox:
    case Route::CaseView:
    case Route::RevealCpr:
    case Route::ChangeStatus:
        return role == Role::Caseworker || role == Role::Teamlead;
    case Route::AdminAudit:
    case Route::Fleet:
    case Route::EnrolmentCode:
    case Route::RevokeDevice:
    case Route::WipeDevice:
        return role == Role::Admin;
    }
    return false;
}

} // namespace fieldkit::center
