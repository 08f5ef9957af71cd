pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Fieldkit

// The service catalogue as large tiles.
Page {
    id: root

    required property var catalogue

    signal openService(string code)

    objectName: "cataloguePage"
    title: qsTr("Services")
    background: Rectangle { color: Theme.background }

    GridView {
        id: grid
        objectName: "serviceGrid"
        anchors.fill: parent
        anchors.margins: Theme.spacing
        clip: true
        readonly property int columns: Math.max(2, Math.floor(width / (Theme.touchTarget * 4)))
        cellWidth: Math.floor(width / columns)
        cellHeight: Math.round(Theme.touchTarget * 2.2)
        model: root.catalogue
        delegate: Item {
            id: cell
            required property string code
            required property string name
            required property string authority
            required property bool attendanceRequired
            width: grid.cellWidth
            height: grid.cellHeight
            ServiceTile {
                anchors.fill: parent
                anchors.margins: Math.round(Theme.spacing / 2)
                code: cell.code
                name: cell.name
                authority: cell.authority
                attendanceRequired: cell.attendanceRequired
                onClicked: root.openService(cell.code)
            }
        }
    }
}
