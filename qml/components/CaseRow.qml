pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldkit

// One case in a list: clear metadata only (service, status, last change); never personal data.
ItemDelegate {
    id: root

    required property string caseId
    required property string service
    required property string status
    required property string updated
    required property bool conflicted

    implicitHeight: Theme.touchTarget
    Accessible.name: root.service + ", " + Texts.statusName(root.status) + (root.conflicted ? ", " + qsTr("conflict") : "")
    background: Rectangle {
        color: root.down ? Theme.surfaceAlt : Theme.surface
        radius: Theme.radius
        border.color: root.conflicted ? Theme.warning : Theme.border
        border.width: root.conflicted ? 2 * Theme.borderWidth : Theme.borderWidth
    }

    contentItem: RowLayout {
        spacing: Theme.spacing
        Label {
            text: root.service
            font.pixelSize: Theme.fontBody
            color: Theme.text
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Label {
            visible: root.conflicted
            text: qsTr("Conflict")
            font.pixelSize: Theme.fontSmall
            font.bold: true
            color: Theme.warning
        }
        Label {
            text: Texts.statusName(root.status)
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
        }
        Label {
            text: root.updated
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
        }
    }
}
