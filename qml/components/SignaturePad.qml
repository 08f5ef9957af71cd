import QtQuick
import QtQuick.Layouts
import Fieldkit

// The citizen signs with a finger; the strokes become a PNG only when staff save it. Nothing is kept
// anywhere but in this item until then, and clearing forgets the strokes.
ColumnLayout {
    id: root

    // Strokes as arrays of points, so the drawing can be repainted at any size and cleared at once.
    property var strokes: []
    readonly property bool empty: root.strokes.length === 0

    signal saved(string pngDataUrl)

    function clear() {
        root.strokes = [];
        canvas.requestPaint();
    }

    function save() {
        if (root.empty)
            return;
        root.saved(canvas.toDataURL("image/png"));
    }

    spacing: Theme.spacing

    Rectangle {
        objectName: "signatureArea"
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: Theme.touchTarget * 3
        color: "white" // ink on paper, in either theme, so the saved image reads the same everywhere
        radius: Theme.radius
        border.color: Theme.border
        border.width: Theme.borderWidth

        Canvas {
            id: canvas
            objectName: "signatureCanvas"
            // Inside the frame, so the frame stays visible around the white sheet.
            anchors.fill: parent
            anchors.margins: 2 * Theme.borderWidth + 1
            onPaint: {
                const ctx = getContext("2d");
                ctx.clearRect(0, 0, width, height);
                ctx.fillStyle = "white";
                ctx.fillRect(0, 0, width, height);
                ctx.strokeStyle = "black";
                ctx.lineWidth = Math.max(3, Theme.touchTarget / 20);
                ctx.lineCap = "round";
                ctx.lineJoin = "round";
                for (const stroke of root.strokes) {
                    ctx.beginPath();
                    ctx.moveTo(stroke[0].x, stroke[0].y);
                    for (let i = 1; i < stroke.length; ++i)
                        ctx.lineTo(stroke[i].x, stroke[i].y);
                    if (stroke.length === 1)
                        ctx.lineTo(stroke[0].x + 0.5, stroke[0].y + 0.5);
                    ctx.stroke();
                }
            }
        }

        // The line to sign on and the hint are drawn over the sheet (not into the saved image).
        Rectangle {
            objectName: "signatureBaseline"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            anchors.margins: Theme.spacing * 2
            anchors.bottomMargin: Math.round(parent.height * 0.25)
            height: Math.max(2, Theme.borderWidth * 2)
            color: Theme.border
            Text {
                anchors.left: parent.left
                anchors.bottom: parent.top
                text: "×"
                color: Theme.mutedText
                font.pixelSize: Theme.fontTitle
            }
        }
        Text {
            objectName: "signatureHint"
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.top: parent.top
            anchors.topMargin: Theme.spacing
            visible: root.empty
            text: qsTr("Sign here with your finger")
            color: Theme.mutedText
            font.pixelSize: Theme.fontBody
        }

        MouseArea {
            objectName: "signatureInput"
            anchors.fill: parent
            preventStealing: true // a signature is not a swipe of the page behind it
            Accessible.role: Accessible.Canvas
            Accessible.name: qsTr("Signature pad")
            onPressed: mouse => {
                const next = root.strokes.slice();
                next.push([Qt.point(mouse.x, mouse.y)]);
                root.strokes = next;
                canvas.requestPaint();
            }
            onPositionChanged: mouse => {
                if (!pressed || root.strokes.length === 0)
                    return;
                root.strokes[root.strokes.length - 1].push(Qt.point(mouse.x, mouse.y));
                canvas.requestPaint();
            }
        }
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        TouchButton {
            objectName: "signatureClear"
            text: qsTr("Clear")
            enabled: !root.empty
            onClicked: root.clear()
        }
        Item { Layout.fillWidth: true }
        TouchButton {
            objectName: "signatureSave"
            primary: true
            text: qsTr("Save signature")
            enabled: !root.empty
            onClicked: root.save()
        }
    }
}
