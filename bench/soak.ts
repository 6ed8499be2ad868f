/**
 * `npm run soak` (issue 15): the bundled server over stdio, driven hard for a long time.
 *
 * A temporary workspace holds copies of the spec examples (with their configuration), each of
 * which also imports a generated library of actors and leads an objective with them; every file
 * is open. Seeded random edits — valid and garbage: characters, tokens, lines, fragments of other
 * documents pasted, ranges deleted or replaced, now and then two changes at once or an undo back
 * to the original — are sent as incremental changes in bursts. Between them come requests of
 * every kind the server offers: hover, completion, definition, references, highlights,
 * prepareRename and rename, document symbols, formatting (whole and range), code actions on every
 * current diagnostic, code lenses, semantic tokens (full and range), folding ranges, workspace
 * symbols and `ssr/summary`.
 *
 * Violations (any one makes the run fail, exit 1):
 *  - the server exits;
 *  - a request is not answered within 5 s (slow) or at all within 30 s (unanswered), or is answered
 *    with an error other than a cancellation;
 *  - a formatting answer whose edits cannot be applied (outside the text, overlapping);
 *  - no diagnostics within 30 s after an edit;
 *  - the server logs an error (an exception that one of its handlers caught);
 *  - at a checkpoint (every 250 edits, `--compare-every`) or at the end, the diagnostics of an open
 *    document differ from `ssr check --format json` on the same texts: at rest (its latest
 *    publication, as the editor shows it, 15 s after the last edit) or settled (once rebuilt).
 * Reported: the server's memory every 1,000 edits and its growth; error messages it logged.
 *
 * The edits depend only on the seed (requests and timing do not change them), so
 * `npm run soak -- --seed S --edits N` replays the same edits. A failing run saves the seed, the
 * edit log, the requests, the texts and the server's output under test-output/soak/.
 *
 *   npm run soak [-- --seed S] [--edits N] [--compare-every N] [--server FILE] [--keep]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { renderLibrary, type LibraryModel } from './generate.js';
import { CANCELLATION_CODES, LspClient, fileUri, type RequestOutcome } from './lsp-client.js';
import { compareFindings, formatDiff, fromDiagnostics, isSame, runCliCheck, type CliRun } from './findings.js';
import { mb, ms, percentile, seededRandom, table, thousands } from './stats.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SPEC_EXAMPLES = path.resolve(ROOT, '../shared/spec/examples');
const POLYFILL = path.join(ROOT, 'language', 'polyfill.mjs');
const CLI = path.join(ROOT, 'dist', 'cli.cjs');
const OUTPUT = path.join(ROOT, 'test-output', 'soak');

const { values: args } = parseArgs({
    options: {
        seed: { type: 'string' },
        edits: { type: 'string', default: '1000' },
        'compare-every': { type: 'string', default: '250' },
        server: { type: 'string' },
        keep: { type: 'boolean', default: false },
    },
});
const SEED = args.seed !== undefined ? Number(args.seed) : Math.floor(Math.random() * 2 ** 31);
const EDITS = Number(args.edits);
const COMPARE_EVERY = Number(args['compare-every']);
/** The server: the bundle by default; `--server out/server/main.js` runs the unbundled one. */
const SERVER = path.resolve(args.server ?? path.join(ROOT, 'dist', 'server.cjs'));
if (!Number.isInteger(SEED) || !Number.isInteger(EDITS) || EDITS < 0 || !Number.isInteger(COMPARE_EVERY) || COMPARE_EVERY < 1) {
    process.stderr.write('usage: npm run soak -- [--seed INTEGER] [--edits N] [--compare-every N] [--server FILE] [--keep]\n');
    process.exit(2);
}
/** The rule: every request answered within this. */
const ANSWER_MS = 5_000;
/** After this a request counts as unanswered (and is cancelled). */
const GIVE_UP_MS = 30_000;
/** The server's memory is reported every this many edits. */
const MEMORY_EVERY = 1_000;
const MAX_OUTSTANDING = 8;
/** How long the server may take, once the edits stop, to show the diagnostics of the texts. */
const AT_REST_MS = 15_000;

// ---------------------------------------------------------------------------------------------
// The workspace
// ---------------------------------------------------------------------------------------------

