import QtQuick
import QtTest
import Fieldkit
import FieldkitTest
import "TestUtil.js" as Util

// The conflict view: versions side by side with author and time; keep one or write a merged value.
TestCase {
    id: root
    name: "ConflictView"
    when: windowShown
    visible: true // TestCase is invisible by default, and invisible items get no input
    width: 1280
    height: 900

    Component {
        id: pageComponent
        ConflictsPage {
            width: 1280
            height: 900
        }
    }

    function openConflicts() {
        const app = Harness.start("desktop-dev");
        verify(app.session.unlock("staff-1", "1234"));
        app.conflicts.load("demo-2"); // address and phone changed on two devices, a checklist item ticked on one
        const page = createTemporaryObject(pageComponent, root, {conflicts: app.conflicts});
        waitForRendering(page);
        return {app: app, page: page};
    }

    function test_versions_side_by_side() {
        const t = openConflicts();
        compare(t.app.conflicts.count, 3);
        const row = Util.find(t.page, "versions_address");
        verify(row);
        const a = Util.find(t.page, "keep_address_0");
        const b = Util.find(t.page, "keep_address_1");
        verify(a && b);
        verify(Math.abs(a.mapToItem(t.page, 0, 0).y - b.mapToItem(t.page, 0, 0).y) < 1, "same row");
        verify(b.mapToItem(t.page, 0, 0).x > a.mapToItem(t.page, 0, 0).x);
    }

    function test_keep_one_version_then_merge_the_other() {
        const t = openConflicts();
        mouseClick(Util.find(t.page, "keep_address_1"));
        compare(t.app.conflicts.count, 2);
        verify(!Util.find(t.page, "versions_address"));
        const merged = Util.find(t.page, "merged_phone");
        merged.text = "+45 31 22 19 08";
        mouseClick(Util.find(t.page, "useMerged_phone"));
        compare(t.app.conflicts.count, 1);
        mouseClick(Util.find(t.page, "keep_checklist-1_1"));
        compare(t.app.conflicts.count, 0);
        verify(Util.find(t.page, "noConflicts").visible);
        compare(t.app.caseModel.conflictCount, 0);
    }

    function test_a_tick_is_kept_never_typed() {
        const t = openConflicts();
        const keep = Util.find(t.page, "keep_checklist-1_0");
        verify(keep);
        verify(keep.Accessible.name.indexOf(Texts.conflictChoice("done")) >= 0, keep.Accessible.name);
        // No merged value for a tick: the row to type one is not shown.
        verify(!Util.find(t.page, "merged_checklist-1").visible);
        verify(Util.find(t.page, "merged_address").visible);
    }

    function test_blank_merge_is_refused() {
        const t = openConflicts();
        verify(!Util.find(t.page, "useMerged_address").enabled);
        verify(!t.app.conflicts.resolve("address", "  "));
        compare(t.app.conflicts.count, 3);
        verify(Util.find(t.page, "conflictError").visible);
    }
}
