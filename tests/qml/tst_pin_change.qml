import QtQuick
import QtTest
import Fieldkit
import FieldkitTest
import "TestUtil.js" as Util

// Settings: a staff member changes their own PIN with the current one; mistakes are named, nothing lingers.
TestCase {
    id: root
    name: "PinChange"
    when: windowShown
    visible: true // TestCase is invisible by default, and invisible items get no input
    width: 1280
    height: 1600

    Component {
        id: pageComponent
        SettingsPage {
            width: 1280
            height: 1600
        }
    }

    function openSettings() {
        const app = Harness.start("desktop-dev", "da");
        verify(app.session.unlock("staff-1", "1234"));
        const page = createTemporaryObject(pageComponent, root, {language: app.language, profile: app.profile,
                                                                  session: app.session, syncStatus: app.syncStatus});
        waitForRendering(page);
        return {app: app, page: page};
    }

    function change(page, oldPin, newPin, repeated) {
        Util.find(page, "oldPin").text = oldPin;
        Util.find(page, "newPin").text = newPin;
        Util.find(page, "repeatedPin").text = repeated;
        mouseClick(Util.find(page, "changePinButton"));
    }

    function test_mistakes_are_named_and_change_nothing() {
        const t = openSettings();
        change(t.page, "1234", "4321", "4312");
        compare(t.app.session.pinChange, "pin_mismatch");
        compare(Util.find(t.page, "pinChangeResult").text, Texts.errorText("pin_mismatch"));
        change(t.page, "9999", "4321", "4321");
        compare(t.app.session.pinChange, "wrong_pin");
        compare(Util.find(t.page, "oldPin").text, "9999"); // kept so the staff member can correct it
    }

    function test_the_new_pin_unlocks_and_the_fields_are_emptied() {
        const t = openSettings();
        verify(Util.find(t.page, "oldPin").echoMode === TextInput.Password);
        change(t.page, "1234", "4321", "4321");
        compare(t.app.session.pinChange, "done");
        compare(Util.find(t.page, "oldPin").text, "");
        compare(Util.find(t.page, "newPin").text, "");
        compare(Util.find(t.page, "repeatedPin").text, "");
        t.app.session.lock();
        verify(!t.app.session.unlock("staff-1", "1234"));
        verify(t.app.session.unlock("staff-1", "4321"));
    }
}
