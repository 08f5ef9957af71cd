import QtQuick
import QtQuick.Controls
import Fieldkit

// Running text in the body size, wrapping.
Label {
    property bool muted: false

    font.pixelSize: Theme.fontBody
    color: muted ? Theme.mutedText : Theme.text
    wrapMode: Text.WordWrap
    Accessible.name: text
}
