import QtQuick
import QtTest
import Fieldkit
import FieldkitTest
import "Contrast.js" as Contrast

// WCAG 2.1 AA for every colour pair the theme defines, in both variants, read from the compiled module
// (which is where onAccent once came out black): text ≥ 4.5:1, borders and controls ≥ 3:1.
TestCase {
    id: root
    name: "ThemeContrast"

    readonly property var variants: [{ name: "normal", highContrast: false }, { name: "outdoor", highContrast: true }]

    function colourNames() {
        return Harness.colourProperties(Theme);
    }

    function checkPairs(pairs, minimum, kind) {
        const failures = [];
        let checked = 0;
        for (const variant of root.variants) {
            Theme.highContrast = variant.highContrast;
            for (const pair of pairs) {
                const fg = Theme[pair[0]];
                const bg = Theme[pair[1]];
                verify(fg !== undefined && bg !== undefined, "unknown colour in pair " + pair.join("/"));
                const ratio = Contrast.ratio(fg, bg);
                ++checked;
                if (ratio < minimum)
                    failures.push(variant.name + ": " + kind + " " + pair[0] + " " + fg + " on " + pair[1] + " " + bg
                                  + " is " + ratio.toFixed(2) + ":1, needs " + minimum + ":1");
            }
        }
        Theme.highContrast = false;
        console.log(kind + " pairs checked: " + checked + ", under AA: " + failures.length);
        compare(failures, [], failures.join("\n"));
        return checked;
    }

    function test_ratio_formula() {
        // Known values: black on white is 21:1, a colour on itself 1:1, #767676 on white 4.54:1.
        fuzzyCompare(Contrast.ratio(Qt.color("#000000"), Qt.color("#ffffff")), 21, 0.01);
        fuzzyCompare(Contrast.ratio(Qt.color("#1d6b3a"), Qt.color("#1d6b3a")), 1, 0.001);
        fuzzyCompare(Contrast.ratio(Qt.color("#767676"), Qt.color("#ffffff")), 4.54, 0.01);
        fuzzyCompare(Contrast.ratio(Qt.color("#ffffff"), Qt.color("#767676")), 4.54, 0.01);
    }

    function test_text_on_accent_is_light_in_the_compiled_module() {
        for (const variant of root.variants) {
            Theme.highContrast = variant.highContrast;
            verify(Contrast.luminance(Theme.textOnAccent) > 0.9, variant.name + ": textOnAccent is " + Theme.textOnAccent);
        }
        Theme.highContrast = false;
    }

    function test_text_pairs_meet_aa() {
        verify(checkPairs(Theme.textPairs, 4.5, "text") >= 2 * 15);
    }

    function test_control_pairs_meet_aa() {
        verify(checkPairs(Theme.controlPairs, 3, "control") >= 2 * 8);
    }

    function test_every_colour_is_in_a_checked_pair() {
        const names = colourNames();
        verify(names.length >= 10, "found colours: " + names.join(", "));
        const used = {};
        for (const pair of Theme.textPairs.concat(Theme.controlPairs)) {
            used[pair[0]] = true;
            used[pair[1]] = true;
        }
        const unchecked = names.filter(n => !used[n]);
        compare(unchecked, [], "colours in no checked pair: " + unchecked.join(", "));
    }

    function test_status_chips_are_readable() {
        for (const variant of root.variants) {
            Theme.highContrast = variant.highContrast;
            for (const code of ["opened", "informed", "decided", "ordered", "done", "closed", "referred", "withdrawn"]) {
                const ratio = Contrast.ratio(Theme.textOnAccent, Theme.statusColor(code));
                verify(ratio >= 4.5, variant.name + " " + code + ": " + ratio.toFixed(2));
            }
        }
        Theme.highContrast = false;
    }
}
