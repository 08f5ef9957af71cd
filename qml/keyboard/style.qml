import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Styles
import Fieldkit

// The on-screen keyboard drawn from the app's theme, so it meets the same contrast and target sizes as the
// pages above it: surface keys with text on them, the enter key in the accent colour, borders ≥ 3:1, every
// key row one touch target (15 mm in glove mode) plus the 3 mm gap. Qt Virtual Keyboard finds it by its
// folder name "fieldkit" under QtQuick/VirtualKeyboard/Styles in a QML import path (the app adds
// qrc:/fieldkit-keyboard). Keys show words or glyphs from DejaVu Sans, not the built-in style's images.
KeyboardStyle {
    id: root

    // The keyboard's height is design height × width / design width: with the width it spans as the design
    // width it is exactly Theme.keyboardHeight (four rows of one target and a gap each).
    readonly property real gap: Theme.spacing / 2

    keyboardDesignWidth: Math.max(1, Theme.keyboardWidth)
    keyboardDesignHeight: Theme.keyboardHeight
    // No side margins: each key is inset by half the gap, which is margin enough at the screen's edge, and
    // on the bike the twelve keys of a row need every millimetre to stay 15 mm wide.
    keyboardRelativeLeftMargin: 0
    keyboardRelativeRightMargin: 0
    keyboardRelativeTopMargin: Theme.spacing / root.keyboardDesignHeight
    keyboardRelativeBottomMargin: Theme.spacing / root.keyboardDesignHeight

    keyboardBackground: Rectangle {
        objectName: "keyboardBackground"
        color: Theme.surfaceAlt
        border.color: Theme.border
        border.width: Theme.borderWidth
    }

    // A key: surface with a border, its text in the theme's text colour; pressed or active, the accent.
    component ThemedKey: KeyPanel {
        id: key
        property string label: key.control ? key.control.displayText : ""
        property bool emphasised: false // the accent colour at rest (enter, an active shift)
        readonly property bool lit: key.emphasised || (key.control !== null && key.control.pressed)
        readonly property color face: key.lit ? (key.control && key.control.pressed ? Theme.accentPressed : Theme.accent)
                                              : Theme.surface
        readonly property color ink: key.lit ? Theme.textOnAccent : Theme.text

        Rectangle {
            objectName: "keyFace"
            anchors.fill: parent
            anchors.margins: root.gap
            radius: Theme.radius
            color: key.face
            border.color: key.lit ? key.face : Theme.border
            border.width: Theme.borderWidth
            opacity: key.control && !key.control.enabled ? 0.5 : 1
            Text {
                objectName: "keyLabel"
                anchors.fill: parent
                anchors.margins: Theme.spacing / 2
                text: key.label
                color: key.ink
                font.pixelSize: Theme.fontTitle
                font.capitalization: key.control && key.control.uppercased ? Font.AllUppercase : Font.MixedCase
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                fontSizeMode: Text.Fit
                minimumPixelSize: Theme.fontSmall
                elide: Text.ElideNone
            }
            Text {
                visible: key.control && key.control.smallTextVisible === true
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.margins: Theme.spacing / 3
                text: key.control ? key.control.smallText : ""
                color: key.ink
                font.pixelSize: Theme.fontSmall
            }
        }
    }

    keyPanel: ThemedKey {}
    backspaceKeyPanel: ThemedKey { label: "⌫" }
    languageKeyPanel: ThemedKey { label: InputContext.locale.substring(0, 2).toUpperCase() }
    enterKeyPanel: ThemedKey {
        emphasised: true
        label: "↵"
    }
    hideKeyPanel: ThemedKey { label: "▼" }
    shiftKeyPanel: ThemedKey {
        emphasised: InputContext.capsLockActive
        label: InputContext.shiftActive || InputContext.capsLockActive ? "⬆" : "⇧"
    }
    spaceKeyPanel: ThemedKey { label: "" }
    symbolKeyPanel: ThemedKey {}
    modeKeyPanel: ThemedKey { emphasised: control !== null && control.mode === true }
    handwritingKeyPanel: ThemedKey {}

    // The character under the finger, above it, large.
    characterPreviewMargin: 0
    characterPreviewDelegate: Item {
        id: preview
        property string text
        Rectangle {
            anchors.fill: parent
            radius: Theme.radius
            color: Theme.accent
            Text {
                anchors.fill: parent
                text: preview.text
                color: Theme.textOnAccent
                font.pixelSize: Theme.fontHuge
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                fontSizeMode: Text.Fit
            }
        }
    }

    // Held keys' alternatives (å, é, ...): one touch target each.
    alternateKeysListItemWidth: Theme.touchTarget
    alternateKeysListItemHeight: Theme.touchTarget
    alternateKeysListTopMargin: root.gap
    alternateKeysListBottomMargin: root.gap
    alternateKeysListLeftMargin: root.gap
    alternateKeysListRightMargin: root.gap
    alternateKeysListDelegate: Item {
        id: alternative
        required property string text
        width: Theme.touchTarget
        height: Theme.touchTarget
        Text {
            anchors.fill: parent
            text: alternative.text
            color: alternative.ListView.isCurrentItem ? Theme.textOnAccent : Theme.text
            font.pixelSize: Theme.fontTitle
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
    }
    alternateKeysListHighlight: Rectangle {
        radius: Theme.radius
        color: Theme.accent
    }
    alternateKeysListBackground: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
        border.width: Theme.borderWidth
    }

    // Word suggestions (when a dictionary offers them), one target tall.
    selectionListHeight: Theme.touchTarget
    selectionListDelegate: SelectionListItem {
        id: suggestion
        required property string display
        width: Math.max(Theme.touchTarget, word.implicitWidth + 2 * Theme.spacing)
        height: Theme.touchTarget
        Text {
            id: word
            anchors.centerIn: parent
            text: suggestion.display
            color: suggestion.ListView.isCurrentItem ? Theme.textOnAccent : Theme.text
            font.pixelSize: Theme.fontBody
        }
    }
    selectionListHighlight: Rectangle {
        radius: Theme.radius
        color: Theme.accent
    }
    selectionListBackground: Rectangle {
        color: Theme.surfaceAlt
    }

    // Pop-up lists (languages, the word menu): the same rows.
    popupListDelegate: SelectionListItem {
        id: popupItem
        required property string display
        width: Math.max(Theme.touchTarget * 4, popupText.implicitWidth + 2 * Theme.spacing)
        height: Theme.touchTarget
        Text {
            id: popupText
            anchors.centerIn: parent
            text: popupItem.display
            color: popupItem.ListView.isCurrentItem ? Theme.textOnAccent : Theme.text
            font.pixelSize: Theme.fontBody
        }
    }
    popupListHighlight: Rectangle {
        color: Theme.accent
    }
    popupListBackground: Rectangle {
        color: Theme.surface
        border.color: Theme.border
        border.width: Theme.borderWidth
    }
    languageListDelegate: SelectionListItem {
        id: languageItem
        required property string displayName
        width: Math.max(Theme.touchTarget * 4, languageText.implicitWidth + 2 * Theme.spacing)
        height: Theme.touchTarget
        Text {
            id: languageText
            anchors.centerIn: parent
            text: languageItem.displayName
            color: languageItem.ListView.isCurrentItem ? Theme.textOnAccent : Theme.text
            font.pixelSize: Theme.fontBody
        }
    }
    languageListHighlight: Rectangle {
        color: Theme.accent
    }
    languageListBackground: Rectangle {
        color: Theme.surface
        border.color: Theme.border
        border.width: Theme.borderWidth
    }

    navigationHighlight: Rectangle {
        color: "transparent"
        border.color: Theme.accent
        border.width: 2 * Theme.borderWidth
    }
}
