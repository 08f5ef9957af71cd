#pragma once

#include <QObject>
#include <QString>
#include <fieldkit/hw/profile.hpp>
#include <fieldkit/hw/profile_selection.hpp>

namespace fieldkit::app {

/** The hardware profile in use, as QML reads it: theme, touch size, window size, kiosk, and why it was
 * chosen. */
class ProfileSettings : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString name READ name CONSTANT)
    Q_PROPERTY(QString description READ description CONSTANT)
    Q_PROPERTY(QString reason READ reason CONSTANT)
    Q_PROPERTY(QString source READ source CONSTANT)
    Q_PROPERTY(bool highContrast READ highContrast CONSTANT)
    Q_PROPERTY(double minTouchMm READ minTouchMm CONSTANT)
    Q_PROPERTY(double pixelsPerMm READ pixelsPerMm CONSTANT)
    Q_PROPERTY(int windowWidth READ windowWidth CONSTANT)
    Q_PROPERTY(int windowHeight READ windowHeight CONSTANT)
    Q_PROPERTY(QString channel READ channel CONSTANT)
    Q_PROPERTY(bool kioskMode READ kioskMode CONSTANT)
    Q_PROPERTY(bool fullScreen READ fullScreen CONSTANT)
    Q_PROPERTY(bool onScreenKeyboard READ onScreenKeyboard CONSTANT)
    Q_PROPERTY(bool gloveMode READ gloveMode CONSTANT)
    Q_PROPERTY(int idleLockMinutes READ idleLockMinutes CONSTANT)
    Q_PROPERTY(int kioskIdleResetSeconds READ kioskIdleResetSeconds CONSTANT)

public:
    ProfileSettings(hw::Profile profile, hw::ProfileSelection selection, QObject* parent = nullptr);

    [[nodiscard]] const hw::Profile& profile() const { return m_profile; }
    [[nodiscard]] QString name() const;
    [[nodiscard]] QString description() const;
    [[nodiscard]] QString reason() const;
    /** "command-line", "environment", "dmi", "fallback": QML turns it into a translated sentence. */
    [[nodiscard]] QString source() const;
    [[nodiscard]] bool highContrast() const { return m_profile.theme == hw::Theme::HighContrast; }
    [[nodiscard]] double minTouchMm() const { return m_profile.input.minTouchTargetMm; }
    /** Logical pixels per millimetre from the profile's DPI and scale (screens often misreport their DPI). */
    [[nodiscard]] double pixelsPerMm() const;
    /** The profile's resolution in logical pixels (resolution / scale). */
    [[nodiscard]] int windowWidth() const;
    [[nodiscard]] int windowHeight() const;
    /** Channel preset as a core code: "bike", "to-go", "kiosk". */
    [[nodiscard]] QString channel() const;
    /** The station kiosk: citizen-facing welcome screen and idle reset. */
    [[nodiscard]] bool kioskMode() const { return m_profile.channel == hw::Channel::Kiosk; }
    [[nodiscard]] bool fullScreen() const { return m_profile.kiosk.lockDown; }
    [[nodiscard]] bool onScreenKeyboard() const { return m_profile.input.onScreenKeyboard; }
    /** Whether the app starts in glove mode (input.glove_mode); staff can switch it in Settings. */
    [[nodiscard]] bool gloveMode() const { return m_profile.input.gloveMode; }
    [[nodiscard]] int idleLockMinutes() const { return m_profile.security.idleLockMinutes; }
    [[nodiscard]] int kioskIdleResetSeconds() const { return m_profile.kiosk.idleResetSeconds; }

private:
    hw::Profile m_profile;
    hw::ProfileSelection m_selection;
};

} // namespace fieldkit::app
