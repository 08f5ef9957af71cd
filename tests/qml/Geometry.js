// Walks a rendered page and measures it in millimetres: touch targets, the gaps between them, and text that
// is cut, wrapped inside a button or spills out of its box. Each problem is one readable sentence.
.pragma library
.import "Contrast.js" as Contrast

function isButton(item) {
    return item.autoExclusive !== undefined && item.checkable !== undefined && item.clicked !== undefined;
}

// Buttons, fields, drop-downs, switches, mouse areas: anything a finger is meant to hit.
function isInteractive(item) {
    if (isButton(item))
        return true;
    if (item.currentIndex !== undefined && item.popup !== undefined && item.displayText !== undefined)
        return true; // ComboBox
    if (item.cursorPosition !== undefined && item.readOnly !== undefined && item.selectByMouse !== undefined)
        return !item.readOnly && item.enabled && !isInsideInteractive(item); // TextInput/TextEdit of its own
    if (item.pressAndHoldInterval !== undefined && item.acceptedButtons !== undefined && item.hoverEnabled !== undefined)
        return item.enabled; // MouseArea
    return false;
}

function interactiveAncestor(item) {
    for (let p = item.parent; p; p = p.parent) {
        if (isButton(p) || (p.currentIndex !== undefined && p.popup !== undefined && p.displayText !== undefined)
                || (p.placeholderText !== undefined && p.echoMode !== undefined && p !== item))
            return p;
    }
    return null;
}

function isInsideInteractive(item) {
    return interactiveAncestor(item) !== null;
}

function isText(item) {
    return item.truncated !== undefined && item.lineCount !== undefined && item.contentWidth !== undefined
           && item.elide !== undefined;
}

