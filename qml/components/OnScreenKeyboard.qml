import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

// Qt Virtual Keyboard for touch-only profiles (kiosk, tablets); slides in only while a field has focus.
InputPanel {
    id: root

    visible: root.active
    Component.onCompleted: VirtualKeyboardSettings.locale = "da_DK"
}
