import QtQuick
import QtTest
import Fieldkit
import FieldkitTest
import "TestUtil.js" as Util

// Status changes on the case page: only allowed steps are offered, each asks for confirmation first.
TestCase {
    id: root
    name: "StatusChange"
    when: windowShown
    visible: true // TestCase is invisible by default, and invisible items get no input
    width: 1280
    height: 900

    Component {
        id: pageComponent
        CasePage {
            width: 1280
            height: 900
        }
    }

    function openDemoCase() {
        const app = Harness.start("desktop-dev");
        verify(app.session.unlock("staff-1", "1234"));
        verify(app.caseEditor.load("demo-1")); // a passport case, status "informed"
        const page = createTemporaryObject(pageComponent, root, {caseEditor: app.caseEditor, caseTimeline: app.caseTimeline, attachments: app.attachments, catalogue: app.catalogue, lifeSituations: app.lifeSituations});
        waitForRendering(page);
        return {app: app, page: page};
    }

    function test_only_allowed_statuses_are_offered() {
        const t = openDemoCase();
        compare(t.app.caseEditor.status, "informed");
        verify(Util.find(t.page, "statusButton_done"));
        verify(Util.find(t.page, "statusButton_withdrawn"));
        verify(!Util.find(t.page, "statusButton_opened"));
        verify(!Util.find(t.page, "statusButton_closed"));
    }

    function test_confirmed_change_is_saved_with_its_reason() {
        const t = openDemoCase();
        const notesBefore = t.app.caseEditor.notes.length;
        mouseClick(Util.find(t.page, "statusButton_done"));
        const dialog = Util.find(t.page, "statusChangeDialog");
        tryVerify(() => dialog.opened);
        compare(t.app.caseEditor.status, "informed"); // nothing happens before confirming
        const reason = Util.find(dialog, "statusReason");
        reason.text = "Passport handed out";
        mouseClick(Util.find(dialog, "statusConfirm"));
        compare(t.app.caseEditor.status, "done");
        compare(t.app.caseEditor.notes.length, notesBefore + 1);
        tryVerify(() => !dialog.visible);
        verify(Util.find(t.page, "statusButton_closed"));
    }

    function test_cancel_changes_nothing() {
        const t = openDemoCase();
        mouseClick(Util.find(t.page, "statusButton_withdrawn"));
        const dialog = Util.find(t.page, "statusChangeDialog");
        tryVerify(() => dialog.opened);
        mouseClick(Util.find(dialog, "statusCancel"));
        compare(t.app.caseEditor.status, "informed");
    }

    function test_refusal_shows_its_reason() {
        const t = openDemoCase();
        verify(!t.app.caseEditor.changeStatus("opened", ""));
        const error = Util.find(t.page, "caseError");
        verify(error.visible);
        compare(error.text, "A case cannot go back to an earlier status.");
        compare(t.app.caseEditor.status, "informed");
    }
}
