import QtQuick
import QtTest

// The Danish UI speaks one language with one word per concept: every translation follows the glossary in
// translations/glossary.tsv (the chosen term, none of the avoided ones, no English words, nothing left in
// English). Reads the .ts file the build compiles, so a new string is checked as soon as it is translated.
TestCase {
    id: root
    name: "Glossary"

    function readFile(relative) {
        const request = new XMLHttpRequest();
        request.open("GET", Qt.resolvedUrl(relative), false);
        request.send(null);
        verify(request.responseText.length > 0, "cannot read " + relative + " (QML_XHR_ALLOW_FILE_READ=1?)");
        return request.responseText;
    }

    function decodeEntities(text) {
        return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&apos;/g, "'")
                   .replace(/&amp;/g, "&");
    }

    function messages() {
        const ts = readFile("../../translations/fieldkit_da.ts");
        const out = [];
        const messageRe = /<message[^>]*>([\s\S]*?)<\/message>/g;
        let m;
        while ((m = messageRe.exec(ts)) !== null) {
            const source = /<source>([\s\S]*?)<\/source>/.exec(m[1]);
            const translation = /<translation[^>]*>([\s\S]*?)<\/translation>/.exec(m[1]);
            if (!source || !translation)
                continue;
            const forms = /<numerusform>/.test(translation[1])
                ? translation[1].match(/<numerusform>([\s\S]*?)<\/numerusform>/g).map(f => f.replace(/<\/?numerusform>/g, ""))
                : [translation[1]];
            out.push({ source: decodeEntities(source[1]), translations: forms.map(decodeEntities) });
        }
        return out;
    }

    function glossary() {
        const rows = { term: [], english: [], same: [] };
        for (const line of readFile("../../translations/glossary.tsv").split("\n")) {
            if (line === "" || line.startsWith("#"))
                continue;
            const cells = line.split("\t");
            rows[cells[0]].push(cells.slice(1));
        }
        return rows;
    }

    function test_glossary_and_translations_are_read() {
        const g = glossary();
        verify(g.term.length >= 8, "terms: " + g.term.length);
        verify(messages().length > 200);
    }

    function test_one_danish_term_per_concept() {
        const problems = [];
        const terms = glossary().term;
        for (const msg of messages()) {
            for (const [concept, english, danish, avoid] of terms) {
                for (const t of msg.translations) {
                    if (new RegExp(english, "i").test(msg.source) && !new RegExp(danish, "i").test(t))
                        problems.push("\"" + msg.source + "\" → \"" + t + "\": " + concept + " is \"" + danish + "\" in Danish");
                    if (avoid && new RegExp(avoid, "i").test(t))
                        problems.push("\"" + t + "\" uses a word the glossary avoids for " + concept + " (" + avoid + ")");
                }
            }
        }
        for (const p of problems)
            console.warn(p);
        compare(problems.length, 0, "problems (each logged above)");
    }

    function test_no_english_in_danish() {
        const g = glossary();
        const english = new RegExp(g.english[0][0], "i");
        const same = new RegExp(g.same[0][0]);
        const problems = [];
        for (const msg of messages()) {
            for (const t of msg.translations) {
                if (english.test(t))
                    problems.push("\"" + t + "\" has an English word: " + english.exec(t)[0]);
                if (t === msg.source && /[A-Za-z]{2}/.test(t) && !same.test(t))
                    problems.push("\"" + t + "\" is left in English");
            }
        }
        for (const p of problems)
            console.warn(p);
        compare(problems.length, 0, "problems (each logged above)");
    }

    function test_the_check_catches_a_bad_translation() {
        const terms = glossary().term;
        const note = terms.find(t => t[0] === "note");
        verify(new RegExp(note[3], "i").test("Note tilføjet"), "\"Note tilføjet\" must be caught");
        verify(!new RegExp(note[3], "i").test("Notat tilføjet"));
    }
}
