#include <cmath>
#include <fieldkit/app/profile_settings.hpp>

namespace fieldkit::app {

ProfileSettings::ProfileSettings(hw::Profile profile, hw::ProfileSelection selection, QObject* parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_selection(std::move(selection)) {}

QString ProfileSettings::name() const {
    return QString::fromStdString(m_profile.name);
}

QString ProfileSettings::description() const {
    return QString::fromStdString(m_profile.description);
}

QString ProfileSettings::reason() const {
    return QString::fromStdString(m_selection.reason);
}

QString ProfileSettings::source() const {
    switch (m_selection.source) {
    case hw::SelectionSource::CommandLine:
        return QStringLiteral("command-line");
    case hw::SelectionSource::Environment:
        return QStringLiteral("environment");
    case hw::SelectionSource::DmiMatch:
        return QStringLiteral("dmi");
    case hw::SelectionSource::Fallback:
        return QStringLiteral("fallback");
    }
    return {};
}

double ProfileSettings::pixelsPerMm() const {
    const double scale = m_profile.display.scale > 0 ? m_profile.display.scale : 1.0;
    const double dpi = m_profile.display.dpi > 0 ? m_profile.display.dpi : 96.0;
    return dpi / 25.4 / scale;
}

int ProfileSettings::windowWidth() const {
    const double scale = m_profile.display.scale > 0 ? m_profile.display.scale : 1.0;
    return static_cast<int>(std::lround(m_profile.display.widthPx / scale));
}

int ProfileSettings::windowHeight() const {
    const double scale = m_profile.display.scale > 0 ? m_profile.display.scale : 1.0;
    return static_cast<int>(std::lround(m_profile.display.heightPx / scale));
}

QString ProfileSettings::channel() const {
    switch (m_profile.channel) {
    case hw::Channel::Bike:
        return QStringLiteral("bike");
    case hw::Channel::ToGo:
        return QStringLiteral("to-go");
    case hw::Channel::Kiosk:
        return QStringLiteral("kiosk");
    }
    return {};
}

} // namespace fieldkit::app