const LIBRARY_PATH = 'lib/soak-actors.ssr';
const LIBRARY: LibraryModel = {
    path: LIBRARY_PATH,
    title: 'Shared actors for the soak',
    doc: 'Imported by every strategy of the soak workspace; its names differ from the examples\' own.',
    actors: [
        { name: 'LibCouncil', title: 'Security Council', kind: 'national-security-council' },
        { name: 'LibInterior', title: 'Ministry of the Interior', kind: 'interior-ministry' },
        { name: 'LibPolice', title: 'Federal Police', kind: 'police', jurisdiction: 'national' },
        { name: 'LibCourts', title: 'Supreme Court', kind: 'judiciary' },
        { name: 'LibPrisons', title: 'Prison Service', kind: 'corrections' },
        { name: 'LibAudit', title: 'Audit Office', kind: 'audit-institution', doc: 'Reports to parliament every year.' },
        { name: 'LibForum', title: 'Citizens\' Security Forum', kind: 'civil-society' },
        { name: 'LibPress', title: 'Press Council', kind: 'media' },
        { name: 'LibDonor', title: 'Development Partner', kind: 'donor', jurisdiction: 'international' },
        { name: 'LibContractor', title: 'Training Contractor', kind: 'contractor', jurisdiction: 'international' },
    ],
};

/** What each example gets appended: the import and an objective that uses the library. */
const usesLibrary = (importPath: string) => `
import "${importPath}"

/** Uses the shared library (added by the soak). */
objective SoakSharedAudit "Audit of security spending" {
    sector oversight
    dimension political
    level strategic
    lead LibAudit
    partners LibForum, LibPress
    activity SoakAuditReview "Annual review of security spending" {
        type oversight
        targets LibPolice
    }
}
`;

interface Workspace { folder: string; files: string[] /* relative, with '/' */ }

function createWorkspace(folder: string): Workspace {
    const files: string[] = [];
    const copy = (from: string, relative: string) => {
        for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
            const source = path.join(from, entry.name);
            const rel = relative ? `${relative}/${entry.name}` : entry.name;
            if (entry.isDirectory()) {
                copy(source, rel);
            } else if (entry.name.endsWith('.ssr')) {
                const depth = rel.split('/').length - 1;
                const text = fs.readFileSync(source, 'utf8') + usesLibrary('../'.repeat(depth) + LIBRARY_PATH);
                write(folder, rel, text);
                files.push(rel);
            } else if (entry.name.endsWith('.json')) {
                write(folder, rel, fs.readFileSync(source, 'utf8'));
            }
        }
    };
    copy(SPEC_EXAMPLES, '');
    write(folder, LIBRARY_PATH, renderLibrary(LIBRARY));
    files.push(LIBRARY_PATH);
    return { folder, files: files.sort() };
}

