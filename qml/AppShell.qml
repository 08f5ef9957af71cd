pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldkit

// Navigation and the parts every page shares (toolbar, lock, sync line); follows the session: locked shows
// the unlock page, a kiosk reset shows the welcome screen. Titles are generic: never citizen data.
Page {
    id: root

    required property var session
    required property var language
    required property var profile
    required property var caseModel
    required property var syncStatus
    required property var catalogue
    required property var lifeSituations
    required property var cprInput
    required property var caseEditor
    required property var caseTimeline
    required property var attachments
    required property var conflicts
    required property var contacts
    property string startPage: ""
    // The on-screen keyboard is up (Main.qml says so; a test can without one).
    property bool keyboardUp: false

    // On a short screen with the keyboard up (the bike in glove mode: its 15 mm keys take more than half the
    // height) the title bar gives way, so the field being typed in and the page's action bar stay on screen;
    // the keyboard's hide key brings it back.
    readonly property bool compactForKeyboard: root.keyboardUp
                                               && root.height < 4 * (Theme.touchTarget + 2 * Theme.spacing)
    readonly property Page currentPageItem: stack.currentItem as Page
    readonly property string currentPage: stack.currentItem ? stack.currentItem.objectName : ""
    readonly property bool citizenFacing: root.currentPage === "kioskWelcomePage"

    function resetTo(component: Component) {
        stack.replace(null, component, {}, StackView.Immediate);
    }

    // Follows the session: lock, unlock, kiosk reset.
    function followSession() {
        if (root.session.kioskMode && root.session.citizenDataHidden) {
            if (!root.citizenFacing)
                root.resetTo(welcomeComponent);
        } else if (!root.session.unlocked) {
            if (root.currentPage !== "unlockPage")
                root.resetTo(unlockComponent);
        } else if (root.currentPage === "unlockPage" || root.citizenFacing || root.currentPage === "") {
            root.resetTo(homeComponent);
        }
    }

    // Opens a page by name with the stack a user would have walked (screenshots, self-test).
    function showPage(name: string) {
        const trail = {
            "unlock": [unlockComponent],
            "kiosk": [welcomeComponent],
            "home": [homeComponent],
            "citizen": [homeComponent, catalogueComponent, citizenComponent],
            "catalogue": [homeComponent, catalogueComponent],
            "enquiry": [homeComponent, catalogueComponent],
            "service": [homeComponent, catalogueComponent, serviceComponent],
            "case": [homeComponent, caseComponent],
            "conflicts": [homeComponent, caseComponent, conflictsComponent],
            "contact": [homeComponent, contactComponent],
            "settings": [homeComponent, settingsComponent]
        }[name];
        if (!trail)
            return false;
        // What the last page would have been given on the way there.
        const last = ({ "citizen": { serviceCode: "passport" }, "enquiry": { choosing: true } })[name] ?? {};
        root.resetTo(trail[0]);
        for (let i = 1; i < trail.length; ++i)
            stack.push(trail[i], i === trail.length - 1 ? last : {}, StackView.Immediate);
        return true;
    }

    function push(component: Component, properties: var) {
        stack.push(component, properties ?? {});
    }

    objectName: "appShell"
    background: Rectangle { color: Theme.background }
    Component.onCompleted: {
        if (root.startPage === "" || !root.showPage(root.startPage))
            root.followSession();
    }

    Connections {
        target: root.session
        function onChanged() {
            root.followSession();
        }
    }

    header: ToolBar {
        visible: !root.citizenFacing && !root.compactForKeyboard
        implicitHeight: Theme.touchTarget + 2 * Theme.spacing
        background: Rectangle { color: Theme.accent }

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing
            anchors.rightMargin: Theme.spacing
            spacing: Theme.spacing

            BarButton {
                objectName: "backButton"
                visible: stack.depth > 1
                text: "‹"
                font.pixelSize: Theme.fontTitle
                Accessible.name: qsTr("Back")
                onClicked: stack.pop()
            }
            Label {
                objectName: "pageTitle"
                text: root.currentPageItem ? root.currentPageItem.title : ""
                color: Theme.textOnAccent
                font.pixelSize: Theme.fontTitle
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                visible: root.session.unlocked
                text: root.session.staffName
                color: Theme.textOnAccent
                font.pixelSize: Theme.fontBody
            }
            BarButton {
                objectName: "privacyButton"
                visible: root.session.kioskMode && root.session.unlocked
                text: qsTr("Hide")
                Accessible.name: qsTr("Hide citizen data and show the welcome screen")
                onClicked: root.session.hideCitizenData()
            }
            BarButton {
                objectName: "settingsButton"
                visible: root.session.unlocked && root.currentPage !== "settingsPage"
                text: qsTr("Settings")
                onClicked: root.push(settingsComponent, {})
            }
            BarButton {
                objectName: "lockButton"
                visible: root.session.unlocked
                text: qsTr("Lock")
                font.bold: true
                Accessible.name: qsTr("Lock the device")
                onClicked: root.session.lock()
            }
        }
    }

    StackView {
        id: stack
        objectName: "stack"
        anchors.fill: parent
    }

    footer: SyncStatusLine {
        // Hidden while the on-screen keyboard is up: the form needs the room more.
        visible: root.session.unlocked && !root.citizenFacing && !root.keyboardUp
        status: root.syncStatus
    }

    Component {
        id: unlockComponent
        UnlockPage {
            session: root.session
        }
    }
    Component {
        id: welcomeComponent
        KioskWelcomePage {
            onStaffRequested: root.session.unlocked ? root.session.showCitizenData() : root.resetTo(unlockComponent)
        }
    }
    Component {
        id: homeComponent
        HomePage {
            caseModel: root.caseModel
            caseEditor: root.caseEditor
            catalogue: root.catalogue
            onOpenCase: caseId => {
                root.caseEditor.load(caseId);
                root.push(caseComponent, {});
            }
            // The walk-up flow: service, then citizen, then the case (which registers the contact too).
            onNewEnquiry: root.push(catalogueComponent, { choosing: true })
            onOpenCatalogue: root.push(catalogueComponent, { choosing: false })
        }
    }
    Component {
        id: citizenComponent
        CitizenPage {
            cprInput: root.cprInput
            lifeSituations: root.lifeSituations
            catalogue: root.catalogue
            caseEditor: root.caseEditor
            contacts: root.contacts
            profile: root.profile
            // The new case replaces the flow's pages: back from it goes home.
            onCaseOpened: {
                stack.pop(stack.get(0), StackView.Immediate);
                root.push(caseComponent, {});
            }
            onContactRegistered: stack.pop(stack.get(0))
            onOpenCase: caseId => {
                root.caseEditor.load(caseId);
                root.push(caseComponent, {});
            }
            onOpenService: code => root.push(serviceComponent, { code: code })
        }
    }
    Component {
        id: catalogueComponent
        CataloguePage {
            catalogue: root.catalogue
            onOpenService: code => root.push(serviceComponent, { code: code })
            onServiceChosen: code => {
                root.cprInput.clear();
                root.push(citizenComponent, { serviceCode: code });
            }
        }
    }
    Component {
        id: serviceComponent
        ServicePage {
            catalogue: root.catalogue
            code: "passport"
            onStartCase: code => {
                root.cprInput.clear();
                root.push(citizenComponent, { serviceCode: code });
            }
            onRegisterContact: code => root.push(contactComponent, { serviceCode: code })
        }
    }
    Component {
        id: caseComponent
        CasePage {
            caseEditor: root.caseEditor
            caseTimeline: root.caseTimeline
            attachments: root.attachments
            catalogue: root.catalogue
            lifeSituations: root.lifeSituations
            onOpenConflicts: caseId => {
                root.conflicts.load(caseId);
                root.push(conflictsComponent, {});
            }
        }
    }
    Component {
        id: conflictsComponent
        ConflictsPage {
            conflicts: root.conflicts
            onDone: stack.pop()
        }
    }
    Component {
        id: contactComponent
        ContactPage {
            contacts: root.contacts
            catalogue: root.catalogue
        }
    }
    Component {
        id: settingsComponent
        SettingsPage {
            language: root.language
            profile: root.profile
            session: root.session
            syncStatus: root.syncStatus
        }
    }
}
