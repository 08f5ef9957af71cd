pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldkit

// CPR entry: validated while typing, then shown masked (DDMMYY-XXXX); revealing the full number is audited.
ColumnLayout {
    id: root

    // A CprInputController: text, valid, complete, errorCode, modulus11Warning, display, revealed, reveal(), hide().
    required property var controller
    property bool editing: !root.controller.valid

    objectName: "cprField"
    spacing: Math.round(Theme.spacing / 2)

    TouchField {
        id: entry
        objectName: "cprEntry"
        visible: root.editing
        Layout.fillWidth: true
        label: qsTr("CPR number (DDMMYY-XXXX)")
        inputMethodHints: Qt.ImhDigitsOnly
        maximumLength: 11
        text: root.controller.text
        onTextEdited: root.controller.text = entry.text
        onAccepted: root.editing = !root.controller.valid
        onEditingFinished: root.editing = !root.controller.valid
    }

    RowLayout {
        visible: !root.editing
        Layout.fillWidth: true
        spacing: Theme.spacing

        Label {
            objectName: "cprDisplay"
            Layout.fillWidth: true
            Layout.minimumWidth: implicitWidth
            text: root.controller.display
            font.pixelSize: Theme.fontTitle
            font.family: "monospace"
            color: Theme.text
            Accessible.name: root.controller.revealed ? qsTr("CPR number shown in full") : qsTr("CPR number, hidden")
        }
        TouchButton {
            objectName: "cprReveal"
            text: root.controller.revealed ? qsTr("Hide") : qsTr("Show (logged)")
            onClicked: root.controller.revealed ? root.controller.hide() : root.controller.reveal("identity-check")
        }
        TouchButton {
            objectName: "cprChange"
            text: qsTr("Change")
            onClicked: {
                root.controller.clear();
                root.editing = true;
                entry.forceActiveFocus();
            }
        }
    }

    Label {
        objectName: "cprError"
        visible: root.controller.complete && !root.controller.valid
        text: Texts.errorText(root.controller.errorCode)
        color: Theme.danger
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    Label {
        objectName: "cprModulusNote"
        visible: root.controller.valid && root.controller.modulus11Warning
        text: qsTr("Note: this number fails the old modulus 11 check. Numbers issued since 2007 may do so; it is still valid.")
        color: Theme.warning
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
}
