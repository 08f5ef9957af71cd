import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldkit

// Start page: the open cases of this device, or a friendly word when there are none.
Page {
    id: root

    required property var caseModel

    objectName: "homePage"
    background: Rectangle { color: Theme.background }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        Label {
            text: qsTr("Open cases")
            font.pixelSize: Theme.fontTitle
            color: Theme.text
        }

        ListView {
            id: list
            objectName: "caseList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: root.caseModel
            spacing: Math.round(Theme.spacing / 2)
            delegate: CaseRow {
                width: ListView.view.width
            }

            Label {
                objectName: "emptyCaseList"
                anchors.centerIn: parent
                visible: list.count === 0
                text: qsTr("No cases on this device yet.")
                color: Theme.mutedText
                font.pixelSize: Theme.fontBody
            }
        }
    }
}
