import QtQuick
import QtTest
import Fieldkit
import FieldkitTest
import "Geometry.js" as Geometry
import "TestUtil.js" as Util

// The walk-up flow on the bike: New enquiry -> service -> citizen -> the case, whose creation registers the
// contact too; the checklist and the signature are on screen, and back goes home.
TestCase {
    id: root
    name: "WalkUp"
    when: windowShown
    visible: true
    width: 960
    height: 600

    Component {
        id: shellComponent
        AppShell {}
    }

    function init() {
        failOnWarning(/ReferenceError/); // a binding that cannot resolve a name is a bug even if nothing fails
    }

    function startHome(height) {
        const app = Harness.start("bike-tablet", "da");
        verify(Harness.preparePage("home"));
        Theme.highContrast = app.profile.highContrast;
        Theme.gloveMode = true;
        Theme.minTouchMm = app.profile.minTouchMm;
        Theme.pixelsPerMm = app.profile.pixelsPerMm;
        const props = Object.assign({}, app);
        props.startPage = "home";
        props.width = app.profile.windowWidth;
        props.height = height ?? app.profile.windowHeight;
        const shell = createTemporaryObject(shellComponent, root, props);
        tryCompare(shell, "currentPage", "homePage");
        waitForRendering(shell);
        return { app: app, shell: shell, taps: 0 };
    }

    function tap(t, name, page) {
        const stack = Util.find(t.shell, "stack");
        tryVerify(() => !stack.busy); // a page sliding in takes no input yet
        const item = Util.find(t.shell.currentPageItem, name) ?? Util.find(t.shell, name);
        verify(item, "no " + name);
        verify(Geometry.fullyVisible(item, t.shell), name + " is not on screen");
        mouseClick(item);
        ++t.taps;
        if (page)
            tryCompare(t.shell, "currentPage", page);
        tryVerify(() => !stack.busy);
        waitForRendering(t.shell);
    }

    function test_case_in_four_taps_registers_the_contact() {
        const t = startHome();
        const contactsBefore = t.app.contacts.total;
        const casesBefore = t.app.caseModel.totalCount;
        tap(t, "newEnquiryButton", "enquiryPage");
        tap(t, "serviceTile_passport", "citizenPage");
        t.app.cprInput.text = "0707614285"; // typed digits are not taps
        verify(t.app.cprInput.valid);
        tap(t, "createCaseButton", "casePage");
        compare(t.app.caseEditor.serviceCode, "passport");
        compare(t.app.caseModel.totalCount, casesBefore + 1);
        compare(t.app.contacts.total, contactsBefore + 1, "creating the case registers the contact");
        verify(t.app.caseEditor.checklist.length > 0);
        verify(Geometry.fullyVisible(Util.find(t.shell.currentPageItem, "signatureButton"), t.shell));
        tap(t, "backButton", "homePage");
        compare(t.taps, 4);
    }

    function test_guidance_only_registers_a_contact_without_a_case() {
        const t = startHome();
        const contactsBefore = t.app.contacts.total;
        const casesBefore = t.app.caseModel.totalCount;
        tap(t, "newEnquiryButton", "enquiryPage");
        tap(t, "serviceTile_residence-cert", "citizenPage");
        tap(t, "guidanceOnlyButton", "homePage");
        compare(t.app.contacts.total, contactsBefore + 1);
        compare(t.app.caseModel.totalCount, casesBefore);
    }

    function test_focused_field_scrolls_above_the_keyboard() {
        // The keyboard takes half the bike's screen: the phone field, far down the form, scrolls into view.
        const t = startHome();
        tap(t, "newEnquiryButton", "enquiryPage");
        tap(t, "serviceTile_passport", "citizenPage");
        t.shell.keyboardUp = true;
        t.shell.height = 300;
        waitForRendering(t.shell);
        const phone = Util.find(t.shell.currentPageItem, "phoneField");
        verify(!Geometry.fullyVisible(phone, t.shell), "the test needs a field out of view");
        phone.forceActiveFocus();
        verify(phone.activeFocus, "the field did not get focus");
        tryVerify(() => Geometry.fullyVisible(phone, t.shell), 2000, "the focused field stays hidden");
        verify(Geometry.fullyVisible(Util.find(t.shell.currentPageItem, "createCaseButton"), t.shell));
    }

    function test_search_by_cpr_or_name_finds_the_case_and_is_logged() {
        const t = startHome();
        const list = Util.find(t.shell, "caseList");
        const all = t.app.caseModel.totalCount;
        const field = Util.find(t.shell, "caseSearch");
        let audits = Harness.auditCount();
        field.text = "070761-4285";
        tryVerify(() => t.app.caseModel.searchKind === "cpr" && list.count > 0 && list.count < all);
        verify(Harness.auditCount() > audits, "a CPR search is a look-up and is logged");

        audits = Harness.auditCount();
        field.text = "ka"; // too short to search by: says so, searches nothing
        tryCompare(t.app.caseModel, "searchKind", "incomplete");
        compare(list.count, 0);
        verify(Util.find(t.shell, "searchHint").visible);
        compare(Harness.auditCount(), audits);

        field.text = "karen";
        tryVerify(() => t.app.caseModel.searchKind === "name" && list.count > 0);
        verify(Harness.auditCount() >= audits + list.count, "every case a name search finds is logged");
        mouseClick(Util.find(t.shell, "clearSearch"));
        tryVerify(() => t.app.caseModel.searchKind === "none" && list.count > 0);
        compare(t.app.caseModel.totalCount, all);
    }
}
