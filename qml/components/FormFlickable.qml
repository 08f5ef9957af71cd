import QtQuick
import QtQuick.Window
import Fieldkit

// A scrolling page body that keeps the focused field in view: when the on-screen keyboard takes half the
// screen, the field being typed in scrolls up above it instead of hiding behind it.
Flickable {
    id: root

    function reveal(item: Item) {
        if (!item || !root.contentItem)
            return;
        let inside = false;
        for (let p = item.parent; p; p = p.parent) {
            if (p === root.contentItem) {
                inside = true;
                break;
            }
        }
        if (!inside)
            return;
        const top = item.mapToItem(root.contentItem, 0, 0).y - Theme.spacing;
        const bottom = top + item.height + 2 * Theme.spacing;
        const maxY = Math.max(0, root.contentHeight - root.height);
        if (top < root.contentY)
            root.contentY = Math.max(0, top);
        else if (bottom > root.contentY + root.height)
            root.contentY = Math.min(maxY, bottom - root.height);
    }

    clip: true
    boundsBehavior: Flickable.StopAtBounds

    // Both a new focus and a smaller view (the keyboard slid in) can hide the field.
    Connections {
        target: root.Window.window
        function onActiveFocusItemChanged() {
            root.reveal(root.Window.activeFocusItem);
        }
    }
    onHeightChanged: root.reveal(root.Window.activeFocusItem)
}
