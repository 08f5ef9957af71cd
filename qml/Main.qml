pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Window
import Fieldkit

// The one window. Services come from C++ as required properties; the title never carries citizen data.
ApplicationWindow {
    id: root

    required property var session
    required property var language
    required property var profile
    required property var caseModel
    required property var syncStatus
    required property var catalogue
    required property var lifeSituations
    required property var cprInput
    required property var caseEditor
    required property var caseTimeline
    required property var attachments
    required property var conflicts
    required property var contacts
    property string startPage: ""

    function showPage(name: var): bool {
        return shell.showPage(String(name));
    }

    width: root.profile.windowWidth
    height: root.profile.windowHeight
    visible: true
    visibility: root.profile.fullScreen && root.startPage === "" ? Window.FullScreen : Window.AutomaticVisibility
    flags: root.profile.fullScreen ? Qt.Window | Qt.FramelessWindowHint : Qt.Window
    title: qsTr("fieldkit")
    color: Theme.background
    // The Basic style draws Labels, popups, drop-downs and dialogs from the palette: all of it from the theme.
    palette.window: Theme.background
    palette.windowText: Theme.text
    palette.base: Theme.surface
    palette.alternateBase: Theme.surfaceAlt
    palette.text: Theme.text
    palette.button: Theme.surface
    palette.buttonText: Theme.text
    palette.brightText: Theme.textOnAccent
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.textOnAccent
    palette.placeholderText: Theme.mutedText
    palette.toolTipBase: Theme.surface
    palette.toolTipText: Theme.text
    palette.light: Theme.surface
    palette.midlight: Theme.surfaceAlt
    palette.mid: Theme.border
    palette.dark: Theme.border
    palette.shadow: Theme.text
    palette.link: Theme.accent

    Component.onCompleted: {
        Theme.highContrast = root.profile.highContrast;
        Theme.gloveMode = root.profile.gloveMode;
        Theme.minTouchMm = root.profile.minTouchMm;
        Theme.pixelsPerMm = root.profile.pixelsPerMm > 0 ? root.profile.pixelsPerMm : Screen.pixelDensity;
    }

    AppShell {
        id: shell
        // Above the on-screen keyboard while it is up, so every page can still scroll to its buttons.
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.bottom: (keyboard.item as Item) && (keyboard.item as Item).visible ? keyboard.top : parent.bottom
        session: root.session
        language: root.language
        profile: root.profile
        caseModel: root.caseModel
        syncStatus: root.syncStatus
        catalogue: root.catalogue
        lifeSituations: root.lifeSituations
        cprInput: root.cprInput
        caseEditor: root.caseEditor
        caseTimeline: root.caseTimeline
        attachments: root.attachments
        conflicts: root.conflicts
        contacts: root.contacts
        startPage: root.startPage
        keyboardUp: (keyboard.item as Item) !== null && (keyboard.item as Item).visible
    }

    Loader {
        id: keyboard
        active: root.profile.onScreenKeyboard
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        // By URL: an inline component of this (bound) file cannot be instantiated by the Loader in Qt 6.4.
        source: "components/OnScreenKeyboard.qml"
    }
}
