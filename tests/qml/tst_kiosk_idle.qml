import QtQuick
import QtTest
import Fieldkit
import FieldkitTest
import "TestUtil.js" as Util

// Station kiosk: a welcome screen for citizens, the operator unlocks, and after the profile's idle seconds
// the citizen's data is dropped and the welcome screen returns.
TestCase {
    id: root
    name: "KioskIdle"
    when: windowShown
    visible: true // TestCase is invisible by default, and invisible items get no input
    width: 1536
    height: 864

    Component {
        id: shellComponent
        AppShell {
            width: 1536
            height: 864
        }
    }

    function startKiosk() {
        const app = Harness.start("station-kiosk");
        const shell = createTemporaryObject(shellComponent, root, app);
        verify(shell);
        waitForRendering(shell);
        return {app: app, shell: shell};
    }

    function test_starts_on_the_welcome_screen() {
        const t = startKiosk();
        compare(t.shell.currentPage, "kioskWelcomePage");
        mouseClick(Util.find(t.shell, "staffButton"));
        compare(t.shell.currentPage, "unlockPage");
    }

    function test_idle_reset_hides_citizen_data_and_shows_welcome() {
        const t = startKiosk();
        verify(t.app.session.unlock("staff-1", "1234"));
        compare(t.shell.currentPage, "homePage");
        verify(t.app.caseEditor.load("demo-1"));
        t.app.cprInput.text = "070761-4285";
        Harness.advance(59);
        t.app.session.checkIdle();
        compare(t.shell.currentPage, "homePage");
        Harness.advance(2);
        t.app.session.checkIdle();
        compare(t.shell.currentPage, "kioskWelcomePage");
        verify(!t.app.caseEditor.loaded);
        compare(t.app.caseEditor.citizenName, "");
        compare(t.app.cprInput.text, "");
        verify(t.app.session.unlocked, "the operator's session survives the reset");
        mouseClick(Util.find(t.shell, "staffButton"));
        compare(t.shell.currentPage, "homePage");
    }

    function test_privacy_toggle_hides_at_once() {
        const t = startKiosk();
        verify(t.app.session.unlock("staff-1", "1234"));
        mouseClick(Util.find(t.shell, "privacyButton"));
        compare(t.shell.currentPage, "kioskWelcomePage");
    }

    function test_lock_returns_to_welcome() {
        const t = startKiosk();
        verify(t.app.session.unlock("staff-1", "1234"));
        mouseClick(Util.find(t.shell, "lockButton"));
        verify(!t.app.session.unlocked);
        compare(t.shell.currentPage, "kioskWelcomePage");
    }
}
