pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldkit

// One service: what to bring, who is responsible, attendance, and the self-service address as text and QR.
Page {
    id: root

    required property var catalogue
    required property string code
    property var service: ({})

    function refresh() {
        // onCodeChanged may run before the catalogue is assigned while the page is being created.
        root.service = root.catalogue ? root.catalogue.service(root.code) : {};
    }

    signal startCase(string code)
    signal registerContact(string code)

    objectName: "servicePage"
    title: qsTr("Service")
    background: Rectangle { color: Theme.background }

    onCodeChanged: root.refresh()
    Component.onCompleted: root.refresh()
    // Re-read the entry when the language changes (the model signals dataChanged).
    Connections {
        target: root.catalogue
        function onDataChanged() {
            root.refresh();
        }
    }

    footer: ActionBar {
        TouchButton {
            objectName: "startCaseButton"
            Layout.fillWidth: true
            primary: true
            text: qsTr("Open case")
            onClicked: root.startCase(root.code)
        }
        TouchButton {
            objectName: "registerContactButton"
            Layout.fillWidth: true
            text: qsTr("Register guidance")
            onClicked: root.registerContact(root.code)
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
                Layout.minimumWidth: 0
                Layout.alignment: Qt.AlignTop
                spacing: Theme.spacing

                SectionTitle {
                    objectName: "serviceName"
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    text: root.service.name ?? root.code
                }
                BodyText {
                    Layout.fillWidth: true
                    text: qsTr("Responsible: %1").arg(root.service.authority ?? "")
                }
                BodyText {
                    Layout.fillWidth: true
                    visible: (root.service.kle ?? "") !== ""
                    muted: true
                    text: qsTr("KLE %1").arg(root.service.kle ?? "")
                }
                BodyText {
                    objectName: "attendance"
                    Layout.fillWidth: true
                    color: root.service.attendanceRequired ? Theme.warning : Theme.text
                    font.bold: root.service.attendanceRequired ?? false
                    text: root.service.attendanceRequired ? qsTr("Personal attendance is required.") : qsTr("No personal attendance needed.")
                }
                BodyText {
                    Layout.fillWidth: true
                    muted: true
                    text: qsTr("Fee: %1").arg(root.service.fee ?? "")
                }
                SectionTitle {
                    text: qsTr("Checklist")
                }
                Repeater {
                    model: root.service.checklist ?? []
                    delegate: BodyText {
                        required property var modelData
                        Layout.fillWidth: true
                        text: "•  " + modelData.text
                    }
                }
            }

            ColumnLayout {
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: Math.min(Math.round(55 * Theme.pixelsPerMm), body.width * 0.35)
                Layout.maximumWidth: Layout.preferredWidth
                spacing: Theme.spacing
                visible: (root.service.selfServiceUrl ?? "") !== ""

                SectionTitle {
                    text: qsTr("Self-service")
                }
                Rectangle {
                    Layout.fillWidth: true
                    Layout.preferredHeight: width
                    color: "white"
                    QrImage {
                        objectName: "selfServiceQr"
                        anchors.fill: parent
                        text: root.service.selfServiceUrl ?? ""
                    }
                }
                BodyText {
                    objectName: "selfServiceUrl"
                    Layout.fillWidth: true
                    wrapMode: Text.WrapAnywhere
                    text: root.service.selfServiceUrl ?? ""
                }
                BodyText {
                    Layout.fillWidth: true
                    muted: true
                    text: qsTr("Scan with your phone to do it yourself.")
                }
            }
        }
    }
}
