pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldkit

// A large tile for one service of the catalogue.
ItemDelegate {
    id: root

    required property string code
    required property string name
    required property string authority
    required property bool attendanceRequired

    Accessible.name: root.name
    background: Rectangle {
        color: root.down ? Theme.surfaceAlt : Theme.surface
        radius: Theme.radius
        border.color: Theme.border
        border.width: Theme.borderWidth
    }
    contentItem: ColumnLayout {
        spacing: Math.round(Theme.spacing / 2)
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
            maximumLineCount: 2
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
        }
    }
}