function write(folder: string, relative: string, text: string): void {
    const file = path.join(folder, ...relative.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
}

// ---------------------------------------------------------------------------------------------
// Edits
// ---------------------------------------------------------------------------------------------

interface Change { range: Range; text: string }
interface EditRecord { edit: number; file: string; version: number; kind: string; changes: Change[] }

const KEYWORDS = ['strategy', 'library', 'import', 'actor', 'phase', 'objective', 'activity', 'benchmark', 'funding', 'fiscal', 'kind', 'jurisdiction',
    'stage', 'sector', 'dimension', 'level', 'lead', 'partners', 'themes', 'in', 'after', 'alongside', 'cost', 'capital', 'recurrent', 'per year',
    'measures', 'type', 'source', 'baseline', 'target', 'disaggregated by', 'from', 'to', 'instrument', 'amount', 'supports', 'revenue', 'growing',
    'ceiling', 'of revenue', 'max-external-share', 'scope partial:', 'scope comprehensive', 'country', 'period', 'currency', 'context', 'approach'];
const TERMS = ['police', 'judiciary', 'donor', 'contractor', 'policing', 'justice', 'corrections', 'defence', 'oversight', 'training', 'vetting',
    'equipment', 'assessment', 'legislation', 'monitoring', 'coordination', 'perception-survey', 'trust-fund', 'national-budget', 'incle',
    'economic-support', 'post-conflict', 'preparatory', 'implementation', 'consolidation', 'outcome', 'input', 'gender', 'institutional', 'strategic',
    'polcie', 'justic', 'armed-forces', 'ndici'];
const LITERALS = ['2027', '2031', '2027-03', '2030-12', '2026-13', '12M', '1.5B', '800K', '2,500,000', '40%', '4.5%', '-3M', '0', '"Title"',
    '"""', '"', '{', '}', ',', '.', ':', '/*', '*/', '//', '/** Doc. */', '// ssr-ignore-next-line ', ' -- a reason',
    '// ssr-ignore-next-line monitoring/no-benchmark -- measured elsewhere', `import "${LIBRARY_PATH}"`, 'import "missing.ssr"', 'import "../outside.ssr"'];
// Typed characters, including a tab, Windows and old Mac line breaks, and non-ASCII letters (BMP
// only: a character outside it could be split in two by a later edit, and the halves would not
// survive being written to disk for the command line).
const CHARACTERS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789      \n\n""{}(),.-_/*%:\téü€—', '\r\n', '\r'];

class EditGenerator {
    private readonly random: () => number;

    constructor(seed: number, private readonly originals: Map<string, string>) {
        this.random = seededRandom(seed);
    }

    private int(n: number): number {
        return Math.floor(this.random() * n);
    }

    private pick<T>(list: readonly T[]): T {
        return list[this.int(list.length)];
    }

    /** Picks the document to edit: the library now and then, otherwise any. */
    pickFile(files: string[]): string {
        return this.random() < 0.15 && files.includes(LIBRARY_PATH) ? LIBRARY_PATH : this.pick(files);
    }

    /** One or two changes for `text`, with the kind of edit; `others` are the other documents' texts. */
    next(file: string, text: string, others: string[]): { kind: string; changes: Change[] } {
        const original = this.originals.get(file)!;
        let kind = this.pickKind();
        if (text.length > 2.5 * original.length + 500) kind = 'delete-range';
        else if (text.length < 0.3 * original.length) kind = this.random() < 0.5 ? 'undo-all' : 'paste';
        if (kind === 'two-changes') {
            // Two changes in one notification: the second applies to the text after the first.
            const first = this.change(this.pickSimpleKind(), text, others, original);
            const second = this.change(this.pickSimpleKind(), apply(text, first), others, original);
            return { kind, changes: [first, second] };
        }
        return { kind, changes: [this.change(kind, text, others, original)] };
    }

    private pickKind(): string {
        const r = this.random();
        if (r < 0.03) return 'two-changes';
        if (r < 0.04) return 'undo-all';
        if (r < 0.045) return 'crlf-all';
        return this.pickSimpleKind();
    }

    private pickSimpleKind(): string {
        const weights: [string, number][] = [['type-char', 26], ['delete-chars', 14], ['token', 16], ['insert-line', 8], ['delete-line', 7],
            ['paste', 10], ['delete-range', 8], ['replace-range', 8], ['newline-indent', 3]];
        let r = this.random() * weights.reduce((n, [, w]) => n + w, 0);
        for (const [kind, weight] of weights) {
            if ((r -= weight) < 0) return kind;
        }
        return 'type-char';
    }

    private change(kind: string, text: string, others: string[], original: string): Change {
        const doc = new Lines(text);
        const at = this.int(text.length + 1);
        const insert = (offset: number, inserted: string): Change => ({ range: doc.range(offset, offset), text: inserted });
        const remove = (start: number, length: number, replacement = ''): Change => ({ range: doc.range(start, Math.min(text.length, start + length)), text: replacement });
        const fragment = (max: number) => {
            const source = this.pick(others.length > 0 ? others : [text]);
            const start = this.int(source.length);
            return source.slice(start, start + 1 + this.int(max));
        };
        switch (kind) {
            case 'type-char': return insert(at, this.pick(CHARACTERS));
            case 'delete-chars': return remove(at, 1 + this.int(3));
            case 'token': {
                const names = [...new Set(text.match(/\b[A-Z][A-Za-z0-9_]*\b/g) ?? [])];
                const token = this.pick([KEYWORDS, TERMS, LITERALS, names.length > 0 ? names : KEYWORDS][this.int(4)]);
                return insert(at, this.random() < 0.5 ? ` ${token} ` : token);
            }
            case 'insert-line': {
                const source = this.pick(others.length > 0 ? others : [text]).split('\n');
                return insert(doc.lineStart(this.int(doc.lineCount)), this.pick(source) + '\n');
            }
            case 'delete-line': {
                const line = this.int(doc.lineCount);
                return remove(doc.lineStart(line), doc.lineStart(line + 1) - doc.lineStart(line));
            }
            case 'paste': return insert(at, fragment(400));
            case 'delete-range': return remove(at, 1 + this.int(200));
            case 'replace-range': return remove(at, 1 + this.int(50), fragment(120));
            case 'newline-indent': return insert(at, '\n' + ' '.repeat(4 * this.int(3)));
            case 'undo-all': return remove(0, text.length, original);
            // The whole text with Windows line breaks, as when a file comes from another editor.
            case 'crlf-all': return remove(0, text.length, text.replace(/\r?\n/g, '\r\n'));
            default: throw new Error(`unknown edit ${kind}`);
        }
    }
}

