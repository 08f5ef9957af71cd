pragma Singleton
import QtQuick

// Colours, type and touch sizes in one place. Two variants: "normal" (indoors) and "outdoor" (the bike in
// direct sunlight: dark on white, the polarity that survives glare, with heavier borders). Every colour is
// used only in the pairs listed in textPairs/controlPairs, which a test holds to WCAG 2.1 AA.
// No property here may be named on<Capital>: the QML compiler reads such a name as a signal handler, and in
// the compiled module a colour called "onAccent" came out black.
QtObject {
    id: root

    // The outdoor variant (profile theme "high-contrast").
    property bool highContrast: false
    // Glove mode (the bike): 15 mm targets and tile pickers instead of drop-downs.
    property bool gloveMode: false
    // The profile's minimum touch target in millimetres; never below 9 mm on any profile.
    property real minTouchMm: 9
    // Logical pixels per millimetre of the screen in use (from the profile, else Screen.pixelDensity).
    property real pixelsPerMm: 4

    // The width the on-screen keyboard spans (logical px), set by it.
    property real keyboardWidth: 0

    readonly property real targetMm: root.gloveMode ? Math.max(15, root.minTouchMm) : Math.max(9, root.minTouchMm)
    readonly property real gapMm: 3
    readonly property int touchTarget: Math.ceil(root.targetMm * root.pixelsPerMm)
    // The space between two targets (≥ 3 mm) and between blocks of a page.
    readonly property int spacing: Math.ceil(root.gapMm * root.pixelsPerMm)
    readonly property int radius: Math.round(1.2 * root.pixelsPerMm)
    // The on-screen keyboard (qml/keyboard/style.qml): four rows of keys, each one touch target tall with the
    // 3 mm gap, and a gap above and below; the pages above it get the rest of the window.
    readonly property int keyboardRowHeight: root.touchTarget + root.spacing
    readonly property int keyboardHeight: 4 * root.keyboardRowHeight + 2 * root.spacing
    readonly property int fontBody: Math.max(16, Math.round(3.2 * root.pixelsPerMm))
    readonly property int fontSmall: Math.max(14, Math.round(root.fontBody * 0.85))
    readonly property int fontTitle: Math.round(root.fontBody * 1.4)
    readonly property int fontHuge: Math.round(root.fontBody * 2.4)

    // Surfaces.
    readonly property color background: root.highContrast ? "#ffffff" : "#f4f6f5"
    readonly property color surface: "#ffffff"
    readonly property color surfaceAlt: root.highContrast ? "#e6e6e6" : "#e3e9e6"
    // Text.
    readonly property color text: root.highContrast ? "#000000" : "#1b1f1d"
    readonly property color mutedText: root.highContrast ? "#2e2e2e" : "#4d5752"
    // Brand and state colours; usable as text on the light surfaces and as backgrounds for textOnAccent.
    readonly property color accent: root.highContrast ? "#004d26" : "#1d6b3a"
    readonly property color accentPressed: root.highContrast ? "#00331a" : "#14502b"
    readonly property color textOnAccent: "#ffffff"
    readonly property color warning: root.highContrast ? "#6b3a00" : "#8a5100"
    readonly property color danger: root.highContrast ? "#8f0000" : "#b3261e"
    readonly property color info: root.highContrast ? "#0b3a75" : "#1f4e8c"
    readonly property color neutral: root.highContrast ? "#333333" : "#4d5752"
    // Borders of fields, buttons, rows and the off state of switches and check boxes (≥ 3:1).
    readonly property color border: root.highContrast ? "#000000" : "#6b7570"
    readonly property int borderWidth: root.highContrast ? 2 : 1

    // Every foreground/background pair the components draw; text needs 4.5:1, controls 3:1.
    readonly property var textPairs: [
        ["text", "background"], ["text", "surface"], ["text", "surfaceAlt"],
        ["mutedText", "background"], ["mutedText", "surface"], ["mutedText", "surfaceAlt"],
        ["accent", "background"], ["accent", "surface"],
        ["warning", "background"], ["warning", "surface"], ["warning", "surfaceAlt"],
        ["danger", "background"], ["danger", "surface"],
        ["textOnAccent", "accent"], ["textOnAccent", "accentPressed"], ["textOnAccent", "danger"],
        ["textOnAccent", "warning"], ["textOnAccent", "info"], ["textOnAccent", "neutral"]
    ]
    readonly property var controlPairs: [
        ["border", "background"], ["border", "surface"], ["border", "surfaceAlt"],
        ["accent", "background"], ["accent", "surface"], ["accent", "surfaceAlt"],
        ["warning", "surface"], ["danger", "surface"], ["danger", "background"],
        ["textOnAccent", "accent"]
    ]

    // The chip colour of a case status (the text on it is textOnAccent).
    function statusColor(code: string): color {
        switch (code) {
        case "opened": return root.info;
        case "informed":
        case "decided":
        case "ordered": return root.accent;
        case "withdrawn": return root.danger;
        case "referred": return root.warning;
        default: return root.neutral;
        }
    }
}
