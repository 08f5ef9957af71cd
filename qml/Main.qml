import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Window

// The one window. Services come from C++ as required properties; the title never carries citizen data.
ApplicationWindow {
    id: root

    required property var caseModel
    required property var syncStatus

    width: 1280
    height: 800
    visible: true
    title: "fieldkit"
    color: Theme.background

    Component.onCompleted: Theme.pixelsPerMm = Screen.pixelDensity > 0 ? Screen.pixelDensity : 4

    header: ToolBar {
        background: Rectangle { color: Theme.accent }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing
            Label {
                text: qsTr("fieldkit")
                color: "white"
                font.pixelSize: Theme.fontTitle
                font.bold: true
                Layout.fillWidth: true
            }
        }
    }

    StackView {
        id: stack
        anchors.fill: parent
        initialItem: HomePage {
            caseModel: root.caseModel
        }
    }

    footer: SyncStatusLine {
        status: root.syncStatus
    }
}
