import QtQuick
import QtQuick.Controls
import Fieldkit

// A button on the green toolbar: light text on the accent, one touch target tall; its text is its name.
ToolButton {
    id: root

    implicitHeight: Theme.touchTarget
    implicitWidth: Math.max(Theme.touchTarget, implicitContentWidth + leftPadding + rightPadding)
    leftPadding: Theme.spacing
    rightPadding: Theme.spacing
    font.pixelSize: Theme.fontBody
    Accessible.name: root.text
    Accessible.role: Accessible.Button

    contentItem: Text {
        text: root.text
        font: root.font
        color: Theme.textOnAccent
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.NoWrap
    }
    background: Rectangle {
        radius: Theme.radius
        color: root.down ? Theme.accentPressed : Theme.accent
        border.color: Theme.textOnAccent
        border.width: Theme.borderWidth
    }
}
