pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldkit

// The citizen in front of us: CPR (masked), contact details, channel, life situation, and a new case.
Page {
    id: root

    required property var cprInput
    required property var lifeSituations
    required property var catalogue
    required property var caseEditor
    required property var contacts
    required property var profile
    property string serviceCode: ""
    property string situation: ""
    // Step ids ticked for the situation: saved with the case when it is opened.
    property var doneSteps: []
    property string channel: root.profile.channel
    readonly property var existingCases: root.cprInput.valid ? root.caseEditor.casesForCpr(root.cprInput.digits) : []

    // Opens the case with the life situation talked through; the case registers the enquiry as a contact in
    // the same save.
    function createCase() {
        if (!root.caseEditor.createCase(root.serviceCode, root.channel, root.cprInput.digits, nameField.text,
                                        addressField.text, phoneField.text, root.situation, root.doneSteps))
            return;
        root.caseOpened();
    }

    function setStepDone(stepId: int, done: bool) {
        const others = root.doneSteps.filter(id => id !== stepId);
        root.doneSteps = done ? others.concat([stepId]) : others;
    }

    signal caseOpened()
    signal contactRegistered()
    signal openCase(string caseId)
    signal openService(string code)

    objectName: "citizenPage"
    title: qsTr("New enquiry: citizen")
    background: Rectangle { color: Theme.background }

    footer: ActionBar {
        TouchButton {
            objectName: "createCaseButton"
            Layout.fillWidth: true
            Layout.preferredWidth: 2
            primary: true
            text: qsTr("Open case")
            enabled: root.serviceCode !== "" && (root.cprInput.text === "" || root.cprInput.valid)
            onClicked: root.createCase()
        }
        TouchButton {
            objectName: "guidanceOnlyButton"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            text: qsTr("Guidance only")
            Accessible.name: qsTr("Register guidance only, without a case")
            enabled: root.serviceCode !== ""
            onClicked: {
                if (root.contacts.registerContact(root.serviceCode, "information", true, "", root.cprInput.digits))
                    root.contactRegistered();
            }
        }
    }

    FormFlickable {
        anchors.fill: parent
        contentHeight: columns.implicitHeight + 2 * Theme.spacing
        clip: true

        RowLayout {
            id: columns
            x: Theme.spacing
            y: Theme.spacing
            width: parent.width - 2 * Theme.spacing
            spacing: Theme.spacing * 2

            ColumnLayout {
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                Layout.alignment: Qt.AlignTop
                spacing: Theme.spacing

                SectionTitle {
                    objectName: "chosenService"
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    text: root.serviceCode !== "" ? root.catalogue.nameOf(root.serviceCode) : ""
                }
                CprField {
                    Layout.fillWidth: true
                    controller: root.cprInput
                }
                TouchField {
                    id: nameField
                    objectName: "nameField"
                    Layout.fillWidth: true
                    label: qsTr("Name (optional)")
                }
                TouchField {
                    id: addressField
                    objectName: "addressField"
                    Layout.fillWidth: true
                    label: qsTr("Address (optional)")
                }
                TouchField {
                    id: phoneField
                    objectName: "phoneField"
                    Layout.fillWidth: true
                    label: qsTr("Phone (optional)")
                    inputMethodHints: Qt.ImhDialableCharactersOnly
                }
                BodyText {
                    text: qsTr("Channel")
                    Accessible.role: Accessible.StaticText
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Repeater {
                        model: ["bike", "to-go", "kiosk", "phone"]
                        delegate: TouchButton {
                            required property string modelData
                            text: Texts.channelName(modelData)
                            checkable: true
                            checked: root.channel === modelData
                            onClicked: root.channel = modelData
                        }
                    }
                }

                Label {
                    visible: root.caseEditor.errorCode !== ""
                    text: Texts.errorText(root.caseEditor.errorCode)
                    color: Theme.danger
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                ColumnLayout {
                    visible: root.existingCases.length > 0
                    Layout.fillWidth: true
                    spacing: Math.round(Theme.spacing / 2)
                    SectionTitle {
                        text: qsTr("Cases on this device")
                    }
                    Repeater {
                        model: root.existingCases
                        delegate: TouchButton {
                            required property var modelData
                            Layout.fillWidth: true
                            text: root.catalogue.nameOf(modelData.serviceCode) + " – " + Texts.statusName(modelData.status)
                            onClicked: root.openCase(modelData.caseId)
                        }
                    }
                }
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                Layout.alignment: Qt.AlignTop
                spacing: Theme.spacing

                SectionTitle {
                    text: qsTr("Life situation")
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Repeater {
                        model: root.lifeSituations
                        delegate: TouchButton {
                            required property string code
                            required property string name
                            objectName: "situation_" + code
                            text: name
                            checkable: true
                            checked: root.situation === code
                            onClicked: {
                                root.situation = root.situation === code ? "" : code;
                                root.doneSteps = [];
                            }
                        }
                    }
                }
                BodyText {
                    visible: root.situation === ""
                    muted: true
                    Layout.fillWidth: true
                    text: qsTr("Choose a life situation to go through everything the citizen should know at once.")
                }
                Repeater {
                    objectName: "situationSteps"
                    model: root.situation === "" ? [] : root.lifeSituations.steps(root.situation)
                    delegate: RowLayout {
                        id: step
                        required property var modelData
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        TouchCheckBox {
                            objectName: "situationStep_" + step.modelData.stepId
                            Accessible.name: step.modelData.text
                            checked: root.doneSteps.indexOf(step.modelData.stepId) >= 0
                            onToggled: root.setStepDone(step.modelData.stepId, checked)
                        }
                        BodyText {
                            Layout.fillWidth: true
                            text: step.modelData.text
                        }
                        TouchButton {
                            visible: step.modelData.serviceCode !== ""
                            text: qsTr("Service")
                            Accessible.name: qsTr("Open the service for: %1").arg(step.modelData.text)
                            onClicked: root.openService(step.modelData.serviceCode)
                        }
                    }
                }
            }
        }
    }
}
