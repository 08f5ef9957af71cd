pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldkit

// A large PIN pad for gloved fingers: digits shown as dots, never as numbers.
ColumnLayout {
    id: root

    property string pin: ""
    property int maxLength: 8
    property int minLength: 4
    readonly property int keySize: Math.round(Theme.touchTarget * (Theme.gloveMode ? 1 : 1.25))

    signal submitted(string pin)

    function press(digit: string) {
        if (root.pin.length < root.maxLength)
            root.pin += digit;
    }
    function erase() {
        root.pin = root.pin.slice(0, -1);
    }
    function submit() {
        if (root.pin.length < root.minLength)
            return;
        const entered = root.pin;
        root.pin = "";
        root.submitted(entered);
    }

    objectName: "pinPad"
    spacing: Theme.spacing

    Label {
        objectName: "pinDots"
        Layout.alignment: Qt.AlignHCenter
        Layout.preferredHeight: Theme.touchTarget
        verticalAlignment: Text.AlignVCenter
        text: root.pin.length > 0 ? "●".repeat(root.pin.length) : qsTr("Enter PIN")
        font.pixelSize: root.pin.length > 0 ? Theme.fontTitle : Theme.fontBody
        font.letterSpacing: root.pin.length > 0 ? Theme.spacing / 2 : 0
        color: root.pin.length > 0 ? Theme.text : Theme.mutedText
        Accessible.name: qsTr("%n digit(s) entered", "", root.pin.length)
    }

    GridLayout {
        Layout.alignment: Qt.AlignHCenter
        columns: 3
        rowSpacing: Theme.spacing
        columnSpacing: Theme.spacing

        Repeater {
            model: ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
            delegate: TouchButton {
                required property string modelData
                objectName: "pinKey" + modelData
                text: modelData
                font.pixelSize: Theme.fontTitle
                Layout.preferredWidth: root.keySize
                Layout.preferredHeight: root.keySize
                onClicked: root.press(modelData)
            }
        }
        TouchButton {
            objectName: "pinErase"
            text: "⌫"
            Accessible.name: qsTr("Delete last digit")
            font.pixelSize: Theme.fontTitle
            enabled: root.pin.length > 0
            Layout.preferredWidth: root.keySize
            Layout.preferredHeight: root.keySize
            onClicked: root.erase()
        }
        TouchButton {
            objectName: "pinKey0"
            text: "0"
            font.pixelSize: Theme.fontTitle
            Layout.preferredWidth: root.keySize
            Layout.preferredHeight: root.keySize
            onClicked: root.press("0")
        }
        TouchButton {
            objectName: "pinSubmit"
            text: qsTr("OK")
            Accessible.name: qsTr("Unlock")
            primary: true
            enabled: root.pin.length >= root.minLength
            Layout.preferredWidth: root.keySize
            Layout.preferredHeight: root.keySize
            onClicked: root.submit()
        }
    }
}