function describe(item) {
    const parts = [];
    for (let p = item; p && parts.length < 4; p = p.parent) {
        if (p.objectName)
            parts.push(p.objectName);
        else if (p.text !== undefined && typeof p.text === "string" && p.text !== "" && parts.length === 0)
            parts.push("\"" + p.text.substring(0, 40) + "\"");
    }
    const kind = String(item).replace(/\(.*$/, "").replace(/_QMLTYPE_\d+/, "");
    return kind + " " + (parts.length ? parts.join(" in ") : "(unnamed)");
}

// The item's rectangle in `root`'s coordinates, and the part of it that clipping ancestors leave visible.
function rects(item, root) {
    const full = item.mapToItem(root, 0, 0, item.width, item.height);
    let visible = { x: full.x, y: full.y, width: full.width, height: full.height };
    for (let p = item.parent; p && p !== root; p = p.parent) {
        if (!p.clip)
            continue;
        const c = p.mapToItem(root, 0, 0, p.width, p.height);
        const x1 = Math.max(visible.x, c.x), y1 = Math.max(visible.y, c.y);
        const x2 = Math.min(visible.x + visible.width, c.x + c.width), y2 = Math.min(visible.y + visible.height, c.y + c.height);
        visible = { x: x1, y: y1, width: Math.max(0, x2 - x1), height: Math.max(0, y2 - y1) };
    }
    return { full: full, visible: visible };
}

function collect(item, out) {
    if (!item || !item.visible || item.opacity === 0)
        return;
    if (item.width > 0 && item.height > 0) {
        if (isInteractive(item))
            out.interactive.push(item);
        if (isText(item) && item.text !== "")
            out.texts.push(item);
    }
    for (let i = 0; i < item.children.length; ++i)
        collect(item.children[i], out);
}

function effectivelyEnabled(item) {
    for (let p = item; p; p = p.parent) {
        if (p.enabled === false || p.opacity < 1)
            return false;
    }
    return true;
}

// The contrast of each text against the colour actually rendered behind it: `image` is a grab of `root`, read
// just inside the top-left corner of the text's content (after its padding; line spacing keeps glyphs off
// it, and rounded backgrounds have their straight edge there). Disabled controls are exempt (WCAG 1.4.3).
function checkRenderedContrast(root, texts, image, where, problems) {
    let checked = 0;
    for (const text of texts) {
        if (!effectivelyEnabled(text) || text.color.a < 1)
            continue;
        const r = rects(text, root);
        if (r.visible.width < 2 || r.visible.height < 2)
            continue;
        const inside = text.mapToItem(root, (text.leftPadding ?? 0) + 1, 1);
        const x = Math.floor(inside.x), y = Math.floor(inside.y);
        if (x < r.visible.x || y < r.visible.y)
            continue;
        if (x < 0 || y < 0 || x >= image.width || y >= image.height)
            continue;
        const behind = Qt.color(image.pixel(x, y));
        const ratio = Contrast.ratio(text.color, behind);
        const large = text.font.pixelSize >= 24 || (text.font.bold && text.font.pixelSize >= 19);
        const needed = large ? 3 : 4.5;
        ++checked;
        if (ratio < needed)
            problems.push(where + ": text " + describe(text) + " is " + text.color + " on rendered " + behind + ", "
                          + ratio.toFixed(2) + ":1, needs " + needed + ":1");
    }
    return checked;
}

function isAncestor(a, b) {
    for (let p = b.parent; p; p = p.parent) {
        if (p === a)
            return true;
    }
    return false;
}

// Returns the problems on `root` (the app shell) at `pxPerMm`, with targets of at least `minMm` that are
// at least `gapMm` apart. `where` prefixes every sentence (page, profile, language). `accessibleName(item)`
// and `accessibleRole(item)` read an item's Accessible attached properties (a library script cannot).
function check(root, pxPerMm, minMm, gapMm, where, accessibleName, image, accessibleRole) {
    const found = { interactive: [], texts: [] };
    collect(root, found);
    const problems = [];
    const mm = px => (px / pxPerMm).toFixed(1) + " mm";
    const boxes = [];
    for (const item of found.interactive) {
        const r = rects(item, root);
        if (r.visible.width <= 0 || r.visible.height <= 0)
            continue; // scrolled away
        const smaller = Math.min(item.width, item.height);
        if (smaller / pxPerMm < minMm - 0.05)
            problems.push(where + ": " + describe(item) + " is " + mm(item.width) + " × " + mm(item.height)
                          + ", needs " + minMm + " mm");
        if (r.full.x < -1 || r.full.x + r.full.width > root.width + 1)
            problems.push(where + ": " + describe(item) + " runs off the screen (x " + Math.round(r.full.x) + " to "
                          + Math.round(r.full.x + r.full.width) + " of " + root.width + ")");
        boxes.push({ item: item, r: r.visible });
        const name = accessibleName ? accessibleName(item) : "-";
        if (!name || String(name).trim() === "")
            problems.push(where + ": " + describe(item) + " has no accessible name");
        if (accessibleRole && accessibleRole(item) === 0)
            problems.push(where + ": " + describe(item) + " has no accessible role");
    }
    for (let i = 0; i < boxes.length; ++i) {
        for (let j = i + 1; j < boxes.length; ++j) {
            const a = boxes[i], b = boxes[j];
            if (isAncestor(a.item, b.item) || isAncestor(b.item, a.item))
                continue;
            const dx = Math.max(0, b.r.x - (a.r.x + a.r.width), a.r.x - (b.r.x + b.r.width));
            const dy = Math.max(0, b.r.y - (a.r.y + a.r.height), a.r.y - (b.r.y + b.r.height));
            const gap = Math.sqrt(dx * dx + dy * dy);
            if (gap === 0)
                problems.push(where + ": " + describe(a.item) + " overlaps " + describe(b.item));
            else if (gap / pxPerMm < gapMm - 0.05)
                problems.push(where + ": " + describe(a.item) + " is " + mm(gap) + " from " + describe(b.item)
                              + ", needs " + gapMm + " mm");
        }
    }
    for (const text of found.texts) {
        if (text.truncated)
            problems.push(where + ": text " + describe(text) + " is cut off (elided)");
        // A push button's label never wraps; in a row or tile (delegates, check rows) text may wrap as long
        // as the item is tall enough for every line.
        const owner = interactiveAncestor(text);
        if (owner && owner.flat !== undefined && text.lineCount > 1)
            problems.push(where + ": button text " + describe(text) + " wraps to " + text.lineCount + " lines");
        else if (owner && text.mapToItem(owner, 0, 0).y + text.contentHeight > owner.height + 1)
            problems.push(where + ": text " + describe(text) + " spills out of " + describe(owner) + " ("
                          + Math.round(text.contentHeight) + " px of text in " + Math.round(owner.height) + " px)");
        if (text.wrapMode === 0 /* NoWrap */ && text.elide === 0 && text.contentWidth > text.width + 1)
            problems.push(where + ": text " + describe(text) + " needs " + Math.round(text.contentWidth)
                          + " px but has " + Math.round(text.width));
        const r = rects(text, root);
        if (r.visible.width > 0 && (r.full.x < -1 || r.full.x + Math.min(r.full.width, text.contentWidth) > root.width + 1))
            problems.push(where + ": text " + describe(text) + " runs off the screen");
    }
    const contrasts = image ? checkRenderedContrast(root, found.texts, image, where, problems) : 0;
    return { problems: problems, targets: boxes.length, texts: found.texts.length, contrasts: contrasts,
             textItems: found.texts };
}

// Whether `item` is entirely on screen inside `root` (not scrolled or clipped away).
function fullyVisible(item, root) {
    if (!item || !item.visible)
        return false;
    const r = rects(item, root);
    return r.visible.width >= r.full.width - 1 && r.visible.height >= r.full.height - 1 && r.full.x >= -1
           && r.full.y >= -1 && r.full.x + r.full.width <= root.width + 1 && r.full.y + r.full.height <= root.height + 1;
}
