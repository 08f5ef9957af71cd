pragma Singleton
import QtQuick

// Translated names for the stable codes the C++ layer uses (statuses, channels, errors): codes stay in C++,
// words stay in QML, so the .ts file holds every visible string.
QtObject {
    id: root

    function statusName(code: string): string {
        switch (code) {
        case "opened": return qsTr("Opened");
        case "informed": return qsTr("Informed");
        case "decided": return qsTr("Decided");
        case "ordered": return qsTr("Ordered");
        case "done": return qsTr("Done");
        case "closed": return qsTr("Closed");
        case "referred": return qsTr("Referred");
        case "withdrawn": return qsTr("Withdrawn");
        default: return code;
        }
    }

    // When a case changed: "i dag 10:42", "i går 09:05" or "14.05.2024 16:20"; `day` comes from the case list.
    function whenText(day: string, time: string): string {
        switch (day) {
        case "today": return qsTr("today %1").arg(time);
        case "yesterday": return qsTr("yesterday %1").arg(time);
        default: return day + " " + time;
        }
    }

    function channelName(code: string): string {
        switch (code) {
        case "bike": return qsTr("Service bike");
        case "to-go": return qsTr("Home visit");
        case "kiosk": return qsTr("Station kiosk");
        case "phone": return qsTr("Phone");
        case "counter": return qsTr("Counter");
        case "web": return qsTr("Web");
        default: return code;
        }
    }

    function contactTypeName(code: string): string {
        switch (code) {
        case "information": return qsTr("Information");
        case "transaction": return qsTr("Transaction");
        case "help-to-self-service": return qsTr("Help to self-service");
        default: return code;
        }
    }

    function fieldName(code: string): string {
        switch (code) {
        case "name": return qsTr("Name");
        case "address": return qsTr("Address");
        case "phone": return qsTr("Phone");
        case "referred-to": return qsTr("Referred to");
        case "cpr": return qsTr("CPR number");
        case "checklist": return qsTr("Checklist");
        case "life-situation": return qsTr("Life situation");
        case "signature": return qsTr("Signature");
        case "attachment": return qsTr("Attachment");
        case "note": return qsTr("Note");
        case "status-note": return qsTr("Reason for status");
        default:
            if (code.startsWith("checklist-"))
                return qsTr("Checklist item");
            if (code.startsWith("life-step-"))
                return qsTr("Step in the life situation");
            return qsTr("Field from a newer version");
        }
    }

    // What a version of a ticked field or the signature is, as the conflicts page words it.
    function conflictChoice(value: string): string {
        switch (value) {
        case "done": return qsTr("Done");
        case "not-done": return qsTr("Not done");
        case "signature": return qsTr("This signature");
        case "none": return qsTr("No life situation");
        default: return value;
        }
    }

    function fieldList(codes: string): string {
        return codes.split(",").filter(c => c !== "").map(c => fieldName(c)).join(", ");
    }

    function purposeName(code: string): string {
        switch (code) {
        case "case-view": return qsTr("case work");
        case "case-edit": return qsTr("after a change");
        case "case-view: refreshed after sync": return qsTr("updated after sync");
        case "conflict-review": return qsTr("conflict review");
        case "find-citizen": return qsTr("finding the citizen");
        case "case-list": return qsTr("the case list");
        default: return code;
        }
    }

    // One line of a case's timeline; `detail` is a status, field codes or a purpose, as `kind` says.
    function timelineText(kind: string, detail: string, repeats: int): string {
        const times = repeats > 1 ? " " + qsTr("(%1 times)").arg(repeats) : "";
        switch (kind) {
        case "created": return qsTr("Case opened");
        case "fields-set": return qsTr("Changed: %1").arg(fieldList(detail));
        case "note-added": return qsTr("Note added");
        case "status-changed": return qsTr("Status changed to %1").arg(statusName(detail));
        case "conflict-resolved": return qsTr("Conflict resolved: %1").arg(fieldList(detail));
        case "attachment-added": return qsTr("Attachment added");
        case "signature-added": return qsTr("Citizen signed");
        case "viewed": return qsTr("Viewed (purpose: %1)").arg(purposeName(detail)) + times;
        case "cpr-revealed": return qsTr("CPR number shown (purpose: %1)").arg(purposeName(detail)) + times;
        case "cpr-searched": return qsTr("Found by CPR number (purpose: %1)").arg(purposeName(detail)) + times;
        case "name-searched": return qsTr("Found by name (purpose: %1)").arg(purposeName(detail)) + times;
        default: return kind;
        }
    }

    function profileSource(code: string): string {
        switch (code) {
        case "command-line": return qsTr("set when the app was started");
        case "environment": return qsTr("set by the administrator");
        case "dmi": return qsTr("recognised from the device model");
        default: return qsTr("standard settings");
        }
    }

    // The device profile in words a colleague uses (the file name stays out of the UI).
    function profileName(code: string): string {
        switch (code) {
        case "bike-tablet": return qsTr("Service bike tablet");
        case "togo-tablet": return qsTr("Home visit tablet");
        case "station-kiosk": return qsTr("Station kiosk");
        case "desktop-dev": return qsTr("Office computer");
        default: return code;
        }
    }

    // One sentence for each error code the controllers report; never contains personal data.
    // Why the center (or the device) refused a save, and what the person holding the tablet can do; the codes
    // are core/refusal.hpp's. An unknown code (a newer center) shows the center's own sentence.
    function refusalText(code: string, centerSentence: string): string {
        switch (code) {
        case "stale": return qsTr("The center had already received a newer change. Ask IT to check the device.");
        case "other_device": return qsTr("The change was recorded under another device. Ask IT to check the device.");
        case "other_unit": return qsTr("The case belongs to another unit. Ask the team lead to move it.");
        case "malformed": return qsTr("The center could not read the change. Ask IT to check the device.");
        case "quarantined": return qsTr("The device is to be wiped; the center keeps the change for review.");
        case "depends_on_refused": return qsTr("The change builds on another change the center refused.");
        case "too_large": return qsTr("The change is too large to send. Shorten the note or add the content as an attachment.");
        case "attachment_refused": return qsTr("The center refused an attachment. Take the photo or signature again.");
        default: return centerSentence === "" ? "" : qsTr("The center says: %1").arg(centerSentence);
        }
    }

    function errorText(code: string): string {
        switch (code) {
        case "": return "";
        case "cpr_empty": return qsTr("Enter a CPR number.");
        case "cpr_wrong_length": return qsTr("A CPR number has 10 digits.");
        case "cpr_misplaced_dash": return qsTr("The dash belongs after the sixth digit.");
        case "cpr_not_digits": return qsTr("A CPR number contains only digits.");
        case "cpr_invalid_month": return qsTr("The month in this CPR number does not exist.");
        case "cpr_invalid_day": return qsTr("The day in this CPR number does not exist.");
        case "wrong_pin": return qsTr("Wrong PIN.");
        case "locked_out": return qsTr("Too many wrong PINs: this staff member is locked out. Ask your team lead.");
        case "unknown_staff": return qsTr("Choose your name first.");
        case "store_error": return qsTr("The device store could not be opened.");
        case "status_unchanged": return qsTr("The case already has this status.");
        case "status_final": return qsTr("The case is finished: its status cannot change.");
        case "status_backwards": return qsTr("A case cannot go back to an earlier status.");
        case "status_close_before_done": return qsTr("Only a done or referred case can be closed; withdraw it instead.");
        case "status_after_referral": return qsTr("A referred case can only be closed or withdrawn.");
        case "authority_missing": return qsTr("Name the authority the case is referred to.");
        case "note_empty": return qsTr("A note needs some text.");
        case "value_empty": return qsTr("Choose a version or write a value.");
        case "unknown_service": return qsTr("Choose a service.");
        case "case_not_found": return qsTr("This case is no longer on the device.");
        case "busy": return qsTr("The device store is busy; try again in a moment.");
        case "locked": return qsTr("The device is locked; unlock it first.");
        case "pin_empty": return qsTr("Enter your current PIN.");
        case "pin_too_short": return qsTr("The new PIN must have at least 4 characters.");
        case "pin_mismatch": return qsTr("The two new PINs are not the same.");
        case "pin_unchanged": return qsTr("The new PIN is the same as the current one.");
        case "slot_changed": return qsTr("Your PIN was changed meanwhile; try again.");
        case "tampered": return qsTr("Case data failed its integrity check. Report this device to your team lead.");
        case "not_enrolled": return qsTr("This device is not enrolled with a center yet, so it cannot save cases.");
        case "stale_version": return qsTr("One of the versions has changed meanwhile; look at the field again.");
        case "no_conflict": return qsTr("This field has no conflict any more.");
        case "keep_a_version": return qsTr("Keep one of the versions.");
        case "disk_full": return qsTr("The device is full: nothing was saved. Ask your team lead.");
        case "io_error": return qsTr("The device store could not be written: nothing was saved.");
        case "corrupt_store": return qsTr("The device store is damaged and was not opened. Ask your team lead.");
        case "damaged_store": return qsTr("The device store is incomplete. Ask your team lead.");
        case "damaged_keys": return qsTr("The device's keys are damaged. Ask your team lead.");
        case "empty_note": return qsTr("A note needs some text.");
        case "unknown_channel": return qsTr("This channel is not known.");
        case "unknown_item": return qsTr("This checklist item does not exist.");
        case "unsupported_media_type": return qsTr("Only images (PNG, JPEG) and PDF files can be attached.");
        case "attachment_type_mismatch": return qsTr("The file's content does not match its type; it was not attached.");
        case "attachment_too_large": return qsTr("The file is too large for a case (at most 25 MB).");
        case "too_large": return qsTr("The text is too long for this field. Put longer content in an attachment; nothing was saved.");
        case "bad_attachment_name": return qsTr("The file name is empty or too long.");
        case "bad_signature": return qsTr("The signature could not be saved as an image.");
        case "signature_empty": return qsTr("Ask the citizen to sign on the pad first.");
        case "unknown_attachment": return qsTr("This attachment is no longer on the device.");
        case "attachment_incomplete": return qsTr("The attachment is still arriving from the center.");
        case "import_not_found": return qsTr("The file is no longer in the import folder.");
        case "import_unreadable": return qsTr("The file could not be read.");
        case "import_not_removed": return qsTr("Attached and encrypted, but the original could not be removed from the import folder: delete it there.");
        case "not_an_image": return qsTr("Only images can be shown on the device.");
        case "missing_purpose": return qsTr("Say why you look at this case; every look is logged.");
        default: return qsTr("Something went wrong (%1).").arg(code);
        }
    }
}
