import QtQuick
import QtQuick.Controls
import Fieldkit

// A framed surface grouping one topic on a page.
Pane {
    padding: Theme.spacing
    background: Rectangle {
        color: Theme.surface
        radius: Theme.radius
        border.color: Theme.border
        border.width: Theme.borderWidth
    }
}
