pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldkit

// Start page: quick actions, then the open cases (all, mine, conflicts).
Page {
    id: root

    required property var caseModel

    signal openCase(string caseId)
    signal newContact()
    signal findCitizen()
    signal openCatalogue()

    objectName: "homePage"
    title: qsTr("Cases")
    background: Rectangle { color: Theme.background }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            TouchButton {
                objectName: "findCitizenButton"
                text: qsTr("Find citizen")
                primary: true
                Layout.fillWidth: true
                onClicked: root.findCitizen()
            }
            TouchButton {
                objectName: "newContactButton"
                text: qsTr("New contact")
                primary: true
                Layout.fillWidth: true
                onClicked: root.newContact()
            }
            TouchButton {
                objectName: "catalogueButton"
                text: qsTr("Services")
                Layout.fillWidth: true
                onClicked: root.openCatalogue()
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            SectionTitle {
                text: qsTr("Open cases")
                Layout.fillWidth: true
            }
            Repeater {
                model: [
                    { filter: "all", label: qsTr("All") },
                    { filter: "mine", label: qsTr("Mine") },
                    { filter: "conflicted", label: qsTr("Conflicts (%1)").arg(root.caseModel.conflictCount) }
                ]
                delegate: TouchButton {
                    required property var modelData
                    text: modelData.label
                    checkable: true
                    checked: root.caseModel.filter === modelData.filter
                    onClicked: root.caseModel.filter = modelData.filter
                }
            }
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
                id: row
                width: ListView.view.width
                onClicked: root.openCase(row.caseId)
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
