import QtQuick
import QtTest
import Fieldkit
import FieldkitTest
import "TestUtil.js" as Util

// The finger signature: strokes on the pad, clear, save as PNG; and through the case page into the case.
TestCase {
    id: root
    name: "SignaturePad"
    when: windowShown
    visible: true // TestCase is invisible by default, and invisible items get no input
    width: 1280
    height: 900

    Component {
        id: padComponent
        SignaturePad {
            width: 800
            height: 400
        }
    }

    Component {
        id: pageComponent
        CasePage {
            width: 1280
            height: 900
        }
    }

    SignalSpy {
        id: savedSpy
        signalName: "saved"
    }

    function sign(pad) {
        const area = Util.find(pad, "signatureInput");
        verify(area);
        mouseDrag(area, 40, 60, 300, 120); // one stroke
        mouseDrag(area, 80, 200, 200, -80); // and another
    }

    function test_starts_empty_and_cannot_be_saved_empty() {
        const pad = createTemporaryObject(padComponent, root);
        waitForRendering(pad);
        verify(pad.empty);
        verify(!Util.find(pad, "signatureSave").enabled);
        verify(!Util.find(pad, "signatureClear").enabled);
        savedSpy.target = pad;
        savedSpy.clear();
        pad.save();
        compare(savedSpy.count, 0);
    }

    function test_strokes_become_a_png() {
        const pad = createTemporaryObject(padComponent, root);
        waitForRendering(pad);
        sign(pad);
        verify(!pad.empty);
        compare(pad.strokes.length, 2);
        verify(pad.strokes[0].length > 1); // the drag added points to the stroke it started
        savedSpy.target = pad;
        savedSpy.clear();
        mouseClick(Util.find(pad, "signatureSave"));
        compare(savedSpy.count, 1);
        const url = savedSpy.signalArguments[0][0];
        verify(url.startsWith("data:image/png;base64,"), url.substring(0, 40));
        verify(url.length > 200);
    }

    function test_clear_forgets_the_strokes() {
        const pad = createTemporaryObject(padComponent, root);
        waitForRendering(pad);
        sign(pad);
        mouseClick(Util.find(pad, "signatureClear"));
        verify(pad.empty);
        verify(!Util.find(pad, "signatureSave").enabled);
    }

    function test_signing_on_the_case_page_stores_the_signature() {
        const app = Harness.start("desktop-dev");
        verify(app.session.unlock("staff-1", "1234"));
        verify(app.caseEditor.load("demo-1"));
        verify(!app.caseEditor.hasSignature);
        const page = createTemporaryObject(pageComponent, root, {
            caseEditor: app.caseEditor, caseTimeline: app.caseTimeline, attachments: app.attachments,
            catalogue: app.catalogue, lifeSituations: app.lifeSituations});
        waitForRendering(page);
        const sheet = Util.find(page, "signatureSheet");
        sheet.open();
        tryVerify(() => sheet.opened);
        const pad = Util.find(sheet, "signatureInput").parent.parent;
        verify(pad.empty);
        sign(pad);
        mouseClick(Util.find(sheet, "signatureSave"));
        tryVerify(() => !sheet.visible);
        verify(app.caseEditor.hasSignature);
        const signatures = app.caseEditor.attachments.filter(a => a.kind === "signature");
        compare(signatures.length, 1);
        compare(signatures[0].mediaType, "image/png");
        // Opening the sheet again starts with an empty pad: nothing of the last signature is left on it.
        sheet.open();
        tryVerify(() => sheet.opened);
        verify(pad.empty);
        sheet.close();
    }

    function test_a_stored_signature_is_shown_in_the_viewer_and_forgotten_on_close() {
        const app = Harness.start("desktop-dev");
        verify(app.session.unlock("staff-1", "1234"));
        verify(app.caseEditor.load("demo-1"));
        const page = createTemporaryObject(pageComponent, root, {
            caseEditor: app.caseEditor, caseTimeline: app.caseTimeline, attachments: app.attachments,
            catalogue: app.catalogue, lifeSituations: app.lifeSituations});
        waitForRendering(page);
        const pad = createTemporaryObject(padComponent, root);
        sign(pad);
        let url = "";
        savedSpy.target = pad;
        savedSpy.clear();
        pad.save();
        url = savedSpy.signalArguments[0][0];
        verify(app.attachments.saveSignature(url));
        const signature = app.caseEditor.attachments.filter(a => a.kind === "signature")[0];
        const show = Util.find(page, "viewAttachment_" + signature.attachmentId);
        verify(show && show.visible);
        mouseClick(show);
        const viewer = Util.find(page, "imageViewer");
        tryVerify(() => viewer.opened);
        compare(app.attachments.viewedImage, url); // the PNG the pad made, decrypted back
        viewer.close();
        tryVerify(() => app.attachments.viewedImage === "");
    }

    function test_the_import_list_says_when_the_folder_is_empty() {
        const app = Harness.start("desktop-dev");
        verify(app.session.unlock("staff-1", "1234"));
        verify(app.caseEditor.load("demo-1"));
        const page = createTemporaryObject(pageComponent, root, {
            caseEditor: app.caseEditor, caseTimeline: app.caseTimeline, attachments: app.attachments,
            catalogue: app.catalogue, lifeSituations: app.lifeSituations});
        waitForRendering(page);
        mouseClick(Util.find(page, "importFileButton"));
        const sheet = Util.find(page, "importSheet");
        tryVerify(() => sheet.opened);
        compare(Util.find(sheet, "importList").count, 0);
        compare(app.attachments.importFiles.length, 0);
        sheet.close();
    }
}
