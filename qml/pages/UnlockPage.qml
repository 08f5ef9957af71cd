pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldkit

// Pick your name, enter your PIN on the pad (or a passphrase, for staff whose key slot has one). Wrong
// entries show how many attempts are left.
Page {
    id: root

    required property var session
    property string selectedStaffId: root.session.staff.length === 1 ? root.session.staff[0].staffId : ""
    property bool usePassphrase: false
    readonly property bool canEnter: root.selectedStaffId !== "" && root.session.errorCode !== "locked_out"
                                     && !root.session.busy

    function submitPassphrase() {
        if (!root.canEnter || passphrase.text.length === 0)
            return;
        root.session.beginUnlock(root.selectedStaffId, passphrase.text);
        passphrase.clear();
    }

    objectName: "unlockPage"
    title: qsTr("Unlock")
    background: Rectangle { color: Theme.background }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing * 3

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            spacing: Theme.spacing

            SectionTitle {
                text: qsTr("Who are you?")
            }
            Repeater {
                model: root.session.staff
                delegate: TouchButton {
                    required property var modelData
                    Layout.fillWidth: true
                    text: modelData.name
                    checkable: true
                    checked: root.selectedStaffId === modelData.staffId
                    onClicked: root.selectedStaffId = modelData.staffId
                }
            }
            Item {
                Layout.fillHeight: true
            }
            TouchButton {
                objectName: "passphraseToggle"
                Layout.fillWidth: true
                text: root.usePassphrase ? qsTr("Use the PIN pad") : qsTr("Use a passphrase")
                onClicked: {
                    root.usePassphrase = !root.usePassphrase;
                    passphrase.clear();
                }
            }
        }

        ColumnLayout {
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            spacing: Theme.spacing

            PinPad {
                id: pad
                Layout.alignment: Qt.AlignHCenter
                visible: !root.usePassphrase
                enabled: root.canEnter
                // The key derivation takes about a second: it runs off the UI thread, the page stays live.
                onSubmitted: pin => root.session.beginUnlock(root.selectedStaffId, pin)
            }
            TouchField {
                id: passphrase
                objectName: "passphraseField"
                Layout.fillWidth: true
                visible: root.usePassphrase
                enabled: root.canEnter
                label: qsTr("Passphrase")
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                onAccepted: root.submitPassphrase()
            }
            TouchButton {
                objectName: "passphraseSubmit"
                Layout.fillWidth: true
                visible: root.usePassphrase
                enabled: root.canEnter && passphrase.text.length > 0
                text: qsTr("Unlock")
                onClicked: root.submitPassphrase()
            }
            RowLayout {
                objectName: "unlockBusy"
                Layout.alignment: Qt.AlignHCenter
                visible: root.session.busy
                spacing: Theme.spacing
                BusyIndicator {
                    running: root.session.busy
                    Layout.preferredWidth: Theme.touchTarget
                    Layout.preferredHeight: Theme.touchTarget
                }
                Label {
                    text: qsTr("Unlocking…")
                    color: Theme.mutedText
                    font.pixelSize: Theme.fontBody
                }
            }
            Label {
                objectName: "unlockError"
                Layout.fillWidth: true
                Layout.maximumWidth: Math.max(pad.width * 1.4, passphrase.width)
                Layout.alignment: Qt.AlignHCenter
                horizontalAlignment: Text.AlignHCenter
                visible: root.session.errorCode !== "" && !root.session.busy
                wrapMode: Text.WordWrap
                color: Theme.danger
                font.pixelSize: Theme.fontBody
                text: root.session.errorCode === "wrong_pin" && root.session.attemptsLeft >= 0
                      ? qsTr("Wrong PIN. %n attempt(s) left.", "", root.session.attemptsLeft)
                      : Texts.errorText(root.session.errorCode)
            }
            Item {
                Layout.fillHeight: true
            }
        }
    }
}
