import QtQuick
import QtTest
import Fieldkit

// The sync line must tell staff the truth about what has reached the center.
TestCase {
    id: root
    name: "SyncStatusLine"
    when: windowShown
    width: 800
    height: 100

    Component {
        id: lineComponent
        SyncStatusLine {
            width: 800
        }
    }

    Component {
        id: statusComponent
        QtObject {
            property string state: "ok"
            property int pendingOps: 0
            property string lastSuccess: ""
            property var transfer: ({active: false})
            property int rejectedOps: 0
            property string lastRefusalCode: ""
            property string lastRefusal: ""
        }
    }

    function findByName(item, name) {
        if (item.objectName === name)
            return item;
        for (let i = 0; i < item.children.length; ++i) {
            const found = findByName(item.children[i], name);
            if (found)
                return found;
        }
        return null;
    }

    function test_unknown_without_status() {
        const line = createTemporaryObject(lineComponent, root);
        compare(line.healthy, false);
        compare(line.stateText, "Sync status unknown");
    }

    function test_healthy_when_ok() {
        const status = createTemporaryObject(statusComponent, root, {state: "ok"});
        const line = createTemporaryObject(lineComponent, root, {status: status});
        verify(line.healthy);
        compare(findByName(line, "syncStateLabel").text, "In contact with the center");
    }

    function test_wiped_says_so_and_is_not_healthy() {
        const status = createTemporaryObject(statusComponent, root, {state: "wiped"});
        const line = createTemporaryObject(lineComponent, root, {status: status});
        verify(!line.healthy);
        verify(line.stateText.indexOf("Wiped") === 0);
    }

    function test_offline_says_work_is_kept() {
        const status = createTemporaryObject(statusComponent, root, {state: "offline", pendingOps: 3});
        const line = createTemporaryObject(lineComponent, root, {status: status});
        verify(!line.healthy);
        verify(line.stateText.indexOf("Offline") === 0);
        verify(findByName(line, "pendingLabel").text.indexOf("3") >= 0);
    }

    function test_shows_a_running_transfer_and_nothing_when_idle() {
        const status = createTemporaryObject(statusComponent, root, {
            state: "syncing",
            transfer: {active: true, upDone: 40, upLeft: 60, downDone: 0, downLeft: 0,
                       attachmentsDone: 1, attachmentsLeft: 2, attachmentBytesLeft: 2500000}
        });
        const line = createTemporaryObject(lineComponent, root, {status: status});
        const label = findByName(line, "progressLabel");
        compare(label.text, line.progressText); // (visibility follows the text; the test window hides the line)
        verify(label.text !== "");
        verify(label.text.indexOf("40") >= 0 && label.text.indexOf("100") >= 0);
        verify(label.text.indexOf("1") >= 0 && label.text.indexOf("3") >= 0);
        verify(label.text.indexOf("2.5") >= 0 || label.text.indexOf("2,5") >= 0);
        verify(label.text.indexOf("receiving") < 0); // nothing comes down: no figures for it
        status.transfer = {active: false};
        compare(line.progressText, "");
        compare(label.text, "");
    }

    function test_follows_status_changes() {
        const status = createTemporaryObject(statusComponent, root, {state: "offline"});
        const line = createTemporaryObject(lineComponent, root, {status: status});
        verify(!line.healthy);
        status.state = "ok";
        verify(line.healthy);
    }

    // A refused save says why and what to do, in the staff's words, not the center's English sentence.
    function test_a_refusal_is_explained_from_its_code() {
        const status = createTemporaryObject(statusComponent, root, {
            state: "ok", rejectedOps: 2, lastRefusalCode: "other_unit",
            lastRefusal: "the case belongs to another unit"
        });
        const line = createTemporaryObject(lineComponent, root, {status: status});
        const label = findByName(line, "refusalLabel");
        compare(label.text, "The case belongs to another unit. Ask the team lead to move it.");
        verify(findByName(line, "rejectedLabel").text.indexOf("2") >= 0);
    }

    function test_every_known_refusal_code_has_its_own_words() {
        const codes = ["stale", "other_device", "other_unit", "malformed", "quarantined", "depends_on_refused",
                       "too_large", "attachment_refused"];
        const seen = {};
        for (const code of codes) {
            const text = Texts.refusalText(code, "center sentence");
            verify(text !== "" && text.indexOf("center sentence") < 0, code);
            verify(!seen[text], "two codes share the words: " + code);
            seen[text] = true;
        }
    }

    function test_an_unknown_refusal_code_shows_the_centers_sentence() {
        const status = createTemporaryObject(statusComponent, root, {
            rejectedOps: 1, lastRefusalCode: "from_a_newer_center", lastRefusal: "something new"
        });
        const line = createTemporaryObject(lineComponent, root, {status: status});
        compare(findByName(line, "refusalLabel").text, "The center says: something new");
    }

    function test_no_refusal_no_explanation() {
        const status = createTemporaryObject(statusComponent, root, {rejectedOps: 0});
        const line = createTemporaryObject(lineComponent, root, {status: status});
        verify(!findByName(line, "refusalLabel").visible);
    }
}
