import QtQuick

// A QR code for a link, drawn by the app's image provider (black on white in every theme, so it scans).
Image {
    id: root

    property string text: ""

    source: root.text === "" ? "" : "image://qr/" + encodeURIComponent(root.text)
    sourceSize.width: root.width > 0 ? root.width : 256
    sourceSize.height: root.width > 0 ? root.width : 256
    fillMode: Image.PreserveAspectFit
    smooth: false
    cache: false
    Accessible.role: Accessible.Graphic
    Accessible.name: qsTr("QR code for %1").arg(root.text)
}
