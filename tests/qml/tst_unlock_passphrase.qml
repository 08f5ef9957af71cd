import QtQuick
import QtTest
import Fieldkit
import "TestUtil.js" as Util

// The unlock page takes a passphrase instead of the PIN pad: typed in a password field, handed to the session
// with the chosen staff member, then forgotten; the pad comes back with one touch.
TestCase {
    id: root
    name: "UnlockPassphrase"
    when: windowShown
    visible: true
    width: 1280
    height: 800

    QtObject {
        id: fakeSession
        property var staff: [{"staffId": "anna", "name": "Anna Jensen"}]
        property string errorCode: ""
        property int attemptsLeft: -1
        property bool busy: false
        property var calls: []
        function beginUnlock(staffId, secret) {
            calls = calls.concat([[staffId, secret]]);
        }
    }

    Component {
        id: pageComponent
        UnlockPage {
            width: 1280
            height: 800
            session: fakeSession
        }
    }

    function test_a_passphrase_unlocks_and_is_forgotten() {
        fakeSession.calls = [];
        const page = createTemporaryObject(pageComponent, root);
        waitForRendering(page);
        const field = Util.find(page, "passphraseField");
        const submit = Util.find(page, "passphraseSubmit");
        verify(!field.visible);
        mouseClick(Util.find(page, "passphraseToggle"));
        verify(field.visible);
        verify(!submit.enabled);
        compare(field.echoMode, TextInput.Password);
        mouseClick(field);
        keyClick(Qt.Key_H);
        keyClick(Qt.Key_E);
        keyClick(Qt.Key_J);
        verify(submit.enabled);
        mouseClick(submit);
        compare(fakeSession.calls.length, 1);
        compare(fakeSession.calls[0][0], "anna");
        compare(fakeSession.calls[0][1], "hej");
        compare(field.text, "");

        mouseClick(Util.find(page, "passphraseToggle"));
        verify(!field.visible);
    }

    function test_nothing_is_sent_while_locked_out() {
        fakeSession.calls = [];
        fakeSession.errorCode = "locked_out";
        const page = createTemporaryObject(pageComponent, root);
        waitForRendering(page);
        mouseClick(Util.find(page, "passphraseToggle"));
        verify(!Util.find(page, "passphraseField").enabled);
        page.submitPassphrase();
        compare(fakeSession.calls.length, 0);
        fakeSession.errorCode = "";
    }
}
