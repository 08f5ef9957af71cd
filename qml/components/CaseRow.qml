pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldkit

// One case in a list, in two lines: the service and its status chip; when it changed, whether the center has
// it yet, and conflicts. Clear metadata only: never personal data.
ItemDelegate {
    id: root

    required property string caseId
    required property string service
    required property string status
    required property string updated
    required property string day
    readonly property string when: Texts.whenText(root.day, root.updated)
    required property bool conflicted
    required property bool pending

    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
    padding: Theme.spacing
    topPadding: Math.round(Theme.spacing / 2)
    bottomPadding: Math.round(Theme.spacing / 2)
    Accessible.role: Accessible.Button
    Accessible.name: {
        const parts = [root.service, Texts.statusName(root.status), root.when];
        if (root.pending)
            parts.push(qsTr("not sent"));
        if (root.conflicted)
            parts.push(qsTr("conflict"));
        return parts.join(", ");
    }
    background: Rectangle {
        color: root.down ? Theme.surfaceAlt : Theme.surface
        radius: Theme.radius
        border.color: root.conflicted ? Theme.warning : Theme.border
        border.width: root.conflicted ? 2 * Theme.borderWidth : Theme.borderWidth
    }

    contentItem: ColumnLayout {
        spacing: Math.round(Theme.spacing / 3)
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                objectName: "caseRowService"
                text: root.service
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.text
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            StatusChip {
                status: root.status
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                objectName: "caseRowUpdated"
                text: root.when
                font.pixelSize: Theme.fontSmall
                color: Theme.mutedText
            }
            Label {
                objectName: "caseRowPending"
                visible: root.pending
                text: qsTr("not sent")
                font.pixelSize: Theme.fontSmall
                font.bold: true
                color: Theme.warning
            }
            Label {
                objectName: "caseRowConflict"
                visible: root.conflicted
                text: qsTr("Conflict")
                font.pixelSize: Theme.fontSmall
                font.bold: true
                color: Theme.warning
            }
            Item {
                Layout.fillWidth: true
            }
        }
    }
}
