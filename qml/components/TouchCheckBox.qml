import QtQuick
import QtQuick.Controls
import Fieldkit

// A check box one touch target square (its label, if any, beside it), drawn from the theme.
CheckBox {
    id: root

    implicitHeight: Theme.touchTarget
    implicitWidth: root.text !== "" ? implicitContentWidth : Theme.touchTarget
    font.pixelSize: Theme.fontBody
    spacing: Theme.spacing
    padding: 0
    Accessible.name: root.text
    Accessible.role: Accessible.CheckBox

    indicator: Rectangle {
        x: 0
        y: (root.height - height) / 2
        width: Theme.touchTarget
        height: Theme.touchTarget
        radius: Theme.radius
        color: root.checked ? Theme.accent : Theme.surface
        border.color: root.checked ? Theme.accent : Theme.border
        border.width: 2 * Theme.borderWidth
        Text {
            anchors.centerIn: parent
            visible: root.checked
            text: "✓"
            color: Theme.textOnAccent
            font.pixelSize: Theme.fontTitle
            font.bold: true
        }
    }
    contentItem: Text {
        leftPadding: Theme.touchTarget + root.spacing
        text: root.text
        font: root.font
        color: Theme.text
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.NoWrap
    }
}
