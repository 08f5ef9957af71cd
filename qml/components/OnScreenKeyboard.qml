import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
import Fieldkit

// Qt Virtual Keyboard for touch-only profiles (kiosk, tablets); slides in only while a field has focus. Drawn
// by the app's own keyboard style ("fieldkit", qml/keyboard/style.qml) from the theme.
InputPanel {
    id: root

    visible: root.active
    onWidthChanged: Theme.keyboardWidth = root.width
    Component.onCompleted: {
        Theme.keyboardWidth = root.width;
        VirtualKeyboardSettings.styleName = "fieldkit";
        VirtualKeyboardSettings.locale = "da_DK";
    }
}
