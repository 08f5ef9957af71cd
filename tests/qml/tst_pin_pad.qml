import QtQuick
import QtTest
import Fieldkit
import "TestUtil.js" as Util

// The PIN pad: digits as dots, erase, OK only from the minimum length, submit hands the PIN over and forgets it.
TestCase {
    id: root
    name: "PinPad"
    when: windowShown
    visible: true // TestCase is invisible by default, and invisible items get no input
    width: 800
    height: 800

    Component {
        id: padComponent
        PinPad {}
    }

    SignalSpy {
        id: submittedSpy
        signalName: "submitted"
    }

    function press(pad, key) {
        const button = Util.find(pad, key);
        verify(button, key);
        mouseClick(button);
    }

    function test_digits_show_as_dots_and_submit() {
        const pad = createTemporaryObject(padComponent, root);
        waitForRendering(pad);
        submittedSpy.clear();
        submittedSpy.target = pad;
        const ok = Util.find(pad, "pinSubmit");
        press(pad, "pinKey1");
        press(pad, "pinKey2");
        press(pad, "pinKey3");
        compare(pad.pin, "123");
        compare(Util.find(pad, "pinDots").text, "●●●");
        verify(!ok.enabled);
        press(pad, "pinKey4");
        verify(ok.enabled);
        mouseClick(ok);
        compare(submittedSpy.count, 1);
        compare(submittedSpy.signalArguments[0][0], "1234");
        compare(pad.pin, "");
    }

    function test_erase_removes_the_last_digit() {
        const pad = createTemporaryObject(padComponent, root);
        waitForRendering(pad);
        press(pad, "pinKey9");
        press(pad, "pinKey8");
        press(pad, "pinErase");
        compare(pad.pin, "9");
    }

    function test_max_length_is_respected() {
        const pad = createTemporaryObject(padComponent, root, {maxLength: 4});
        waitForRendering(pad);
        for (let i = 0; i < 6; ++i)
            press(pad, "pinKey0");
        compare(pad.pin, "0000");
    }

    function test_every_key_is_large_and_named() {
        const pad = createTemporaryObject(padComponent, root);
        waitForRendering(pad);
        for (const key of ["pinKey0", "pinKey5", "pinErase", "pinSubmit"]) {
            const button = Util.find(pad, key);
            verify(button.height >= Theme.touchTarget, key);
            verify(button.Accessible.name !== "", key);
        }
    }
}
