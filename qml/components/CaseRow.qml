pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldkit

// One case in a list, in two lines: the service and its status chip; the citizen (initials and the masked CPR
// number, never the full one), when it changed, whether the center has it yet, signature, checklist progress
// and conflicts. Reading the citizen cue is a logged look (the model does it only for rows on screen).
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
    required property string citizenCue
    required property int checklistDone
    required property int checklistTotal
    required property bool signed
    readonly property string progress: root.checklistTotal > 0 ? qsTr("checklist %1/%2").arg(root.checklistDone).arg(root.checklistTotal) : ""

    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
    padding: Theme.spacing
    topPadding: Math.round(Theme.spacing / 2)
    bottomPadding: Math.round(Theme.spacing / 2)
    Accessible.role: Accessible.Button
    Accessible.name: {
        const parts = [root.service, Texts.statusName(root.status)];
        if (root.citizenCue !== "")
            parts.push(root.citizenCue);
        parts.push(root.when);
        if (root.signed)
            parts.push(qsTr("signed"));
        if (root.progress !== "")
            parts.push(root.progress);
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
                objectName: "caseRowCitizen"
                visible: root.citizenCue !== ""
                text: root.citizenCue
                font.pixelSize: Theme.fontSmall
                font.bold: true
                color: Theme.text
            }
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
                objectName: "caseRowSigned"
                visible: root.signed
                text: "✓ " + qsTr("signed")
                font.pixelSize: Theme.fontSmall
                color: Theme.accent
            }
            Label {
                objectName: "caseRowProgress"
                visible: root.progress !== ""
                text: root.progress
                font.pixelSize: Theme.fontSmall
                color: Theme.mutedText
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
