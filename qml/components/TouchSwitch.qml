import QtQuick
import QtQuick.Controls
import Fieldkit

// An on/off switch one touch target tall, drawn from the theme (track border ≥ 3:1 in both states).
Switch {
    id: root

    implicitHeight: Theme.touchTarget
    implicitWidth: implicitContentWidth
    font.pixelSize: Theme.fontBody
    spacing: Theme.spacing
    Accessible.name: root.text
    Accessible.role: Accessible.CheckBox

    indicator: Rectangle {
        x: 0
        y: (root.height - height) / 2
        width: Math.round(Theme.touchTarget * 1.6)
        height: Math.round(Theme.touchTarget * 0.7)
        radius: height / 2
        color: root.checked ? Theme.accent : Theme.surface
        border.color: root.checked ? Theme.accent : Theme.border
        border.width: 2 * Theme.borderWidth
        Rectangle {
            x: root.checked ? parent.width - width - 4 : 4
            y: 4
            width: parent.height - 8
            height: width
            radius: width / 2
            color: root.checked ? Theme.textOnAccent : Theme.border
        }
    }
    contentItem: Text {
        leftPadding: Math.round(Theme.touchTarget * 1.6) + root.spacing
        text: root.text
        font: root.font
        color: Theme.text
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.NoWrap
    }
}