/** Offsets ↔ positions of one text, with the editor's line breaks (\n, \r\n and \r). */
class Lines {
    private readonly document: TextDocument;
    constructor(text: string) {
        this.document = TextDocument.create('soak:lines', 'ssr', 0, text);
    }
    get lineCount(): number {
        return this.document.lineCount;
    }
    lineStart(line: number): number {
        return this.document.offsetAt({ line, character: 0 });
    }
    position(offset: number): Position {
        return this.document.positionAt(offset);
    }
    offset(position: Position): number {
        return this.document.offsetAt(position);
    }
    range(start: number, end: number): Range {
        return { start: this.position(start), end: this.position(end) };
    }
}

function apply(text: string, change: Change): string {
    const lines = new Lines(text);
    return text.slice(0, lines.offset(change.range.start)) + change.text + text.slice(lines.offset(change.range.end));
}

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

interface RequestRecord {
    edit: number; file: string; method: string; params: unknown;
    /** performance.now() when sent. */
    sentAt: number;
    ms: number; outcome: string;
}

class Requests {
    readonly records: RequestRecord[] = [];
    readonly outstanding = new Set<Promise<void>>();
    readonly violations: string[] = [];
    private readonly random: () => number;
    private renames = 0;

    constructor(seed: number, private readonly client: LspClient, private readonly log: (v: string) => void) {
        // Its own generator: how requests go never changes the edits.
        this.random = seededRandom(seed ^ 0x5eed);
    }

    private int(n: number): number {
        return Math.floor(this.random() * n);
    }

    /** Sends one request of a random kind about `uri` (after edit number `edit`). */
    async some(edit: number, file: string, uri: string): Promise<unknown> {
        const kinds = ['hover', 'completion', 'definition', 'references', 'highlight', 'rename', 'symbols', 'formatting', 'range-formatting',
            'code-actions', 'code-lens', 'semantic-tokens', 'semantic-tokens-range', 'folding', 'workspace-symbols', 'summary'];
        const kind = kinds[this.int(kinds.length)];
        const text = this.client.text(uri);
        const lines = new Lines(text);
        const position = this.position(text, lines);
        const textDocument = { uri };
        switch (kind) {
            case 'hover': return this.send(edit, file, 'textDocument/hover', { textDocument, position });
            case 'completion': return this.send(edit, file, 'textDocument/completion', { textDocument, position, context: { triggerKind: 1 } });
            case 'definition': return this.send(edit, file, 'textDocument/definition', { textDocument, position });
            case 'references': return this.send(edit, file, 'textDocument/references', { textDocument, position, context: { includeDeclaration: this.random() < 0.5 } });
            case 'highlight': return this.send(edit, file, 'textDocument/documentHighlight', { textDocument, position });
            case 'rename': {
                await this.send(edit, file, 'textDocument/prepareRename', { textDocument, position });
                return this.send(edit, file, 'textDocument/rename', { textDocument, position, newName: `Renamed${++this.renames}` });
            }
            case 'symbols': return this.send(edit, file, 'textDocument/documentSymbol', { textDocument });
            case 'formatting': {
                // Awaited, so that the answer belongs to this text: its edits must apply to it.
                const options = { tabSize: 4, insertSpaces: true };
                const outcome = await this.send(edit, file, 'textDocument/formatting', { textDocument, options }, true);
                this.checkEdits(edit, file, text, outcome?.result as TextEdit[] | null | undefined);
                return;
            }
            case 'range-formatting': {
                const a = this.int(text.length + 1);
                const b = Math.min(text.length, a + this.int(600));
                const outcome = await this.send(edit, file, 'textDocument/rangeFormatting', { textDocument, range: lines.range(a, b), options: { tabSize: 4, insertSpaces: true } }, true);
                this.checkEdits(edit, file, text, outcome?.result as TextEdit[] | null | undefined);
                return;
            }
            case 'code-actions': {
                // One request per current diagnostic, as an editor asks when the cursor is on each.
                const diagnostics = (this.client.latest(uri)?.diagnostics ?? []).slice(0, 30);
                const requests = diagnostics.map(d => {
                    const diagnostic: Diagnostic = { ...d, range: clamp(d.range, lines) };
                    return this.send(edit, file, 'textDocument/codeAction', { textDocument, range: diagnostic.range, context: { diagnostics: [diagnostic], triggerKind: 1 } });
                });
                await Promise.all(requests);
                return;
            }
            case 'code-lens': return this.send(edit, file, 'textDocument/codeLens', { textDocument });
            case 'semantic-tokens': return this.send(edit, file, 'textDocument/semanticTokens/full', { textDocument });
            case 'semantic-tokens-range': {
                const a = this.int(text.length + 1);
                return this.send(edit, file, 'textDocument/semanticTokens/range', { textDocument, range: lines.range(a, Math.min(text.length, a + this.int(2000))) });
            }
            case 'folding': return this.send(edit, file, 'textDocument/foldingRange', { textDocument });
            case 'workspace-symbols': return this.send(edit, file, 'workspace/symbol', { query: ['Lib', 'Police', 'a', ''][this.int(4)] });
            case 'summary': return this.send(edit, file, 'ssr/summary', { uri, format: ['md', 'html', 'json'][this.int(3)], nonce: 'soak' });
            default: throw new Error(`unknown request kind ${kind}`);
        }
    }

