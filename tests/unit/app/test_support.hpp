#pragma once

#include <QDateTime>
#include <QTimeZone>
#include <fieldkit/app/in_memory_backends.hpp>
#include <fieldkit/hw/profile_files.hpp>
#include <string>

namespace fieldkit::app::test {

/** A fixed wall clock that a test moves by hand. */
struct ManualWallClock {
    QDateTime now{QDate(2024, 5, 14), QTime(10, 0), QTimeZone::utc()};
    [[nodiscard]] WallClock fn() {
        return [this] { return now; };
    }
};

/** One of the shipped hardware profiles. */
inline hw::Profile shippedProfile(const std::string& name) {
    auto profile = hw::loadNamedProfile(name, hw::shippedProfilesDir());
    return std::move(profile).value();
}

} // namespace fieldkit::app::test
