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

    height: Theme.touchTarget
    Accessible.name: root.service + ", " + root.status

    contentItem: RowLayout {
        spacing: Theme.spacing
        Label {
            text: root.service
            font.pixelSize: Theme.fontBody
            color: Theme.text
            Layout.fillWidth: true
        }
        Label {
            text: root.status
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
