// Finds an item or popup by objectName anywhere below `root` (children, data, popup content).
.pragma library

function find(root, name) {
    if (!root)
        return null;
    if (root.objectName === name)
        return root;
    const seen = [];
    const lists = [root.children, root.data, root.contentItem ? [root.contentItem] : []];
    for (const list of lists) {
        if (!list)
            continue;
        for (let i = 0; i < list.length; ++i) {
            const child = list[i];
            if (!child || seen.indexOf(child) >= 0)
                continue;
            seen.push(child);
            const found = find(child, name);
            if (found)
                return found;
        }
    }
    return null;
}

