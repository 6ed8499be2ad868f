/**
 * The core's fast paths (issue 11) against the library code they stand in for.
 *
 * The linker (language/parsing/linker.ts) walks the AST its own way; it must link exactly what
 * Langium's `DefaultLinker` links, to the same targets and in the same order
 * (`document.references`, which find-references and the reference rules read), also in the
 * half-written documents an author is always editing. Text documents read from disk
 * (language/parsing/text-document.ts) get their line index without a scan of every character;
 * every offset must map to the same position. The relations model's strongly connected
 * components (language/model/relations.ts, over typed arrays) must be those of mutual reachability.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DefaultLinker, URI, type LangiumDocument } from 'langium';
import { createServices, parser, SPEC_EXAMPLES } from './helpers.js';

const services = createServices();
const parse = parser(services);

function examples(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) return examples(file);
        return entry.name.endsWith('.ssr') ? [file] : [];
    });
}

/** What the linker left: each reference in order, with where it points or why it failed. */
function links(document: LangiumDocument): string[] {
    const locator = services.workspace.AstNodeLocator;
    return document.references.map(reference => {
        const at = reference.$refNode?.offset ?? -1;
        const target = 'ref' in reference ? reference.ref : undefined;
        return `${at} ${reference.$refText} → ${target ? locator.getAstNodePath(target) : `error: ${reference.error?.message ?? 'none'}`}`;
    });
}

async function linkedAsLangiumLinks(document: LangiumDocument): Promise<string[]> {
    const linker = services.references.Linker;
    linker.unlink(document);
    await DefaultLinker.prototype.link.call(linker, document);
    return links(document);
}

describe('linker', () => {
    const files = examples(SPEC_EXAMPLES);

    it('finds the spec examples', () => {
        assert.ok(files.length >= 5, `${files.length} examples under ${SPEC_EXAMPLES}`);
    });

    it('links what Langium links, in the same order, in every spec example and every prefix of it', async () => {
        let compared = 0;
        for (const file of files) {
            const text = fs.readFileSync(file, 'utf8');
            // The whole text and prefixes cut anywhere (mid-word, mid-block): recovery leaves partial nodes.
            const cuts = [text.length, ...Array.from({ length: 12 }, (_, i) => Math.floor((text.length * (i + 1)) / 13))];
            for (const cut of cuts) {
                const document = await parse(text.slice(0, cut));
                const ours = links(document);
                assert.deepEqual(await linkedAsLangiumLinks(document), ours, `${path.basename(file)} cut at ${cut}`);
                compared += ours.length;
            }
        }
        assert.ok(compared > 100, `${compared} references compared`);
    });

    it('reports an unresolved name as Langium does', async () => {
        const document = await parse('actor A "A" { kind police }\nobjective O "O" {\n    sector policing\n    lead Nobody\n}\n');
        const ours = links(document);
        assert.equal(ours.length, 1);
        assert.match(ours[0], /Nobody → error: /);
        assert.deepEqual(await linkedAsLangiumLinks(document), ours);
    });
});

describe('text documents of files read from disk', () => {
    it('place every offset where the text document library places it', async () => {
        const { TextDocument } = await import('langium');
        const { lineStarts } = await import('../language/parsing/text-document.js');
        const texts = ['', 'a', '\n', 'a\n', '\nb', 'a\nb\n\nc', 'x'.repeat(50) + '\n' + 'é\n'.repeat(20), ...examples(SPEC_EXAMPLES).map(file => fs.readFileSync(file, 'utf8'))];
        for (const text of texts) {
            const expected = TextDocument.create('file:///x.ssr', 'ssr', 0, text);
            const fast = TextDocument.create('file:///x.ssr', 'ssr', 0, text);
            (fast as unknown as { _lineOffsets?: number[] })._lineOffsets = lineStarts(text);
            assert.equal(fast.lineCount, expected.lineCount, JSON.stringify(text.slice(0, 20)));
            for (let offset = 0; offset <= text.length + 1; offset++) assert.deepEqual(fast.positionAt(offset), expected.positionAt(offset));
        }
        assert.equal(lineStarts('a\r\nb'), undefined, 'carriage returns are left to the library');
    });

    it('are created with their line index by the services', () => {
        const document = services.shared.workspace.LangiumDocumentFactory.fromString('actor A "A" { kind police }\n', URI.parse('file:///disk/a.ssr'));
        assert.deepEqual((document.textDocument as unknown as { _lineOffsets?: number[] })._lineOffsets, [0, 28]);
        assert.deepEqual(document.textDocument.positionAt(27), { line: 0, character: 27 });
    });
});

describe('strongly connected components (relations model)', () => {
    it('partition every random graph as mutual reachability does, numbered in completion order', async () => {
        const { stronglyConnected } = await import('../language/model/relations.js');
        let seed = 20261201;
        const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
        for (let graph = 0; graph < 500; graph++) {
            const count = 1 + Math.floor(random() * 14);
            const edges: number[] = [];
            for (let e = Math.floor(random() * 30); e > 0; e--) edges.push(Math.floor(random() * count), Math.floor(random() * count));
            const component = stronglyConnected(count, count, Int32Array.from(edges));
            // Reachability by search from each node.
            const reach = Array.from({ length: count }, (_, from) => {
                const seen = new Set([from]);
                for (const queue = [from]; queue.length > 0;) {
                    const node = queue.pop() ?? 0;
                    for (let e = 0; e < edges.length; e += 2) if (edges[e] === node && !seen.has(edges[e + 1])) { seen.add(edges[e + 1]); queue.push(edges[e + 1]); }
                }
                return seen;
            });
            for (let a = 0; a < count; a++) {
                for (let b = 0; b < count; b++) {
                    assert.equal(component[a] === component[b], reach[a].has(b) && reach[b].has(a), `graph ${graph}: ${a}, ${b} in ${JSON.stringify(edges)}`);
                }
            }
            // A component completes after every component it reaches.
            for (let e = 0; e < edges.length; e += 2) assert.ok(component[edges[e]] >= component[edges[e + 1]], `graph ${graph}: edge ${edges[e]} → ${edges[e + 1]}`);
        }
    });

    it('follows a chain of 100,000 relations without recursion', async () => {
        const { stronglyConnected } = await import('../language/model/relations.js');
        const count = 100_000;
        const edges = new Int32Array(count * 2);
        for (let i = 0; i < count; i++) { edges[2 * i] = i; edges[2 * i + 1] = (i + 1) % count; }
        const component = stronglyConnected(count, count, edges);
        assert.ok(component.every(c => c === component[0]), 'one cycle through every node');
    });
});
