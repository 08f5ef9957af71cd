pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Fieldkit

// The service catalogue as tiles. Choosing (a new enquiry) a tile picks the service for the case; otherwise
// it opens the service's guide page. Tiles are as wide as two lines of a service name need, so none is cut.
Page {
    id: root

    required property var catalogue
    property bool choosing: false

    signal openService(string code)
    signal serviceChosen(string code)

    objectName: root.choosing ? "enquiryPage" : "cataloguePage"
    title: root.choosing ? qsTr("New enquiry: choose the service") : qsTr("Service guide")
    background: Rectangle { color: Theme.background }

    GridView {
        id: grid
        objectName: "serviceGrid"
        anchors.fill: parent
        anchors.margins: Math.round(Theme.spacing / 2)
        clip: true
        readonly property int minTileWidth: Math.max(Math.round(55 * Theme.pixelsPerMm), Theme.fontBody * 16)
        readonly property int columns: Math.max(1, Math.floor(width / minTileWidth))
        readonly property int lineBody: Math.ceil(Theme.fontBody * 1.3)
        readonly property int lineSmall: Math.ceil(Theme.fontSmall * 1.3)
        cellWidth: Math.floor(width / columns)
        // Three lines of name, three of authority and one of attendance, the padding and the gap between tiles.
        cellHeight: Math.max(2 * Theme.touchTarget + Theme.spacing,
                             3 * lineBody + 4 * lineSmall + 2 * Math.round(Theme.spacing / 2) + 2 * Math.ceil(Theme.spacing / 2))
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
                objectName: "serviceTile_" + cell.code
                anchors.fill: parent
                anchors.margins: Math.ceil(Theme.spacing / 2)
                code: cell.code
                name: cell.name
                authority: cell.authority
                attendanceRequired: cell.attendanceRequired
                onClicked: root.choosing ? root.serviceChosen(cell.code) : root.openService(cell.code)
            }
        }
    }
}
