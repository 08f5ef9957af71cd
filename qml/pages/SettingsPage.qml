pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldkit

// Language, the hardware profile in use and why, the session (with a PIN change), and Sync now.
Page {
    id: root

    required property var language
    required property var profile
    required property var session
    required property var syncStatus

    objectName: "settingsPage"
    title: qsTr("Settings")
    background: Rectangle { color: Theme.background }

    Component.onDestruction: root.session.clearPinChange()

    FormFlickable {
        anchors.fill: parent
        contentHeight: body.implicitHeight + 2 * Theme.spacing
        clip: true

        ColumnLayout {
            id: body
            x: Theme.spacing
            y: Theme.spacing
            width: parent.width - 2 * Theme.spacing
            spacing: Theme.spacing

            SectionTitle {
                text: qsTr("Language")
            }
            RowLayout {
                spacing: Theme.spacing
                TouchButton {
                    objectName: "languageDa"
                    text: "Dansk"
                    Accessible.name: qsTr("Danish")
                    checkable: true
                    checked: root.language.language === "da"
                    onClicked: root.language.language = "da"
                }
                TouchButton {
                    objectName: "languageEn"
                    text: "English"
                    Accessible.name: qsTr("English")
                    checkable: true
                    checked: root.language.language === "en"
                    onClicked: root.language.language = "en"
                }
            }

            SectionTitle {
                text: qsTr("Device profile")
            }
            BodyText {
                objectName: "profileName"
                Layout.fillWidth: true
                font.bold: true
                text: Texts.profileName(root.profile.name)
            }
            BodyText {
                objectName: "profileReason"
                Layout.fillWidth: true
                muted: true
                text: Texts.profileSource(root.profile.source)
            }
            TouchSwitch {
                objectName: "gloveModeSwitch"
                visible: root.profile.gloveMode
                checked: Theme.gloveMode
                text: qsTr("Glove mode (larger buttons)")
                onToggled: Theme.gloveMode = checked
            }
            BodyText {
                Layout.fillWidth: true
                muted: true
                text: qsTr("Buttons at least %1 mm; locks after %n minute(s) without use.", "", root.profile.idleLockMinutes).arg(Math.round(Theme.targetMm))
            }

            SectionTitle {
                text: qsTr("Synchronisation")
            }
            RowLayout {
                spacing: Theme.spacing
                TouchButton {
                    objectName: "syncNowButton"
                    text: qsTr("Sync now")
                    onClicked: syncRequested.text = root.syncStatus.requestSyncNow() ? qsTr("Asked the sync service to sync now.") : qsTr("The sync service could not be asked.")
                }
                BodyText {
                    id: syncRequested
                    objectName: "syncRequested"
                    muted: true
                }
            }

            SectionTitle {
                text: qsTr("Session")
            }
            BodyText {
                Layout.fillWidth: true
                text: qsTr("Signed in as %1").arg(root.session.staffName)
            }

            SectionTitle {
                text: qsTr("Change PIN")
            }
            TouchField {
                id: oldPin
                objectName: "oldPin"
                Layout.fillWidth: true
                label: qsTr("Current PIN")
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
            }
            TouchField {
                id: newPin
                objectName: "newPin"
                Layout.fillWidth: true
                label: qsTr("New PIN")
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
            }
            TouchField {
                id: repeatedPin
                objectName: "repeatedPin"
                Layout.fillWidth: true
                label: qsTr("New PIN again")
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                TouchButton {
                    objectName: "changePinButton"
                    text: qsTr("Change PIN")
                    enabled: root.session.pinChange !== "working"
                    onClicked: root.session.changePin(oldPin.text, newPin.text, repeatedPin.text)
                }
                BodyText {
                    objectName: "pinChangeResult"
                    Layout.fillWidth: true
                    color: root.session.pinChange === "done" || root.session.pinChange === "working" ? Theme.text : Theme.danger
                    text: root.session.pinChange === "" ? ""
                          : root.session.pinChange === "working" ? qsTr("Checking the PIN …")
                          : root.session.pinChange === "done" ? qsTr("Your PIN is changed.")
                          : Texts.errorText(root.session.pinChange)
                }
            }
            Connections {
                target: root.session
                // A changed PIN leaves nothing of itself in the fields.
                function onChanged() {
                    if (root.session.pinChange === "done") {
                        oldPin.clear();
                        newPin.clear();
                        repeatedPin.clear();
                    }
                }
            }
        }
    }
}
