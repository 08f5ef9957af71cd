pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldkit

// One case: metadata, citizen, checklist, add-only notes, status along the lifecycle (confirmed), referral,
// and its timeline (who did what when, from the operations and the audit log).
Page {
    id: root

    required property var caseEditor
    required property var caseTimeline
    required property var catalogue

    signal openConflicts(string caseId)

    objectName: "casePage"
    title: qsTr("Case")
    background: Rectangle { color: Theme.background }

    StatusChangeDialog {
        id: statusDialog
        parent: Overlay.overlay
        onConfirmed: (to, reason) => root.caseEditor.changeStatus(to, reason)
    }

    Flickable {
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
                    objectName: "caseService"
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    text: root.catalogue.nameOf(root.caseEditor.serviceCode)
                }
                BodyText {
                    objectName: "caseStatus"
                    Layout.fillWidth: true
                    font.bold: true
                    text: qsTr("Status: %1").arg(Texts.statusName(root.caseEditor.status))
                }
                BodyText {
                    Layout.fillWidth: true
                    muted: true
                    text: qsTr("Opened %1 · changed %2 · %3").arg(root.caseEditor.created).arg(root.caseEditor.updated).arg(Texts.channelName(root.caseEditor.channel))
                }
                Card {
                    visible: root.caseEditor.conflicted
                    Layout.fillWidth: true
                    RowLayout {
                        anchors.fill: parent
                        spacing: Theme.spacing
                        BodyText {
                            Layout.fillWidth: true
                            color: Theme.warning
                            text: qsTr("This case was changed on two devices at once. Nothing is lost: choose which version to keep.")
                        }
                        TouchButton {
                            objectName: "resolveConflictsButton"
                            text: qsTr("Resolve")
                            onClicked: root.openConflicts(root.caseEditor.caseId)
                        }
                    }
                }
                Card {
                    Layout.fillWidth: true
                    ColumnLayout {
                        anchors.fill: parent
                        spacing: Math.round(Theme.spacing / 2)
                        BodyText {
                            visible: root.caseEditor.maskedCpr !== ""
                            text: qsTr("CPR %1").arg(root.caseEditor.maskedCpr)
                        }
                        BodyText {
                            visible: root.caseEditor.citizenName !== ""
                            text: root.caseEditor.citizenName
                        }
                        BodyText {
                            visible: root.caseEditor.address !== ""
                            text: root.caseEditor.address
                        }
                        BodyText {
                            visible: root.caseEditor.phone !== ""
                            text: root.caseEditor.phone
                        }
                        BodyText {
                            visible: root.caseEditor.referredTo !== ""
                            text: qsTr("Referred to %1").arg(root.caseEditor.referredTo)
                        }
                    }
                }

                SectionTitle {
                    text: qsTr("Change status")
                }
                Flow {
                    objectName: "statusButtons"
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Repeater {
                        model: root.caseEditor.allowedNextStatuses.filter(s => s !== "referred")
                        delegate: TouchButton {
                            required property string modelData
                            objectName: "statusButton_" + modelData
                            text: Texts.statusName(modelData)
                            danger: modelData === "withdrawn"
                            onClicked: statusDialog.ask(root.caseEditor.status, modelData)
                        }
                    }
                }
                BodyText {
                    visible: root.caseEditor.allowedNextStatuses.length === 0
                    muted: true
                    text: qsTr("The case is finished.")
                }
                RowLayout {
                    visible: root.caseEditor.allowedNextStatuses.indexOf("referred") >= 0
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    TouchField {
                        id: authorityField
                        objectName: "referralAuthority"
                        Layout.fillWidth: true
                        label: qsTr("Refer to authority")
                    }
                    TouchButton {
                        objectName: "referButton"
                        text: qsTr("Refer")
                        enabled: authorityField.text.trim() !== ""
                        onClicked: {
                            if (root.caseEditor.refer(authorityField.text, ""))
                                authorityField.text = "";
                        }
                    }
                }
                Label {
                    objectName: "caseError"
                    visible: root.caseEditor.errorCode !== ""
                    text: Texts.errorText(root.caseEditor.errorCode)
                    color: Theme.danger
                    font.pixelSize: Theme.fontBody
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                SectionTitle {
                    text: qsTr("Timeline")
                }
                Repeater {
                    objectName: "caseTimeline"
                    model: root.caseTimeline
                    delegate: RowLayout {
                        id: event
                        required property string at
                        required property string staff
                        required property string kind
                        required property string detail
                        required property bool operation
                        required property bool synced
                        required property int repeats
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        BodyText {
                            Layout.preferredWidth: implicitWidth
                            Layout.alignment: Qt.AlignTop
                            muted: true
                            text: event.at
                        }
                        BodyText {
                            objectName: "timelineEvent_" + event.kind
                            Layout.fillWidth: true
                            wrapMode: Text.WordWrap
                            text: Texts.timelineText(event.kind, event.detail, event.repeats)
                                  + (event.staff !== "" ? " · " + event.staff : "")
                                  + (event.operation ? " · " + (event.synced ? qsTr("at the center") : qsTr("not sent yet")) : "")
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
                    text: qsTr("Checklist")
                }
                Repeater {
                    objectName: "caseChecklist"
                    model: root.caseEditor.checklist
                    delegate: CheckDelegate {
                        id: item
                        required property var modelData
                        Layout.fillWidth: true
                        implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
                        text: item.modelData.text
                        font.pixelSize: Theme.fontBody
                        checked: item.modelData.done
                        Accessible.name: item.modelData.text
                        contentItem: Text {
                            text: item.text
                            font: item.font
                            color: Theme.text
                            wrapMode: Text.WordWrap
                            rightPadding: item.indicator.width + item.spacing
                            verticalAlignment: Text.AlignVCenter
                        }
                        onToggled: root.caseEditor.setChecklistItem(item.modelData.itemId, item.checked)
                    }
                }

                SectionTitle {
                    text: qsTr("Notes")
                }
                Repeater {
                    model: root.caseEditor.notes
                    delegate: Card {
                        id: note
                        required property var modelData
                        Layout.fillWidth: true
                        BodyText {
                            width: parent.width
                            text: note.modelData.text + "\n— " + note.modelData.author + ", " + note.modelData.at
                        }
                    }
                }
                TextArea {
                    id: noteField
                    objectName: "noteField"
                    Layout.fillWidth: true
                    Layout.minimumHeight: Theme.touchTarget * 1.5
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                    wrapMode: TextEdit.Wrap
                    placeholderText: qsTr("New note (notes cannot be changed later)")
                    placeholderTextColor: Theme.mutedText
                    Accessible.name: qsTr("New note")
                    background: Rectangle {
                        color: Theme.surface
                        radius: Theme.radius
                        border.color: noteField.activeFocus ? Theme.accent : Theme.border
                        border.width: Theme.borderWidth
                    }
                }
                TouchButton {
                    objectName: "addNoteButton"
                    text: qsTr("Add note")
                    enabled: noteField.text.trim() !== ""
                    onClicked: {
                        if (root.caseEditor.addNote(noteField.text))
                            noteField.text = "";
                    }
                }

            }
        }
    }
}
