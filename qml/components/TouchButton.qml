import QtQuick
import QtQuick.Controls
import Fieldkit

// A button at least one touch target tall, readable in sunlight; its text is its accessible name. The label
// never wraps: a button is as wide as its label needs (layouts give it room or the label gets shorter).
Button {
    id: root

    property bool primary: false
    property bool danger: false
    readonly property bool filled: root.primary || root.danger

    implicitHeight: Theme.touchTarget
    implicitWidth: Math.max(Theme.touchTarget * 2, implicitContentWidth + leftPadding + rightPadding)
    leftPadding: Theme.spacing
    rightPadding: Theme.spacing
    font.pixelSize: Theme.fontBody
    Accessible.name: root.text
    Accessible.role: Accessible.Button

    contentItem: Text {
        text: root.text
        font: root.font
        color: root.filled ? Theme.textOnAccent : Theme.text
        opacity: root.enabled ? 1 : 0.5
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.NoWrap
    }

    background: Rectangle {
        radius: Theme.radius
        color: {
            if (root.danger)
                return Theme.danger;
            if (root.primary)
                return root.down ? Theme.accentPressed : Theme.accent;
            return root.down || root.checked ? Theme.surfaceAlt : Theme.surface;
        }
        border.color: root.checked ? Theme.accent : root.filled ? "transparent" : Theme.border
        border.width: root.checked ? 3 * Theme.borderWidth : Theme.borderWidth
        opacity: root.enabled ? 1 : 0.5
    }
}
