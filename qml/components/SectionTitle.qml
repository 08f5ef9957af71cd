import QtQuick
import QtQuick.Controls
import Fieldkit

// A heading inside a page.
Label {
    font.pixelSize: Theme.fontTitle
    font.bold: true
    color: Theme.text
    Accessible.role: Accessible.Heading
    Accessible.name: text
}
