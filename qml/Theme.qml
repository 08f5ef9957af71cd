pragma Singleton
import QtQuick

// Colours, type and touch sizes in one place; the high-contrast variant is for sunlight on the bike.
QtObject {
    id: root

    property bool highContrast: false
    // Minimum touch target in millimetres; the hardware profile raises it (12 mm on the bike, for gloves).
    property real minTouchMm: 9
    // Logical pixels per millimetre of the screen in use (from the profile, else Screen.pixelDensity).
    property real pixelsPerMm: 4

    readonly property int touchTarget: Math.round(minTouchMm * pixelsPerMm)
    readonly property int spacing: Math.round(2 * pixelsPerMm)
    readonly property int radius: Math.round(1.2 * pixelsPerMm)
    readonly property int fontBody: Math.max(16, Math.round(3.2 * pixelsPerMm))
    readonly property int fontSmall: Math.max(14, Math.round(fontBody * 0.85))
    readonly property int fontTitle: Math.round(fontBody * 1.5)
    readonly property int fontHuge: Math.round(fontBody * 2.6)

    readonly property color background: highContrast ? "#000000" : "#f4f6f5"
    readonly property color surface: highContrast ? "#111111" : "#ffffff"
    readonly property color surfaceAlt: highContrast ? "#222222" : "#e7ecea"
    readonly property color border: highContrast ? "#ffffff" : "#c5cdc9"
    readonly property color text: highContrast ? "#ffffff" : "#1b1f1d"
    readonly property color mutedText: highContrast ? "#e0e0e0" : "#55605a"
    readonly property color accent: highContrast ? "#7CFC9A" : "#1d6b3a"
    readonly property color onAccent: highContrast ? "#000000" : "#ffffff"
    readonly property color warning: highContrast ? "#ffd24d" : "#9a5b00"
    readonly property color danger: highContrast ? "#ff8080" : "#b3261e"
    readonly property int borderWidth: highContrast ? 2 : 1
}
