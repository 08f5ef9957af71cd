import QtQuick
import QtQuick.Controls
import Fieldkit

// A case status as a coloured chip (light text on the status colour; its name is the status).
Label {
    id: root

    property string status: ""

    text: Texts.statusName(root.status)
    color: Theme.textOnAccent
    font.pixelSize: Theme.fontSmall
    font.bold: true
    leftPadding: Math.round(Theme.spacing / 2)
    rightPadding: Math.round(Theme.spacing / 2)
    topPadding: 2
    bottomPadding: 2
    Accessible.name: text
    background: Rectangle {
        color: Theme.statusColor(root.status)
        radius: Theme.radius
    }
}
