pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldkit

// Start page: search on top, the cases on this device as two-line rows, and "New enquiry" always on screen.
Page {
    id: root

    required property var caseModel
    required property var caseEditor
    required property var catalogue
    // A full CPR number typed in the search field: looked up through the blind index (the look-up is audited).
    readonly property string searchDigits: searchField.text.replace(/[^0-9]/g, "")
    readonly property bool searching: root.searchDigits.length === 10
    readonly property var searchResults: root.searching ? root.caseEditor.casesForCpr(root.searchDigits) : []

    signal openCase(string caseId)
    signal newEnquiry()
    signal openCatalogue()

    objectName: "homePage"
    title: qsTr("Cases")
    background: Rectangle { color: Theme.background }

    footer: ActionBar {
        TouchButton {
            objectName: "newEnquiryButton"
            text: qsTr("New enquiry")
            primary: true
            Layout.fillWidth: true
            Layout.preferredWidth: 2
            onClicked: root.newEnquiry()
        }
        TouchButton {
            objectName: "catalogueButton"
            text: qsTr("Service guide")
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            onClicked: root.openCatalogue()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            TouchField {
                id: searchField
                objectName: "caseSearch"
                Layout.fillWidth: true
                Layout.minimumWidth: Theme.touchTarget * 3
                label: qsTr("Search by CPR number")
                inputMethodHints: Qt.ImhDigitsOnly
                maximumLength: 11
            }
            Repeater {
                model: [
                    { filter: "all", label: qsTr("All") },
                    { filter: "mine", label: qsTr("Mine") },
                    { filter: "conflicted", label: qsTr("Conflicts (%1)").arg(root.caseModel.conflictCount) }
                ]
                delegate: TouchButton {
                    required property var modelData
                    objectName: "filter_" + modelData.filter
                    visible: !root.searching
                    text: modelData.label
                    checkable: true
                    checked: root.caseModel.filter === modelData.filter
                    onClicked: root.caseModel.filter = modelData.filter
                }
            }
            TouchButton {
                objectName: "clearSearch"
                visible: searchField.text !== ""
                text: qsTr("Clear")
                onClicked: searchField.clear()
            }
        }

        ListView {
            id: results
            objectName: "searchResults"
            visible: root.searching
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacing
            model: root.searchResults
            delegate: TouchButton {
                required property var modelData
                width: ListView.view.width
                text: root.catalogue.nameOf(modelData.serviceCode) + " – " + Texts.statusName(modelData.status)
                onClicked: root.openCase(modelData.caseId)
            }
            BodyText {
                anchors.centerIn: parent
                visible: results.count === 0
                muted: true
                text: qsTr("No cases for this CPR number on this device.")
            }
        }

        ListView {
            id: list
            objectName: "caseList"
            visible: !root.searching
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: root.caseModel
            spacing: Theme.spacing
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
