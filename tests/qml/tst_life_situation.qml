import QtQuick
import QtTest
import Fieldkit
import FieldkitTest
import "Geometry.js" as Geometry
import "TestUtil.js" as Util

// Life situations that stay done, on the real encrypted store: steps ticked while talking to the citizen are
// saved with the case, more are ticked on the case page, and after the app has been closed and started
// again the case opens with the same steps done.
TestCase {
    id: root
    name: "LifeSituation"
    when: windowShown
    visible: true
    width: 1280
    height: 800

    Component {
        id: shellComponent
        AppShell {}
    }

    function init() {
        failOnWarning(/ReferenceError|TypeError/);
    }

    function shell(app, page) {
        Theme.highContrast = app.profile.highContrast;
        Theme.gloveMode = false;
        Theme.minTouchMm = app.profile.minTouchMm;
        Theme.pixelsPerMm = app.profile.pixelsPerMm;
        const props = Object.assign({}, app);
        props.startPage = page;
        props.width = app.profile.windowWidth;
        props.height = app.profile.windowHeight;
        const s = createTemporaryObject(shellComponent, root, props);
        waitForRendering(s);
        return s;
    }

    function tap(s, name, page) {
        const stack = Util.find(s, "stack");
        tryVerify(() => !stack.busy);
        const item = Util.find(s.currentPageItem, name) ?? Util.find(s, name);
        verify(item, "no " + name);
        scrollTo(item, s);
        verify(Geometry.fullyVisible(item, s), name + " is not on screen");
        mouseClick(item);
        if (page)
            tryCompare(s, "currentPage", page);
        tryVerify(() => !stack.busy);
        waitForRendering(s);
        return item;
    }

    // Scrolls the page as a person would until `item` is on screen (the steps may sit below the fold).
    function scrollTo(item, s) {
        let flick = item.parent;
        while (flick && flick.contentY === undefined)
            flick = flick.parent;
        if (!flick || Geometry.fullyVisible(item, s))
            return;
        const y = item.mapToItem(flick.contentItem, 0, 0).y;
        flick.contentY = Math.max(0, Math.min(y - flick.height / 3, flick.contentHeight - flick.height));
        waitForRendering(s);
    }

    function doneSteps(app) {
        return app.caseEditor.lifeSituationSteps.filter(step => step.done).map(step => step.stepId);
    }

    function test_ticked_steps_are_saved_with_the_case_and_shown_after_a_restart() {
        let app = Harness.startOnStore("togo-tablet", "da");
        verify(app.session, "the app did not start on the store");
        verify(app.session.unlock("Anna Jensen", "1234"));
        let s = shell(app, "home");
        tap(s, "newEnquiryButton", "enquiryPage");
        tap(s, "serviceTile_moving", "citizenPage");
        tap(s, "situation_moving");
        tap(s, "situationStep_1");
        tap(s, "situationStep_2");
        tap(s, "situationStep_2"); // and unticked again
        tap(s, "situationStep_6");
        tap(s, "createCaseButton", "casePage");
        compare(app.caseEditor.lifeSituation, "moving");
        compare(doneSteps(app), [1, 6]);

        // On the case page the steps show as ticked, and one more tick is saved at once.
        const step1 = Util.find(s.currentPageItem, "caseSituationStep_1");
        verify(step1 && step1.checked);
        const step3 = Util.find(s.currentPageItem, "caseSituationStep_3");
        verify(step3 && !step3.checked);
        tap(s, "caseSituationStep_3");
        tryCompare(app.caseEditor, "errorCode", "");
        compare(doneSteps(app), [1, 3, 6]);
        const caseId = app.caseEditor.caseId;
        verify(caseId !== "");
        s.destroy(); // before its services go
        wait(20);

        // Closed and started again: only the store remembers.
        app = Harness.restart();
        verify(app.session.unlock("Anna Jensen", "1234"));
        verify(app.caseEditor.load(caseId));
        s = shell(app, "case");
        tryCompare(s, "currentPage", "casePage");
        compare(app.caseEditor.lifeSituation, "moving");
        for (const [id, done] of [[1, true], [2, false], [3, true], [4, false], [6, true]]) {
            const box = Util.find(s.currentPageItem, "caseSituationStep_" + id);
            verify(box, "step " + id + " is not on the case page");
            compare(box.checked, done, "step " + id);
        }
        verify(Util.find(s.currentPageItem, "caseSituation_moving").checked);

        // Another situation shows its own steps, none ticked; back to moving, its ticks are still there.
        verify(app.caseEditor.setLifeSituation("retirement"));
        compare(app.caseEditor.lifeSituationSteps.length, 4);
        compare(doneSteps(app), []);
        verify(app.caseEditor.setLifeSituation("moving"));
        compare(doneSteps(app), [1, 3, 6]);
    }
}
