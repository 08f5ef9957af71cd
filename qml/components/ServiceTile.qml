pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldkit

// A tile for one service of the catalogue: name (up to two lines), authority, attendance.
ItemDelegate {
    id: root

    required property string code
    required property string name
    required property string authority
    required property bool attendanceRequired

    padding: Theme.spacing
    topPadding: Math.round(Theme.spacing / 2)
    bottomPadding: Math.round(Theme.spacing / 2)
    Accessible.role: Accessible.Button
    Accessible.name: root.attendanceRequired ? qsTr("%1, personal attendance").arg(root.name) : root.name
    background: Rectangle {
        color: root.down ? Theme.surfaceAlt : Theme.surface
        radius: Theme.radius
        border.color: Theme.border
        border.width: Theme.borderWidth
    }
    contentItem: ColumnLayout {
        spacing: 0
        Label {
            text: root.name
            font.pixelSize: Theme.fontBody
            font.bold: true
            color: Theme.text
            wrapMode: Text.WordWrap
            maximumLineCount: 3
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Label {
            text: root.authority
            font.pixelSize: Theme.fontSmall
            color: Theme.mutedText
            wrapMode: Text.WordWrap
            maximumLineCount: 3
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Item {
            Layout.fillHeight: true
        }
        Label {
            visible: root.attendanceRequired
            text: qsTr("Personal attendance")
            font.pixelSize: Theme.fontSmall
            font.bold: true
            color: Theme.warning
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
    }
}
