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
    property string channel: root.profile.channel
    readonly property var existingCases: root.cprInput.valid ? root.caseEditor.casesForCpr(root.cprInput.digits) : []

    // Opens the case and registers the enquiry as a contact (a transaction) in the same tap.
    function createCase() {
        if (!root.caseEditor.createCase(root.serviceCode, root.channel, root.cprInput.digits, nameField.text,
                                        addressField.text, phoneField.text))
            return;
        root.contacts.registerContact(root.serviceCode, "transaction", true, "", root.cprInput.digits);
        root.caseOpened();
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
                            text: name
                            checkable: true
                            checked: root.situation === code
                            onClicked: root.situation = root.situation === code ? "" : code
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
                            Accessible.name: step.modelData.text
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
