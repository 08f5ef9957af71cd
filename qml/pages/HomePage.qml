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
    // The list searches by CPR number (blind index) or name (blind-indexed name keys) once typing pauses:
    // each search is a logged look-up, so not one per keystroke.
    readonly property bool searching: root.caseModel.searchKind !== "none"

    Timer {
        id: searchPause
        interval: 300
        onTriggered: root.caseModel.search = searchField.text
    }

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
                label: qsTr("Search by CPR number or name")
                maximumLength: 60
                onTextChanged: searchPause.restart()
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
                onClicked: {
                    searchPause.stop();
                    searchField.clear();
                    root.caseModel.search = "";
                }
            }
        }

        BodyText {
            objectName: "searchHint"
            visible: root.searching && (root.caseModel.searchKind === "incomplete" || list.count === 0
                                        || list.count >= 100)
            Layout.fillWidth: true
            muted: true
            wrapMode: Text.WordWrap
            text: root.caseModel.searchKind === "incomplete"
                  ? qsTr("Type the whole CPR number, or at least three letters of a name.")
                  : list.count === 0 ? qsTr("No cases found on this device.")
                                     : qsTr("Showing the newest 100. Type more of the name to narrow the search.")
        }

        ListView {
            id: list
            objectName: "caseList"
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
                visible: list.count === 0 && !root.searching
                text: qsTr("No cases on this device yet.")
                color: Theme.mutedText
                font.pixelSize: Theme.fontBody
            }
        }
    }
}
