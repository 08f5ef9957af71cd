pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldkit

// One case: metadata, citizen, checklist, add-only notes, status along the lifecycle (confirmed), referral,
// attachments (imported from the import folder, a finger signature, images shown on demand) and the
// timeline (who did what when, from the operations and the audit log).
Page {
    id: root

    required property var caseEditor
    required property var caseTimeline
    required property var attachments
    required property var catalogue
    required property var lifeSituations

    signal openConflicts(string caseId)

    objectName: "casePage"
    title: qsTr("Case")
    background: Rectangle { color: Theme.background }

    StatusChangeDialog {
        id: statusDialog
        parent: Overlay.overlay
        onConfirmed: (to, reason) => root.caseEditor.changeStatus(to, reason)
    }

    component SheetBackground: Rectangle {
        color: Theme.surface
        radius: Theme.radius
        border.color: Theme.border
        border.width: Theme.borderWidth
    }

    // Files in the import folder as a touch list: no desktop file dialog (there is none in kiosk mode).
    Popup {
        id: importSheet
        objectName: "importSheet"
        parent: Overlay.overlay
        anchors.centerIn: Overlay.overlay
        width: Math.min(Overlay.overlay ? Overlay.overlay.width * 0.9 : 800, Theme.touchTarget * 14)
        height: Math.min(Overlay.overlay ? Overlay.overlay.height * 0.85 : 600, Theme.touchTarget * 10)
        modal: true
        padding: Theme.spacing
        background: SheetBackground {}
        onOpened: root.attachments.refreshImportFiles()
        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.spacing
            SectionTitle {
                text: qsTr("Attach a file")
            }
            BodyText {
                Layout.fillWidth: true
                muted: true
                wrapMode: Text.WordWrap
                text: qsTr("Images (PNG, JPEG) and PDF files from the import folder. The file moves into the case, encrypted.")
            }
            ListView {
                id: importList
                objectName: "importList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: Math.round(Theme.spacing / 2)
                model: root.attachments.importFiles
                delegate: TouchButton {
                    required property var modelData
                    objectName: "importFile_" + modelData.name
                    width: ListView.view.width
                    text: modelData.name + "  ·  " + Math.max(1, Math.round(modelData.size / 1024)) + " kB  ·  " + modelData.modified
                    Accessible.name: qsTr("Attach %1").arg(modelData.name)
                    onClicked: {
                        if (root.attachments.importFile(modelData.name))
                            importSheet.close();
                    }
                }
                BodyText {
                    anchors.centerIn: parent
                    visible: importList.count === 0
                    muted: true
                    text: qsTr("The import folder is empty.")
                }
            }
            TouchButton {
                Layout.alignment: Qt.AlignRight
                text: qsTr("Close")
                onClicked: importSheet.close()
            }
        }
    }

    Popup {
        id: signatureSheet
        objectName: "signatureSheet"
        parent: Overlay.overlay
        anchors.centerIn: Overlay.overlay
        width: Overlay.overlay ? Overlay.overlay.width * 0.9 : 800
        height: Overlay.overlay ? Overlay.overlay.height * 0.8 : 600
        modal: true
        padding: Theme.spacing
        background: SheetBackground {}
        // No strokes of an earlier citizen survive: the pad starts empty every time and is emptied on close.
        onOpened: signaturePad.clear()
        onClosed: signaturePad.clear()
        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.spacing
            SectionTitle {
                text: qsTr("Citizen's signature")
            }
            SignaturePad {
                id: signaturePad
                Layout.fillWidth: true
                Layout.fillHeight: true
                onSaved: url => {
                    if (root.attachments.saveSignature(url))
                        signatureSheet.close();
                }
            }
            TouchButton {
                Layout.alignment: Qt.AlignRight
                text: qsTr("Cancel")
                onClicked: signatureSheet.close()
            }
        }
    }

    Popup {
        id: imageViewer
        objectName: "imageViewer"
        parent: Overlay.overlay
        anchors.centerIn: Overlay.overlay
        width: Overlay.overlay ? Overlay.overlay.width * 0.95 : 800
        height: Overlay.overlay ? Overlay.overlay.height * 0.9 : 600
        modal: true
        visible: root.attachments.viewedImage !== ""
        padding: Theme.spacing
        background: SheetBackground {}
        onClosed: root.attachments.closeView()
        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.spacing
            BodyText {
                Layout.fillWidth: true
                elide: Text.ElideMiddle
                text: root.attachments.viewedName
            }
            Image {
                Layout.fillWidth: true
                Layout.fillHeight: true
                fillMode: Image.PreserveAspectFit
                cache: false // a decrypted image must not outlive the viewer in Qt's pixmap cache
                asynchronous: false
                source: root.attachments.viewedImage
            }
            TouchButton {
                Layout.alignment: Qt.AlignRight
                text: qsTr("Close")
                onClicked: imageViewer.close()
            }
        }
    }

    // The signature is what the citizen waits for: always on screen, whatever the page scrolls.
    footer: ActionBar {
        TouchButton {
            objectName: "signatureButton"
            primary: true
            Layout.fillWidth: true
            text: root.caseEditor.hasSignature ? qsTr("Sign again") : qsTr("Signature")
            Accessible.name: qsTr("Let the citizen sign")
            onClicked: signatureSheet.open()
        }
        TouchButton {
            objectName: "importFileButton"
            Layout.fillWidth: true
            text: qsTr("Attach file")
            onClicked: importSheet.open()
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
                // The citizen's receipt (issue 18): reference and access code as text to write down, and the QR code
                // that opens the status page with both in its fragment.
                Card {
                    objectName: "receiptCard"
                    visible: root.caseEditor.receiptReference !== ""
                    Layout.fillWidth: true
                    RowLayout {
                        anchors.fill: parent
                        spacing: Theme.spacing
                        ColumnLayout {
                            Layout.fillWidth: true
                            Layout.alignment: Qt.AlignTop
                            spacing: Math.round(Theme.spacing / 2)
                            BodyText {
                                Layout.fillWidth: true
                                font.bold: true
                                text: qsTr("Receipt for the citizen")
                            }
                            BodyText {
                                objectName: "receiptReference"
                                Layout.fillWidth: true
                                text: qsTr("Case reference: %1").arg(root.caseEditor.receiptReference)
                            }
                            BodyText {
                                objectName: "receiptCode"
                                Layout.fillWidth: true
                                font.bold: true
                                text: qsTr("Access code: %1").arg(root.caseEditor.receiptCode)
                            }
                            BodyText {
                                Layout.fillWidth: true
                                wrapMode: Text.WordWrap
                                muted: true
                                text: qsTr("With these the citizen follows the case online at any hour.")
                            }
                        }
                        Rectangle {
                            visible: root.caseEditor.receiptLink !== ""
                            Layout.alignment: Qt.AlignTop
                            Layout.preferredWidth: Math.round(30 * Theme.pixelsPerMm)
                            Layout.preferredHeight: Layout.preferredWidth
                            color: "white"
                            QrImage {
                                objectName: "receiptQr"
                                anchors.fill: parent
                                text: root.caseEditor.receiptLink
                                Accessible.name: qsTr("QR code of the receipt")
                            }
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
                        Accessible.role: Accessible.CheckBox
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

                // The life situation talked through and its steps: saved with the case at each tick, so they
                // are there when the case is opened again, here or on the partner's tablet.
                SectionTitle {
                    text: qsTr("Life situation")
                }
                Flow {
                    objectName: "caseSituations"
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Repeater {
                        model: root.lifeSituations
                        delegate: TouchButton {
                            required property string code
                            required property string name
                            objectName: "caseSituation_" + code
                            text: name
                            checkable: true
                            checked: root.caseEditor.lifeSituation === code
                            onClicked: root.caseEditor.setLifeSituation(code)
                        }
                    }
                }
                Repeater {
                    objectName: "caseSituationSteps"
                    model: root.caseEditor.lifeSituationSteps
                    delegate: CheckDelegate {
                        id: situationStep
                        required property var modelData
                        objectName: "caseSituationStep_" + situationStep.modelData.stepId
                        Layout.fillWidth: true
                        implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
                        text: situationStep.modelData.text
                        font.pixelSize: Theme.fontBody
                        checked: situationStep.modelData.done
                        Accessible.name: situationStep.modelData.text
                        Accessible.role: Accessible.CheckBox
                        contentItem: Text {
                            text: situationStep.text
                            font: situationStep.font
                            color: Theme.text
                            wrapMode: Text.WordWrap
                            rightPadding: situationStep.indicator.width + situationStep.spacing
                            verticalAlignment: Text.AlignVCenter
                        }
                        onToggled: root.caseEditor.setLifeSituationStep(situationStep.modelData.stepId, situationStep.checked)
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
                    Accessible.role: Accessible.EditableText
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

                SectionTitle {
                    text: qsTr("Attachments")
                }
                Repeater {
                    objectName: "caseAttachments"
                    model: root.caseEditor.attachments
                    delegate: RowLayout {
                        id: attachment
                        required property var modelData
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        BodyText {
                            Layout.fillWidth: true
                            wrapMode: Text.WordWrap
                            text: (attachment.modelData.kind === "signature" ? qsTr("Signature") : attachment.modelData.name)
                                  + " · " + Math.max(1, Math.round(attachment.modelData.size / 1024)) + " kB · "
                                  + attachment.modelData.staff + ", " + attachment.modelData.at
                                  + (attachment.modelData.available ? "" : " · " + qsTr("still arriving"))
                        }
                        TouchButton {
                            objectName: "viewAttachment_" + attachment.modelData.attachmentId
                            visible: attachment.modelData.image
                            enabled: attachment.modelData.available
                            text: qsTr("Show")
                            Accessible.name: qsTr("Show %1 (logged)").arg(attachment.modelData.kind === "signature" ? qsTr("Signature") : attachment.modelData.name)
                            onClicked: root.attachments.view(attachment.modelData.attachmentId)
                        }
                    }
                }
                BodyText {
                    visible: root.caseEditor.attachments.length === 0
                    muted: true
                    text: qsTr("No attachments yet.")
                }
                Label {
                    objectName: "attachmentError"
                    visible: root.attachments.errorCode !== ""
                    text: Texts.errorText(root.attachments.errorCode)
                    color: Theme.danger
                    font.pixelSize: Theme.fontBody
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }

            }
        }
    }
}
