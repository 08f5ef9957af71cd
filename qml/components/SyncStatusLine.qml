import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldkit

// Honest, one-line answer to "has my work reached the center?".
Pane {
    id: root

    // An object with: state (string), pendingOps (int), lastSuccess (string, empty when never), and from the
    // device's own outbox oldestPending (string, empty when nothing waits) and rejectedOps (int).
    property var status: null

    readonly property string stateText: {
        if (!root.status)
            return qsTr("Sync status unknown");
        switch (root.status.state) {
        case "ok": return qsTr("In contact with the center");
        case "offline": return qsTr("Offline – work is kept on this device");
        case "syncing": return qsTr("Synchronising…");
        case "upgrade_required": return qsTr("Update needed before syncing");
        case "refused": return qsTr("The center refused this device");
        case "not_enrolled": return qsTr("Not enrolled with a center");
        case "wiped": return qsTr("Wiped by order of the center – enrol the device again");
        default: return qsTr("Not synchronised yet");
        }
    }
    // While the daemon transfers: operations sent and received, and the attachment lane ("" when idle).
    readonly property string progressText: {
        const t = root.status ? root.status.transfer : undefined;
        if (!t || !t.active)
            return "";
        const parts = [];
        if (t.upDone + t.upLeft > 0)
            parts.push(qsTr("sending %1 of %2").arg(t.upDone).arg(t.upDone + t.upLeft));
        if (t.downDone + t.downLeft > 0)
            parts.push(qsTr("receiving %1 of %2").arg(t.downDone).arg(t.downDone + t.downLeft));
        if (t.attachmentsDone + t.attachmentsLeft > 0) {
            const megabytes = Number(t.attachmentBytesLeft / 1e6).toLocaleString(Qt.locale(), "f", 1);
            parts.push(qsTr("attachments %1 of %2, %3 MB left").arg(t.attachmentsDone)
                       .arg(t.attachmentsDone + t.attachmentsLeft).arg(megabytes));
        }
        return parts.join(", ");
    }
    readonly property bool healthy: root.status !== null && root.status.state === "ok"

    objectName: "syncStatusLine"
    padding: Theme.spacing
    background: Rectangle { color: Theme.surface }
    Accessible.name: root.stateText

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing / 2
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Rectangle {
                width: Math.round(Theme.fontBody * 0.75)
                height: width
                radius: width / 2
                color: root.healthy ? Theme.accent : Theme.warning
            }
            Label {
                objectName: "syncStateLabel"
                text: root.stateText
                font.pixelSize: Theme.fontBody
                color: Theme.text
                Layout.fillWidth: true
            }
            Label {
                objectName: "progressLabel"
                visible: root.progressText !== ""
                text: root.progressText
                font.pixelSize: Theme.fontBody
                color: Theme.text
            }
            Label {
                objectName: "rejectedLabel"
                visible: root.status !== null && (root.status.rejectedOps ?? 0) > 0
                text: root.status ? qsTr("%n change(s) need attention", "", root.status.rejectedOps ?? 0) : ""
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.danger
            }
            Label {
                objectName: "pendingLabel"
                text: {
                    if (!root.status)
                        return "";
                    const waiting = qsTr("%n item(s) waiting", "", root.status.pendingOps);
                    const since = root.status.oldestPending ?? "";
                    return root.status.pendingOps > 0 && since !== "" ? qsTr("%1 since %2").arg(waiting).arg(since)
                                                                     : waiting;
                }
                font.pixelSize: Theme.fontBody
                color: Theme.mutedText
            }
            Label {
                text: root.status && root.status.lastSuccess !== "" ? qsTr("Last contact %1").arg(root.status.lastSuccess) : ""
                font.pixelSize: Theme.fontBody
                color: Theme.mutedText
            }
        }
        Label {
            objectName: "refusalLabel"
            // What the newest refusal means and what to do: the count alone leaves staff guessing.
            readonly property string explanation: root.status ? Texts.refusalText(root.status.lastRefusalCode ?? "",
                                                                                   root.status.lastRefusal ?? "") : ""
            visible: root.status !== null && (root.status.rejectedOps ?? 0) > 0 && explanation !== ""
            text: explanation
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            font.pixelSize: Theme.fontBody
            color: Theme.text
        }
    }
}