    /** A position on a word most of the time, anywhere otherwise. */
    private position(text: string, lines: Lines): Position {
        if (this.random() < 0.7) {
            const words = [...text.matchAll(/[A-Za-z][\w-]*/g)];
            if (words.length > 0) {
                const word = words[this.int(words.length)];
                return lines.position(word.index + this.int(word[0].length + 1));
            }
        }
        return lines.position(this.int(text.length + 1));
    }

    /**
     * Sends a request and records how it ended. Not awaited unless `wait`: at most
     * MAX_OUTSTANDING are in flight, the oldest is awaited first.
     */
    private async send(edit: number, file: string, method: string, params: unknown, wait = false): Promise<RequestOutcome<unknown> | undefined> {
        const sentAt = performance.now();
        const promise = this.client.request(method, params, GIVE_UP_MS).then(outcome => {
            this.record(edit, file, params, sentAt, outcome);
            return outcome;
        });
        if (wait) return promise;
        const tracked: Promise<void> = promise.then(() => { this.outstanding.delete(tracked); });
        this.outstanding.add(tracked);
        while (this.outstanding.size >= MAX_OUTSTANDING) await this.outstanding.values().next().value;
        return undefined;
    }

    async drain(): Promise<void> {
        while (this.outstanding.size > 0) await Promise.all([...this.outstanding]);
    }

    private record(edit: number, file: string, params: unknown, sentAt: number, outcome: RequestOutcome<unknown>): void {
        let result: string;
        if (outcome.unanswered) {
            result = `unanswered (${outcome.unanswered})`;
            this.violation(`edit ${edit}: ${outcome.method} on ${file} ${outcome.unanswered === 'exit' ? 'lost: the server exited' : `not answered within ${GIVE_UP_MS / 1000} s`}`);
        } else if (outcome.error && !CANCELLATION_CODES.has(outcome.error.code)) {
            result = `error ${outcome.error.code}`;
            this.violation(`edit ${edit}: ${outcome.method} on ${file} answered with error ${outcome.error.code}: ${outcome.error.message.split('\n')[0]}`);
        } else {
            result = outcome.error ? `cancelled ${outcome.error.code}` : 'ok';
            if (outcome.ms > ANSWER_MS) this.violation(`edit ${edit}: ${outcome.method} on ${file} answered after ${ms(outcome.ms)} (limit ${ANSWER_MS / 1000} s)`);
        }
        this.records.push({ edit, file, method: outcome.method, params, sentAt, ms: outcome.ms, outcome: result });
    }

    private checkEdits(edit: number, file: string, text: string, edits: TextEdit[] | null | undefined): void {
        if (!edits) return;
        const lines = new Lines(text);
        const spans = edits.map(e => {
            const inside = e.range.start.line < lines.lineCount && e.range.end.line < lines.lineCount;
            return { start: lines.offset(e.range.start), end: lines.offset(e.range.end), inside, e };
        }).sort((a, b) => a.start - b.start || a.end - b.end);
        for (let i = 0; i < spans.length; i++) {
            const { start, end, inside, e } = spans[i];
            if (!inside || end < start) this.violation(`edit ${edit}: formatting of ${file} returned an edit outside the text or reversed: ${JSON.stringify(e)}`);
            if (i > 0 && start < spans[i - 1].end) this.violation(`edit ${edit}: formatting of ${file} returned overlapping edits: ${JSON.stringify(spans[i - 1].e)} and ${JSON.stringify(e)}`);
        }
    }

    violation(message: string): void {
        this.violations.push(message);
        this.log(message);
    }
}

