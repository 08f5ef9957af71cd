import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldkit

// Asks before a case changes status: status changes cannot be undone (the lifecycle only moves forward).
Dialog {
    id: root

    property string fromStatus: ""
    property string toStatus: ""
    readonly property string reason: reasonField.text

    signal confirmed(string toStatus, string reason)

    function ask(from: string, to: string) {
        root.fromStatus = from;
        root.toStatus = to;
        reasonField.text = "";
        root.open();
    }

    objectName: "statusChangeDialog"
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(parent ? parent.width * 0.9 : 600, Theme.touchTarget * 12)
    title: qsTr("Change status")
    padding: Theme.spacing
    header: Label {
        text: root.title
        padding: Theme.spacing
        font.pixelSize: Theme.fontTitle
        font.bold: true
        color: Theme.text
        wrapMode: Text.WordWrap
        Accessible.role: Accessible.Heading
    }
    background: Rectangle {
        color: Theme.surface
        border.color: Theme.border
        border.width: Theme.borderWidth
        radius: Theme.radius
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        BodyText {
            objectName: "statusChangeQuestion"
            Layout.fillWidth: true
            text: qsTr("Change the status from “%1” to “%2”? This cannot be undone.").arg(Texts.statusName(root.fromStatus)).arg(Texts.statusName(root.toStatus))
        }
        TouchField {
            id: reasonField
            objectName: "statusReason"
            Layout.fillWidth: true
            label: qsTr("Reason (optional, kept as a note)")
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            spacing: Theme.spacing
            TouchButton {
                objectName: "statusCancel"
                text: qsTr("Cancel")
                onClicked: root.reject()
            }
            TouchButton {
                objectName: "statusConfirm"
                text: qsTr("Change status")
                primary: true
                onClicked: {
                    root.accept();
                    root.confirmed(root.toStatus, reasonField.text);
                }
            }
        }
    }
}
