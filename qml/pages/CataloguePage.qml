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

    // The most lines any entry's `role` text wraps to at `width` (greedy word wrap, as Text.WordWrap), up to 3.
    function mostLines(metrics: FontMetrics, role: string, width: int): int {
        let most = 1;
        for (let i = 0; i < measure.count; ++i) {
            const entry = measure.objectAt(i);
            if (!entry)
                continue;
            let lines = 1;
            let line = "";
            for (const word of String(entry[role]).split(" ")) {
                const candidate = line === "" ? word : line + " " + word;
                if (line !== "" && metrics.advanceWidth(candidate) > width) {
                    ++lines;
                    line = word;
                } else {
                    line = candidate;
                }
            }
            most = Math.max(most, Math.min(3, lines));
        }
        return most;
    }

    signal openService(string code)
    signal serviceChosen(string code)

    objectName: root.choosing ? "enquiryPage" : "cataloguePage"
    title: root.choosing ? qsTr("New enquiry: choose the service") : qsTr("Service guide")
    background: Rectangle { color: Theme.background }

    FontMetrics {
        id: nameMetrics
        font.pixelSize: Theme.fontBody
        font.bold: true
    }
    FontMetrics {
        id: smallMetrics
        font.pixelSize: Theme.fontSmall
    }
    Instantiator {
        id: measure
        model: root.catalogue
        delegate: QtObject {
            required property string name
            required property string authority
        }
    }

    GridView {
        id: grid
        objectName: "serviceGrid"
        anchors.fill: parent
        anchors.margins: Math.round(Theme.spacing / 2)
        clip: true
        readonly property int minTileWidth: Math.max(Math.round(55 * Theme.pixelsPerMm), Theme.fontBody * 16)
        readonly property int columns: Math.max(1, Math.floor(width / minTileWidth))
        // Tiles are as tall as the longest name and authority need (at most three lines each, as wrapped at this
        // width), plus the attendance line, so none is cut and none is mostly empty.
        readonly property int textWidth: cellWidth - 2 * Math.ceil(Theme.spacing / 2) - 2 * Theme.spacing - 2
        readonly property int nameLines: root.mostLines(nameMetrics, "name", textWidth)
        readonly property int authorityLines: root.mostLines(smallMetrics, "authority", textWidth)
        cellWidth: Math.floor(width / columns)
        cellHeight: Math.max(Theme.touchTarget + Theme.spacing,
                             Math.ceil(nameLines * nameMetrics.lineSpacing + (authorityLines + 1) * smallMetrics.lineSpacing)
                             + 2 * Math.round(Theme.spacing / 2) + 2 * Math.ceil(Theme.spacing / 2) + 4)
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