function clamp(range: Range, lines: Lines): Range {
    return { start: lines.position(lines.offset(range.start)), end: lines.position(lines.offset(range.end)) };
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

interface Checkpoint {
    edit: number;
    rss?: number;
    documentsChecked: number;
    /** Documents whose latest diagnostics differed from ssr check at rest. */
    stale: string[];
    /** Documents whose diagnostics differed from ssr check once settled. */
    differing: string[];
    cliMs: number;
    settleMs: number;
}

async function main(): Promise<number> {
    const started = performance.now();
    const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-soak-'));
    const workspace = createWorkspace(path.join(workdir, 'workspace'));
    const log = (message: string) => process.stderr.write(`soak: ${message}\n`);
    const notes: string[] = [];
    // A configuration the command line refuses (exit 2) leaves nothing to compare with: it is
    // left out, and said so. (The spec's westmoor configuration uses keys the core may not read yet.)
    try {
        runCliCheck(CLI, workspace.folder);
    } catch (error) {
        const configs = listFiles(workspace.folder).filter(f => f.endsWith('.json'));
        for (const config of configs) fs.rmSync(path.join(workspace.folder, config));
        notes.push(`Configuration left out (ssr check refuses it): ${configs.join(', ')} — ${(error as Error).message.split('\n')[0]}`);
        log(notes[notes.length - 1]);
    }
    log(`seed ${SEED}, ${thousands(EDITS)} edits, ${workspace.files.length} documents in ${workspace.folder}`);
    const originals = new Map(workspace.files.map(f => [f, fs.readFileSync(path.join(workspace.folder, ...f.split('/')), 'utf8')]));
    const uriOf = (file: string) => fileUri(path.join(workspace.folder, ...file.split('/')));

    const client = await LspClient.start({ serverPath: SERVER, rootFolder: workspace.folder, initializeTimeoutMs: GIVE_UP_MS, nodeArgs: ['--import', POLYFILL] });
    const requests = new Requests(SEED, client, log);
    const edits = new EditGenerator(SEED, originals);
    const editLog: EditRecord[] = [];
    const checkpoints: Checkpoint[] = [];
    let peakRss: number;
    let finalEdit: number;
    let exited = false;
    let stopping = false;
    client.onExit(() => {
        if (stopping) return;
        exited = true;
        requests.violation(`the server exited (code ${client.exit?.code}, signal ${client.exit?.signal})`);
    });

    /**
     * Compares what the server publishes with ssr check on the same texts, twice: at rest (the
     * latest diagnostics of each document, as the editor shows them once the server is done) and
     * settled (after a rebuild of every document, see LspClient.settle).
     */
    const checkpoint = async (edit: number) => {
        await requests.drain();
        const memory = client.memory();
        // The texts are written over the workspace's files, so that paths in messages are the
        // same for both; the server reads them only through the open documents.
        for (const file of workspace.files) write(workspace.folder, file, client.text(uriOf(file)));
        let cli: CliRun;
        try {
            cli = runCliCheck(CLI, workspace.folder);
        } catch (error) {
            requests.violation(`edit ${edit}: ssr check failed on the texts: ${(error as Error).message.split('\n')[0]}`);
            return;
        }
        const diffOf = (file: string, diagnostics: Diagnostic[]) => compareFindings(cli.files.get(file) ?? [], fromDiagnostics(diagnostics));
        const stale: string[] = [];
        try {
            await client.waitFor(() => workspace.files.every(file => {
                const latest = client.latest(uriOf(file));
                return latest !== undefined && isSame(diffOf(file, latest.diagnostics));
            }), AT_REST_MS, 'every open document shows the diagnostics of its text');
        } catch {
            for (const file of workspace.files) {
                const diff = diffOf(file, client.latest(uriOf(file))?.diagnostics ?? []);
                if (isSame(diff)) continue;
                stale.push(file);
                requests.violation(`edit ${edit}: at rest (${AT_REST_MS / 1000} s after the last edit), ${file} shows diagnostics that differ from ssr check on its text:\n${formatDiff(diff)}`);
            }
        }
        const settleStart = performance.now();
        const uris = workspace.files.map(uriOf);
        let published;
        try {
            published = await client.settle(uris, GIVE_UP_MS);
        } catch (error) {
            requests.violation(`edit ${edit}: the diagnostics did not settle: ${(error as Error).message}`);
            return;
        }
        for (const [i, uri] of uris.entries()) {
            editLog.push({ edit, file: workspace.files[i], version: client.version(uri), kind: 'unchanged (settle)', changes: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }] });
        }
        const settleMs = performance.now() - settleStart;
        const differing: string[] = [];
        for (const file of workspace.files) {
            const diff = diffOf(file, published.get(uriOf(file))!.diagnostics);
            if (!isSame(diff)) {
                differing.push(file);
                requests.violation(`edit ${edit}: settled, the diagnostics of ${file} differ from ssr check:\n${formatDiff(diff)}`);
            }
        }
        checkpoints.push({ edit, rss: memory?.rss, documentsChecked: workspace.files.length, stale, differing, cliMs: cli.ms, settleMs });
        const state = (list: string[]) => list.length === 0 ? 'equal' : `DIFFER (${list.join(', ')})`;
        log(`edit ${thousands(edit)}: RSS ${mb(memory?.rss)}, diagnostics at rest ${state(stale)}, settled ${state(differing)}, ${thousands(requests.records.length)} requests so far, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    };

    try {
        for (const file of workspace.files) await client.open(uriOf(file), originals.get(file)!);
        await checkpoint(0);
        let edit = 0;
        while (edit < EDITS && !exited) {
            // A burst of edits, as when typing or pasting, with requests in between…
            const burst = 1 + Math.floor(seededBurst() * 30);
            let last = '';
            let mark = client.mark();
            for (let i = 0; i < burst && edit < EDITS && !exited; i++) {
                edit++;
                const file = edits.pickFile(workspace.files);
                const uri = uriOf(file);
                const others = workspace.files.filter(f => f !== file).map(f => client.text(uriOf(f)));
                const { kind, changes } = edits.next(file, client.text(uri), others);
                mark = client.mark();
                const version = await client.change(uri, changes);
                editLog.push({ edit, file, version, kind, changes });
                last = uri;
                if (requestChance() < 0.35) {
                    const target = requestChance() < 0.6 ? file : workspace.files[Math.floor(requestChance() * workspace.files.length)];
                    await requests.some(edit, target, uriOf(target));
                }
                if (edit % COMPARE_EVERY === 0 || edit % MEMORY_EVERY === 0) await checkpoint(edit);
            }
            // …then a pause until the server has published for the last edited document after its
            // last change (pacing only: the publication may come from a build still under way).
            if (last && !exited) {
                try {
                    await client.nextDiagnostics(last, mark, GIVE_UP_MS);
                } catch (error) {
                    requests.violation(`edit ${edit}: ${(error as Error).message}`);
                }
            }
        }
        finalEdit = edit;
        if (!exited && edit % COMPARE_EVERY !== 0 && edit % MEMORY_EVERY !== 0) await checkpoint(edit);
        await requests.drain();
        peakRss = client.memory()?.peak ?? 0;
    } finally {
        stopping = true;
        if (!exited) await client.shutdown().catch(() => client.dispose());
    }

    // The summary.
    const violations = requests.violations;
    const records = requests.records;
    const out: string[] = [];
    out.push(`SSR soak — seed ${SEED}, ${thousands(editLog.filter(e => e.kind !== 'unchanged (settle)').length)} edits on ${workspace.files.length} documents, ${thousands(records.length)} requests, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    out.push(`Replay: npm run soak -- --seed ${SEED} --edits ${EDITS}`);
    out.push(...notes);
    out.push(`Server: ${client.exit && exited ? `EXITED (code ${client.exit.code}, signal ${client.exit.signal})` : 'never exited'}`);
    const byMethod = new Map<string, RequestRecord[]>();
    for (const r of records) byMethod.set(r.method, [...(byMethod.get(r.method) ?? []), r]);
    const rows = [['request', 'count', 'p50', 'p95', 'max', `> ${ANSWER_MS / 1000} s`, 'unanswered', 'errors', 'cancelled']];
    for (const [method, list] of [...byMethod].sort()) {
        const times = list.map(r => r.ms);
        rows.push([method, String(list.length), ms(percentile(times, 50)), ms(percentile(times, 95)), ms(Math.max(...times)),
            String(list.filter(r => r.ms > ANSWER_MS && !r.outcome.startsWith('unanswered')).length),
            String(list.filter(r => r.outcome.startsWith('unanswered')).length),
            String(list.filter(r => r.outcome.startsWith('error')).length),
            String(list.filter(r => r.outcome.startsWith('cancelled')).length)]);
    }
    out.push(table(rows));
    const rss = checkpoints.filter(c => c.rss !== undefined && (c.edit % MEMORY_EVERY === 0 || c === checkpoints[checkpoints.length - 1]));
    if (rss.length > 0) {
        const first = rss[0].rss!;
        const lastRss = rss[rss.length - 1].rss!;
        out.push(`RSS every ${thousands(MEMORY_EVERY)} edits: ${rss.map(c => `${thousands(c.edit)}: ${mb(c.rss)}`).join(', ')}`);
        const growth = (from: number) => `${lastRss >= from ? '+' : '−'}${mb(Math.abs(lastRss - from))} (${(((lastRss - from) / from) * 100).toFixed(0)}%)`;
        const warm = rss.find(c => c.edit >= MEMORY_EVERY);
        out.push(`RSS growth to the end: ${growth(first)} from the start`
            + (warm && warm !== rss[rss.length - 1] ? `, ${growth(warm.rss!)} from edit ${thousands(warm.edit)} (after warm-up)` : '')
            + `; peak ${mb(Math.max(peakRss, ...rss.map(c => c.rss!)))}`);
    }
    const finalChecked = checkpoints.length > 0 && checkpoints[checkpoints.length - 1].edit === finalEdit;
    const describe = (key: 'stale' | 'differing') => {
        const bad = checkpoints.filter(c => c[key].length > 0);
        const final = !finalChecked ? 'the final texts could NOT be compared (see the violations)'
            : checkpoints[checkpoints.length - 1][key].length === 0 ? 'the final texts: equal' : 'the final texts: DIFFERENT';
        return `${bad.length === 0 ? 'all equal' : `DIFFERENT at ${bad.map(c => `edit ${c.edit} (${c[key].join(', ')})`).join('; ')}`}; ${final}`;
    };
    out.push(`Diagnostics = ssr check, ${checkpoints.length} checkpoints × ${workspace.files.length} documents:`);
    out.push(`  at rest (the latest publication of each document): ${describe('stale')}`);
    out.push(`  settled (each document rebuilt): ${describe('differing')}`);
    // Errors the server logged (an exception a handler caught) are violations too; each is
    // attributed to the requests in flight when it arrived.
    for (const entry of client.logs.filter(l => l.type === 1)) {
        const inFlight = records.filter(r => r.sentAt <= entry.at && entry.at <= r.sentAt + r.ms);
        const during = inFlight.length > 0
            ? ` (during ${inFlight.slice(0, 3).map(r => `${r.method} on ${r.file} after edit ${r.edit}, params ${JSON.stringify(r.params)}`).join('; ')})`
            : '';
        requests.violation(`the server logged an error: ${entry.message.split('\n')[0]}${during}`);
    }
    if (violations.length > 0) {
        out.push(`FAILED: ${violations.length} violations`, ...violations.slice(0, 30).map(v => `  ${v}`));
        if (violations.length > 30) out.push(`  … and ${violations.length - 30} more`);
    } else {
        out.push('OK: no violation');
    }

    if (violations.length > 0 || args.keep) {
        const folder = path.join(OUTPUT, `seed-${SEED}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
        fs.mkdirSync(folder, { recursive: true });
        fs.writeFileSync(path.join(folder, 'README.txt'), `Replay the edits: npm run soak -- --seed ${SEED} --edits ${EDITS}\n`
            + 'initial/: the workspace as opened; final/: the texts at the end; edits.jsonl: every change sent (LSP ranges, applied in order);\n'
            + 'requests.jsonl: every request and how it ended; violations.txt; server-stderr.txt; server-log.txt.\n');
        fs.writeFileSync(path.join(folder, 'violations.txt'), violations.join('\n') + '\n');
        fs.writeFileSync(path.join(folder, 'edits.jsonl'), editLog.map(e => JSON.stringify(e)).join('\n') + '\n');
        fs.writeFileSync(path.join(folder, 'requests.jsonl'), records.map(r => JSON.stringify(r)).join('\n') + '\n');
        fs.writeFileSync(path.join(folder, 'server-stderr.txt'), client.stderr);
        fs.writeFileSync(path.join(folder, 'server-log.txt'), client.logs.map(l => `[${l.type}] ${l.message}`).join('\n') + '\n');
        for (const stage of ['initial', 'final']) {
            copyConfiguration(workspace.folder, path.join(folder, stage));
            for (const file of workspace.files) write(path.join(folder, stage), file, stage === 'initial' ? originals.get(file)! : client.text(uriOf(file)));
        }
        out.push(`Saved to ${path.relative(ROOT, folder)}`);
    }
    fs.rmSync(workdir, { recursive: true, force: true });
    process.stdout.write(out.join('\n') + '\n');
    return violations.length > 0 ? 1 : 0;
}

/** Files under `folder`, relative, with '/'. */
function listFiles(folder: string, relative = ''): string[] {
    return fs.readdirSync(path.join(folder, relative), { withFileTypes: true }).flatMap(entry => {
        const rel = relative ? `${relative}/${entry.name}` : entry.name;
        return entry.isDirectory() ? listFiles(folder, rel) : [rel];
    });
}

/** Copies the configuration files (not the strategies) of the workspace. */
function copyConfiguration(from: string, to: string): void {
    fs.cpSync(from, to, { recursive: true, filter: source => fs.statSync(source).isDirectory() || source.endsWith('.json') });
}

// Burst lengths and request choices come from generators of their own (seeded too), so that
// the edits themselves depend on nothing but the seed.
const seededBurst = seededRandom(SEED ^ 0xb0b);
const requestChance = seededRandom(SEED ^ 0xace);

process.exitCode = await main();
