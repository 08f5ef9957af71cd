import QtQuick
import QtQuick.Controls
import Fieldkit

// A text field one touch target tall; its label is its accessible name.
TextField {
    id: root

    property string label: ""

    implicitHeight: Theme.touchTarget
    font.pixelSize: Theme.fontBody
    color: Theme.text
    placeholderText: root.label
    placeholderTextColor: Theme.mutedText
    Accessible.name: root.label
    Accessible.role: Accessible.EditableText
    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.color: root.activeFocus ? Theme.accent : Theme.border
        border.width: root.activeFocus ? 2 * Theme.borderWidth : Theme.borderWidth
    }
}
