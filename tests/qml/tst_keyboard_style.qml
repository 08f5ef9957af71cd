import QtQuick
import QtQuick.Controls
import QtQuick.VirtualKeyboard.Settings
import QtTest
import Fieldkit
import FieldkitTest
import "Contrast.js" as Contrast
import "TestUtil.js" as Util

// The real Qt Virtual Keyboard (this test runs with QT_IM_MODULE=qtvirtualkeyboard) in the app's own style,
// under each touch profile and both theme variants: every key is at least one touch target tall (15 mm in
// glove mode) with the 3 mm gap, its label meets 4.5:1 against the key as rendered, key borders 3:1 against
// the keyboard, and the keyboard is as tall as Theme.keyboardHeight (what the layout test leaves for it).
TestCase {
    id: root
    name: "KeyboardStyle"
    when: windowShown
    visible: true
    width: 1920
    height: 1280

    Component {
        id: screenComponent
        Item {
            property alias field: field
            property alias keyboard: keyboard
            TextField {
                id: field
                x: 10
                y: 10
                width: 300
                height: 60
            }
            OnScreenKeyboard {
                id: keyboard
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.bottom: parent.bottom
            }
        }
    }

    function collect(item, name, out) {
        if (item.objectName === name && item.visible)
            out.push(item);
        for (let i = 0; i < item.children.length; ++i)
            collect(item.children[i], name, out);
        return out;
    }

    function test_keys_follow_the_theme_data() {
        return [
            { tag: "bike-tablet (glove mode, outdoor)", profile: "bike-tablet", glove: true },
            { tag: "togo-tablet", profile: "togo-tablet", glove: false },
            { tag: "station-kiosk", profile: "station-kiosk", glove: false }
        ];
    }

    function test_keys_follow_the_theme(data) {
        const app = Harness.start(data.profile, "da");
        const profile = app.profile;
        Theme.highContrast = profile.highContrast;
        Theme.gloveMode = data.glove;
        compare(profile.gloveMode, data.glove, "the profile says whether gloves are worn");
        Theme.minTouchMm = profile.minTouchMm;
        Theme.pixelsPerMm = profile.pixelsPerMm;
        const screen = createTemporaryObject(screenComponent, root, { width: profile.windowWidth, height: profile.windowHeight });
        verify(screen);
        compare(VirtualKeyboardSettings.styleName, "fieldkit", "the app's keyboard style is not the one in use");
        screen.field.forceActiveFocus();
        Qt.inputMethod.show();
        tryVerify(() => screen.keyboard.active && screen.keyboard.visible, 5000, "the keyboard did not come up");
        tryVerify(() => collect(screen.keyboard, "keyFace", []).length > 20, 5000, "no keys drawn");
        wait(300); // the panel slides in
        waitForRendering(screen);

        const minMm = data.glove ? 15 : Math.max(9, profile.minTouchMm);
        const minPx = minMm * profile.pixelsPerMm - 0.5;
        const gapPx = 3 * profile.pixelsPerMm - 1;
        const faces = collect(screen.keyboard, "keyFace", []);
        const image = grabImage(screen);
        const background = collect(screen.keyboard, "keyboardBackground", [])[0];
        verify(background, "no keyboard background");
        const problems = [];
        let labels = 0;
        for (const face of faces) {
            const where = "key " + (face.children[0] ? "\"" + face.children[0].text + "\"" : "?") + " @ " + data.tag;
            if (face.height < minPx || face.width < minPx)
                problems.push(where + " is " + (face.width / profile.pixelsPerMm).toFixed(1) + " × "
                              + (face.height / profile.pixelsPerMm).toFixed(1) + " mm, needs " + minMm + " mm");
            // Borders against the keyboard behind them.
            if (Contrast.ratio(face.border.color, background.color) < 3)
                problems.push(where + ": border " + face.border.color + " on " + background.color);
            const label = face.children[0];
            if (label && label.text !== "" && face.opacity === 1) {
                // The key's colour as rendered, read just inside its top-left corner (past the rounding).
                const p = face.mapToItem(screen, Theme.radius + 2, face.height / 2);
                const behind = Qt.color(image.pixel(Math.floor(p.x), Math.floor(p.y)));
                const ratio = Contrast.ratio(label.color, behind);
                ++labels;
                if (ratio < 4.5)
                    problems.push(where + ": label " + label.color + " on rendered " + behind + " is " + ratio.toFixed(2) + ":1");
            }
        }
        // Neighbouring keys in a row are at least the gap apart.
        for (const a of faces) {
            for (const b of faces) {
                if (a === b)
                    continue;
                const ra = a.mapToItem(screen, 0, 0), rb = b.mapToItem(screen, 0, 0);
                const sameRow = Math.abs(ra.y - rb.y) < 2;
                if (sameRow && rb.x > ra.x && rb.x - (ra.x + a.width) < gapPx && rb.x - (ra.x + a.width) > -1)
                    problems.push("keys at " + ra.x.toFixed(0) + " and " + rb.x.toFixed(0) + " are "
                                  + ((rb.x - ra.x - a.width) / profile.pixelsPerMm).toFixed(1) + " mm apart @ " + data.tag);
            }
        }
        verify(labels > 20, "too few key labels checked: " + labels);
        console.log(data.tag + ": " + faces.length + " keys, " + labels + " labels checked, keyboard "
                    + screen.keyboard.height.toFixed(0) + " px (Theme.keyboardHeight " + Theme.keyboardHeight + ")");
        compare(problems, [], problems.join("\n"));
        // The layout test leaves Theme.keyboardHeight for the keyboard: it must not be taller.
        verify(Math.abs(screen.keyboard.height - Theme.keyboardHeight) <= 2,
               "keyboard " + screen.keyboard.height + " px, layout assumes " + Theme.keyboardHeight);
        Qt.inputMethod.hide();
        screen.field.focus = false;
        Theme.gloveMode = false;
        Theme.highContrast = false;
    }
}
