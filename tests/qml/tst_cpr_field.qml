import QtQuick
import QtTest
import Fieldkit
import FieldkitTest
import "TestUtil.js" as Util

// The CPR field with the real controller: validation, masked display, audited reveal.
TestCase {
    id: root
    name: "CprField"
    when: windowShown
    visible: true // TestCase is invisible by default, and invisible items get no input
    width: 900
    height: 400

    Component {
        id: fieldComponent
        CprField {
            width: 800
        }
    }

    function type(text) {
        for (const c of text)
            keyClick(c);
    }

    function test_valid_number_is_masked_and_reveal_is_audited() {
        const app = Harness.start("bike-tablet");
        const field = createTemporaryObject(fieldComponent, root, {controller: app.cprInput});
        waitForRendering(field);
        const entry = Util.find(field, "cprEntry");
        entry.forceActiveFocus();
        tryVerify(() => entry.activeFocus);
        type("0707614285");
        verify(app.cprInput.valid);
        keyClick(Qt.Key_Return);
        verify(!entry.visible);
        const display = Util.find(field, "cprDisplay");
        compare(display.text, "070761-XXXX");
        const before = Harness.auditCount();
        mouseClick(Util.find(field, "cprReveal"));
        compare(Harness.auditCount(), before + 1);
        compare(display.text, "070761-4285");
        mouseClick(Util.find(field, "cprReveal"));
        compare(display.text, "070761-XXXX");
    }

    function test_impossible_date_shows_an_error_and_stays_editable() {
        const app = Harness.start("bike-tablet");
        const field = createTemporaryObject(fieldComponent, root, {controller: app.cprInput});
        waitForRendering(field);
        const entry = Util.find(field, "cprEntry");
        entry.forceActiveFocus();
        tryVerify(() => entry.activeFocus);
        type("3102611234");
        verify(!app.cprInput.valid);
        const error = Util.find(field, "cprError");
        verify(error.visible);
        compare(error.text, "The day in this CPR number does not exist.");
        keyClick(Qt.Key_Return);
        verify(entry.visible);
    }

    function test_modulus_failure_is_only_a_note() {
        const app = Harness.start("bike-tablet");
        const field = createTemporaryObject(fieldComponent, root, {controller: app.cprInput});
        waitForRendering(field);
        Util.find(field, "cprEntry").forceActiveFocus();
        type("0101001234");
        verify(app.cprInput.valid);
        verify(Util.find(field, "cprModulusNote").visible);
        verify(!Util.find(field, "cprError").visible);
    }
}
