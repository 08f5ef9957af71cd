import QtQuick
import QtQuick.Controls
import Fieldkit

// A button at least one touch target tall, readable in sunlight; its text is its accessible name.
Button {
    id: root

    property bool primary: false
    property bool danger: false

    implicitHeight: Theme.touchTarget
    implicitWidth: Math.max(Theme.touchTarget * 2, contentItem.implicitWidth + 2 * Theme.spacing)
    font.pixelSize: Theme.fontBody
    Accessible.name: root.text
    Accessible.role: Accessible.Button

    contentItem: Text {
        text: root.text
        font: root.font
        color: root.primary || root.danger ? Theme.onAccent : Theme.text
        opacity: root.enabled ? 1 : 0.5
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.WordWrap
    }

    background: Rectangle {
        radius: Theme.radius
        color: root.danger ? Theme.danger : root.primary ? Theme.accent : (root.checked ? Theme.surfaceAlt : Theme.surface)
        border.color: root.checked ? Theme.accent : Theme.border
        border.width: root.checked ? 3 * Theme.borderWidth : Theme.borderWidth
        opacity: root.down ? 0.7 : 1
    }
}
