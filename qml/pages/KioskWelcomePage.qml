import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldkit

// What a citizen walking up to the station kiosk sees: a welcome, and nothing of the previous citizen.
Page {
    id: root

    signal staffRequested()

    objectName: "kioskWelcomePage"
    title: qsTr("Welcome")
    background: Rectangle { color: Theme.accent }

    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width * 0.8
        spacing: Theme.spacing * 3

        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("Welcome to Citizen Service")
            font.pixelSize: Theme.fontHuge
            font.bold: true
            color: Theme.textOnAccent
            wrapMode: Text.WordWrap
        }
        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("Moving, passport, health card, MitID, Digital Post, pension – we help you here, or show you how to do it yourself.")
            font.pixelSize: Theme.fontTitle
            color: Theme.textOnAccent
            wrapMode: Text.WordWrap
        }
        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("Please speak to the staff at the counter.")
            font.pixelSize: Theme.fontBody
            color: Theme.textOnAccent
            wrapMode: Text.WordWrap
        }
        TouchButton {
            objectName: "staffButton"
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Staff")
            Accessible.name: qsTr("Staff: continue working")
            onClicked: root.staffRequested()
        }
    }
}
