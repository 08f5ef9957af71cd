pragma Singleton
import QtQuick

// Colours, type and touch sizes in one place; the high-contrast variant is for sunlight on the bike.
QtObject {
    id: root

    property bool highContrast: false
    // Minimum touch target in millimetres; the hardware profile raises it (10 mm on the bike, for gloves).
    property real minTouchMm: 9
    // Pixels per millimetre of the screen in use; set from Screen.pixelDensity by the window.
    property real pixelsPerMm: 4

    readonly property int touchTarget: Math.round(minTouchMm * pixelsPerMm)
    readonly property int spacing: Math.round(2 * pixelsPerMm)
    readonly property int fontBody: Math.max(16, Math.round(3.2 * pixelsPerMm))
    readonly property int fontTitle: Math.round(fontBody * 1.5)

    readonly property color background: highContrast ? "#000000" : "#f4f6f5"
    readonly property color surface: highContrast ? "#111111" : "#ffffff"
    readonly property color text: highContrast ? "#ffffff" : "#1b1f1d"
    readonly property color mutedText: highContrast ? "#e0e0e0" : "#55605a"
    readonly property color accent: highContrast ? "#7CFC9A" : "#1d6b3a"
    readonly property color warning: highContrast ? "#ffd24d" : "#9a5b00"
    readonly property color danger: highContrast ? "#ff8080" : "#b3261e"
}
