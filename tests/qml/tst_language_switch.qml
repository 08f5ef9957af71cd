import QtQuick
import QtTest
import Fieldkit
import FieldkitTest

// Danish by default; switching to English at run time re-labels QML strings, Texts lookups and C++ models.
TestCase {
    id: root
    name: "LanguageSwitch"
    when: windowShown
    visible: true // TestCase is invisible by default, and invisible items get no input
    width: 800
    height: 200

    Component {
        id: rowComponent
        CaseRow {
            width: 800
            caseId: "x"
            service: ""
            status: "opened"
            updated: "10:00"
            day: "today"
            citizenCue: ""
            checklistDone: 0
            checklistTotal: 0
            signed: false
            conflicted: true
            pending: true
        }
    }

    function test_switch_at_run_time() {
        const app = Harness.start("desktop-dev", "da");
        const row = createTemporaryObject(rowComponent, root);
        compare(row.Accessible.name, ", Oprettet, i dag 10:00, ikke sendt, konflikt");
        compare(app.catalogue.nameOf("passport"), "Pas");
        app.language.language = "en";
        compare(row.Accessible.name, ", Opened, today 10:00, not sent, conflict");
        compare(app.catalogue.nameOf("passport"), "Passport");
        app.language.language = "da";
        compare(row.Accessible.name, ", Oprettet, i dag 10:00, ikke sendt, konflikt");
    }
}
