pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldkit

// A contact without a case (guidance, help to self-service), and today's statistics.
Page {
    id: root

    required property var contacts
    required property var catalogue
    property string serviceCode: "guidance"
    property string contactType: "help-to-self-service"

    objectName: "contactPage"
    title: qsTr("New contact")
    background: Rectangle { color: Theme.background }

    footer: ActionBar {
        TouchButton {
            objectName: "registerContactButton"
            Layout.fillWidth: true
            primary: true
            text: qsTr("Register contact")
            onClicked: {
                if (root.contacts.registerContact(root.serviceCode, root.contactType, resolvedSwitch.checked, referredField.text)) {
                    referredField.text = "";
                    confirmation.visible = true;
                }
            }
        }
    }

    FormFlickable {
        anchors.fill: parent
        contentHeight: body.implicitHeight + 2 * Theme.spacing
        clip: true

        RowLayout {
            id: body
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
                    text: qsTr("Register a contact")
                }
                BodyText {
                    muted: true
                    Layout.fillWidth: true
                    text: qsTr("Channel: %1").arg(Texts.channelName(root.contacts.channel))
                }
                BodyText {
                    objectName: "contactService"
                    Layout.fillWidth: true
                    font.bold: true
                    text: root.catalogue.nameOf(root.serviceCode)
                }
                BodyText {
                    text: qsTr("Type of contact")
                }
                Repeater {
                    model: ["information", "transaction", "help-to-self-service"]
                    delegate: TouchButton {
                        required property string modelData
                        objectName: "contactType_" + modelData
                        Layout.fillWidth: true
                        text: Texts.contactTypeName(modelData)
                        checkable: true
                        checked: root.contactType === modelData
                        onClicked: root.contactType = modelData
                    }
                }
                TouchSwitch {
                    id: resolvedSwitch
                    objectName: "resolvedSwitch"
                    checked: true
                    text: qsTr("Resolved at first contact")
                }
                TouchField {
                    id: referredField
                    objectName: "contactReferredTo"
                    Layout.fillWidth: true
                    label: qsTr("Referred to (authority, optional)")
                }
                BodyText {
                    id: confirmation
                    objectName: "contactRegistered"
                    visible: false
                    color: Theme.accent
                    text: qsTr("Contact registered.")
                }
                Label {
                    visible: root.contacts.errorCode !== ""
                    text: Texts.errorText(root.contacts.errorCode)
                    color: Theme.danger
                    font.pixelSize: Theme.fontBody
                }
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                Layout.alignment: Qt.AlignTop
                spacing: Theme.spacing

                SectionTitle {
                    text: qsTr("Today")
                }
                BodyText {
                    objectName: "statTotal"
                    Layout.fillWidth: true
                    text: qsTr("%n contact(s)", "", root.contacts.total)
                }
                BodyText {
                    objectName: "statSelfService"
                    Layout.fillWidth: true
                    font.bold: true
                    text: qsTr("Help to self-service: %1 %").arg(Math.round(root.contacts.helpToSelfServiceShare * 100))
                }
                BodyText {
                    Layout.fillWidth: true
                    text: qsTr("Resolved at first contact: %1 %").arg(Math.round(root.contacts.resolvedAtFirstContactShare * 100))
                }
                SectionTitle {
                    text: qsTr("Per channel")
                }
                Repeater {
                    model: root.contacts.perChannel
                    delegate: BodyText {
                        required property var modelData
                        Layout.fillWidth: true
                        text: Texts.channelName(modelData.channel) + ": " + modelData.count
                    }
                }
                SectionTitle {
                    text: qsTr("Per service")
                }
                Repeater {
                    model: root.contacts.perService
                    delegate: BodyText {
                        required property var modelData
                        Layout.fillWidth: true
                        text: modelData.name + ": " + modelData.count
                    }
                }
            }
        }
    }
}
