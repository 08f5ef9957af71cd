import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldkit

// The bar at the foot of a page that holds its main action, so it is on screen whatever the page scrolls.
// Buttons go in as children; they share the width and never wrap.
ToolBar {
    id: root

    default property alias buttons: row.data

    padding: Theme.spacing
    implicitHeight: Theme.touchTarget + 2 * Theme.spacing
    background: Rectangle {
        color: Theme.surface
        Rectangle {
            width: parent.width
            height: Theme.borderWidth
            color: Theme.border
        }
    }

    RowLayout {
        id: row
        anchors.fill: parent
        spacing: Theme.spacing
    }
}
