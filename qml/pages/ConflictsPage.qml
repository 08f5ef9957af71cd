pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldkit

// Conflicting fields of a case, versions side by side with author and time: keep one, or (for text and the
// CPR number) write a merged value. A checklist item or life-situation step ticked differently on two tablets,
// or two signatures, are resolved by keeping one version.
Page {
    id: root

    required property var conflicts

    signal done()

    objectName: "conflictsPage"
    title: qsTr("Conflicts")
    background: Rectangle { color: Theme.background }

    Flickable {
        anchors.fill: parent
        contentHeight: body.implicitHeight + 2 * Theme.spacing
        clip: true

        ColumnLayout {
            id: body
            x: Theme.spacing
            y: Theme.spacing
            width: parent.width - 2 * Theme.spacing
            spacing: Theme.spacing

            BodyText {
                objectName: "noConflicts"
                visible: root.conflicts.count === 0
                Layout.fillWidth: true
                text: qsTr("No conflicts left on this case.")
            }
            Label {
                objectName: "conflictError"
                visible: root.conflicts.errorCode !== ""
                text: Texts.errorText(root.conflicts.errorCode)
                color: Theme.danger
                font.pixelSize: Theme.fontBody
                Layout.fillWidth: true
            }

            Repeater {
                objectName: "conflictFields"
                model: root.conflicts.fields
                delegate: Card {
                    id: fieldCard
                    required property var modelData
                    Layout.fillWidth: true

                    ColumnLayout {
                        width: parent.width
                        spacing: Theme.spacing

                        SectionTitle {
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            text: fieldCard.modelData.label !== "" ? fieldCard.modelData.label
                                                                     : Texts.fieldName(fieldCard.modelData.field)
                        }
                        RowLayout {
                            objectName: "versions_" + fieldCard.modelData.field
                            Layout.fillWidth: true
                            spacing: Theme.spacing
                            Repeater {
                                model: fieldCard.modelData.versions
                                delegate: Card {
                                    id: versionCard
                                    required property var modelData
                                    required property int index
                                    Layout.fillWidth: true
                                    Layout.preferredWidth: 1
                                    ColumnLayout {
                                        width: parent.width
                                        spacing: Math.round(Theme.spacing / 2)
                                        BodyText {
                                            Layout.fillWidth: true
                                            font.bold: true
                                            text: fieldCard.modelData.freeText ? versionCard.modelData.value
                                                                               : Texts.conflictChoice(versionCard.modelData.value)
                                        }
                                        BodyText {
                                            Layout.fillWidth: true
                                            muted: true
                                            text: qsTr("%1, %2").arg(versionCard.modelData.author).arg(versionCard.modelData.at)
                                        }
                                        TouchButton {
                                            objectName: "keep_" + fieldCard.modelData.field + "_" + versionCard.index
                                            Layout.fillWidth: true
                                            text: qsTr("Keep this")
                                            Accessible.name: qsTr("Keep “%1”").arg(fieldCard.modelData.freeText ? versionCard.modelData.value
                                                                                                  : Texts.conflictChoice(versionCard.modelData.value))
                                            onClicked: root.conflicts.keep(fieldCard.modelData.field, versionCard.index)
                                        }
                                    }
                                }
                            }
                        }
                        RowLayout {
                            visible: fieldCard.modelData.freeText
                            Layout.fillWidth: true
                            spacing: Theme.spacing
                            TouchField {
                                id: merged
                                objectName: "merged_" + fieldCard.modelData.field
                                Layout.fillWidth: true
                                label: qsTr("Or write the correct value")
                            }
                            TouchButton {
                                objectName: "useMerged_" + fieldCard.modelData.field
                                text: qsTr("Use this value")
                                enabled: merged.text.trim() !== ""
                                onClicked: root.conflicts.resolve(fieldCard.modelData.field, merged.text)
                            }
                        }
                    }
                }
            }

            TouchButton {
                visible: root.conflicts.count === 0
                text: qsTr("Back to the case")
                onClicked: root.done()
            }
        }
    }
}
