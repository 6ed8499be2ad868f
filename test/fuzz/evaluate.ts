/**
 * One fuzz case, in process: write its files, check it with the services `ssr check` uses
 * (`createSsrServices(NodeFileSystem)` + `checkUris`), build and render its plan summary, format
 * it, and judge the five properties. Returns the failures (each with a class key) and the
 * figures of the check. Runs inside a child process (child.ts) so that a hang can be stopped.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { clearDocuments } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createSsrServices, type SsrServices } from '../../language/ssr-module.js';
import { checkUris, type FileReport } from '../../language/check.js';
import { buildSummary, renderHtml, renderJson, renderMarkdown, type PlanSummary } from '../../language/summary/index.js';
import type * as ast from '../../language/generated/ast.js';
import { ROOT } from './corpus.js';
import { writeCaseFiles, writeFixtures, type CaseInput } from './workspace.js';

export const PROPERTIES = ['exception', 'diagnostics', 'summary', 'formatter', 'performance'] as const;
export type PropertyId = typeof PROPERTIES[number];

export const PROPERTY_TITLES: Record<PropertyId, string> = {
    exception: '1. no exception (check, summary model and renderings, formatter)',
    diagnostics: '2. diagnostics inside the document, start <= end, with a code and a clean message',
    summary: '3. summary numbers finite and consistent; no NaN/Infinity/undefined in Markdown or HTML',
    formatter: '4. formatter idempotent, whitespace-only, findings unchanged',
    performance: '5. check time bounded (<= 2 s per 10 KB, <= 10 s or 4 s per MB above 2.5 MB, no hang)',
};

/** What runs after the check: the summary (property 3), the formatter (property 4) and completion (property 1 only). */
const STEPS = ['summary', 'format', 'complete'] as const;
export type Step = typeof STEPS[number];

/** The steps a failure class needs to show again (minimising runs only those). */
export function stepsFor(property: PropertyId, key: string): Step[] {
    if (property === 'summary') return ['summary'];
    if (property === 'formatter') return ['format'];
    if (property === 'exception') {
        if (/^exception in (buildSummary|render)/.test(key) || /in summary \(/.test(key)) return ['summary'];
        if (/^exception in (formatDocument|checkUris \(formatted)/.test(key) || /in formatting \(/.test(key)) return ['format'];
        if (/^exception in completion/.test(key)) return ['complete'];
        if (/^exception in checkUris/.test(key)) return [];
        return [...STEPS];
    }
    if (property === 'performance') {
        // A case that never answered: the step it was in (a timeout "in the check" needs none).
        if (/\(in (formatting|checking the formatted text)\)/.test(key)) return ['format'];
        if (/\(in summary\)/.test(key)) return ['summary'];
        if (/\(in completion\)/.test(key)) return ['complete'];
    }
    return [];
}

export interface Failure {
    readonly property: PropertyId;
    /** The failure class: property + normalised message (+ top of the stack for exceptions). */
    readonly key: string;
    /** This occurrence, in full. */
    readonly message: string;
    readonly stack?: string;
}

export interface Outcome {
    readonly failures: Failure[];
    /** Characters of every document the check loaded (the strategy and what it imports). */
    readonly size: number;
    readonly mainSize: number;
    /** CPU time of the check (checkUris), this process only. */
    readonly cpuMs: number;
    readonly wallMs: number;
    readonly findings: number;
    readonly parseErrors: boolean;
    /** A harness self-check: set when the checker did not read the text just written (how it differs). */
    readonly readMismatch?: string;
    /** Wall time of each step (ms): writing the files, checking, the summary, formatting and checking the formatted text. */
    readonly phases: Record<string, number>;
}

/** Limits of property 5. */
const SLOW_MS_PER_KB = 200; // 2 s per 10 KB
const SLOW_FLOOR_MS = 2000; // small documents may take up to 2 s (first check warms up the JIT)
/** At most 10 s for a check, and 4 s per MB beyond 2.5 MB (the fuzzer's largest texts are 7 MB: parsing alone takes seconds). */
export const slowOverallMs = (bytes: number): number => Math.max(10_000, 4_000 * bytes / 1_048_576);
/** Extra time a case may take before it counts as a hang: 20 s per MB of its text. */
export const extraTimeoutMs = (bytes: number): number => 20_000 * bytes / 1_048_576;
/** Half a cent: money figures that should be equal may differ by this much. */
const MONEY_TOLERANCE = 0.005;

const FORMAT_OPTIONS = { tabSize: 4, insertSpaces: true };

// ---------------------------------------------------------------------------------------------
// Normalising messages and stacks into class keys.

export function normalizeMessage(message: string): string {
    return message
        .replace(/file:\/\/\/?[^\s'"`)]*/g, '<uri>')
        .replace(/(?:[A-Za-z]:)?(?:\/[^\s/'"`):]+){2,}\/?/g, '<path>')
        .replace(/'[^']*'/g, "'…'")
        .replace(/"[^"]*"/g, '"…"')
        .replace(/`[^`]*`/g, '`…`')
        .replace(/\d+(?:[.,]\d+)*/g, 'N')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 200);
}

/** The first frame of a stack in the project's code (else the first frame), as `file:function`. */
export function stackTop(stack: string | undefined): string {
    if (!stack) return '?';
    const frames = stack.split('\n').filter(l => /^\s+at /.test(l)).map(l => {
        const m = /^\s+at (?:(.+?) \()?(.+?)(?::(\d+):(\d+))?\)?$/.exec(l);
        const fn = m?.[1] ?? '<anonymous>';
        let file = (m?.[2] ?? '').replace(/^file:\/\//, '');
        const rel = path.relative(ROOT, file);
        if (!rel.startsWith('..')) file = rel.replace(/^out\//, '').replace(/\.js$/, '.ts');
        else file = file.replace(/^.*node_modules\//, '');
        return { fn, file, line: m?.[3] };
    });
    const own = frames.find(f => /^(language|server|cli|client)\//.test(f.file));
    const first = frames[0];
    if (!first) return '?';
    if (!own) return `${first.file}:${first.fn}`;
    return own === first ? `${own.file}:${own.fn}` : `${own.file}:${own.fn} (via ${first.file}:${first.fn})`;
}

function errorInfo(error: unknown): { message: string; stack?: string } {
    if (error instanceof Error) return { message: `${error.name}: ${error.message}`, stack: error.stack };
    return { message: String(error) };
}

// ---------------------------------------------------------------------------------------------

export class Evaluator {
    private services!: SsrServices;
    private prepared = false;
    private uses = 0;
    /** Errors that the code under test caught and logged (the rule engine, Langium's linker). */
    private logged: { message: string; error?: unknown }[] = [];
    private phases: Record<string, number> = {};

    /** `progress` hears where a case is (so that a case that never ends can be placed). */
    constructor(private readonly tmpRoot: string, private readonly progress: (step: string, cpuMs?: number) => void = () => undefined) {
        this.fresh();
        const original = console.error.bind(console);
        console.error = (...args: unknown[]) => {
            const error = args.find(a => a instanceof Error);
            this.logged.push({ message: args.filter(a => typeof a === 'string').join(' '), error });
            if (process.env.SSR_FUZZ_VERBOSE) original(...args);
        };
    }

    /** New services: as `ssr check` creates them. */
    fresh(): void {
        this.services = createSsrServices(NodeFileSystem).Ssr;
    }

    private async reset(): Promise<void> {
        try {
            await clearDocuments(this.services.shared);
            this.services.config.ConfigProvider.clear();
        } catch {
            this.fresh();
        }
        const left = this.services.shared.workspace.LangiumDocuments.all.map(d => d.uri.toString()).toArray();
        if (left.length > 0) this.fresh(); // never check a case against the documents of the last one
    }

    /** `steps`: what to run after the check (all by default; minimising a class runs only what it needs). */
    async evaluate(input: CaseInput, steps: readonly Step[] = STEPS): Promise<Outcome> {
        // One folder per process, reused: the fixtures are written once, the case's files each time.
        const root = path.join(this.tmpRoot, 'case');
        const t0 = performance.now();
        if (!this.prepared) {
            fs.rmSync(root, { recursive: true, force: true });
            writeFixtures(root, false);
            this.prepared = true;
        }
        const mainPath = writeCaseFiles(root, input);
        this.phases = { write: performance.now() - t0 };
        return await this.run(input, URI.file(mainPath), steps);
    }

    private async run(input: CaseInput, mainUri: URI, steps: readonly Step[]): Promise<Outcome> {
        const failures: Failure[] = [];
        const exception = (stage: string, error: unknown) => {
            const info = errorInfo(error);
            failures.push({ property: 'exception', key: `exception in ${stage}: ${normalizeMessage(info.message)} @ ${stackTop(info.stack)}`, message: info.message, stack: info.stack });
        };
        const takeLogged = (stage: string) => {
            for (const entry of this.logged) {
                const info = entry.error !== undefined ? errorInfo(entry.error) : { message: entry.message };
                const where = /^Rule [\w/-]+ failed/.test(entry.message) ? `${stage} (caught by the rule engine: ${/^Rule ([\w/-]+)/.exec(entry.message)![1]})`
                    : /resolving reference/.test(entry.message) ? `${stage} (caught by the linker)` : `${stage} (logged)`;
                failures.push({ property: 'exception', key: `exception in ${where}: ${normalizeMessage(info.message)} @ ${stackTop(info.stack)}`, message: `${entry.message} ${info.message}`.trim(), stack: info.stack });
            }
            this.logged = [];
        };

        const t0 = performance.now();
        if (++this.uses % 200 === 0) this.fresh(); // a fresh parser now and then, as a long-running server would not, but bounded memory
        await this.reset();
        // Only now: reset() may have replaced the services.
        const services = this.services;
        this.phases.reset = performance.now() - t0;
        this.logged = [];
        let reports: FileReport[] | undefined;
        const cpu0 = process.cpuUsage();
        const wall0 = performance.now();
        try {
            reports = await checkUris(services, [mainUri]);
        } catch (error) {
            exception('checkUris', error);
        }
        const cpu = process.cpuUsage(cpu0);
        const cpuMs = (cpu.user + cpu.system) / 1000;
        const wallMs = performance.now() - wall0;
        takeLogged('checkUris');

        const main = reports?.find(r => r.uri.toString() === mainUri.toString());
        const size = reports ? reports.reduce((n, r) => n + r.document.textDocument.getText().length, 0) : input.main.length;
        const sources = reports ? reports.map(r => r.document.textDocument.getText()).join('\n') : input.main;
        const parsed = main?.document.parseResult;
        const parseErrors = parsed ? parsed.lexerErrors.length + parsed.parserErrors.length > 0 : false;

        if (reports) {
            for (const report of reports) checkDiagnostics(report.document, sources, failures);
        }
        this.phases.check = wallMs;
        this.progress('checked', cpuMs);
        if (main) {
            let t = performance.now();
            if (steps.includes('summary')) {
                this.progress('summary');
                this.checkSummary(main.document, sources, failures, exception);
                takeLogged('summary');
                this.phases.summary = performance.now() - t;
            }
            t = performance.now();
            if (steps.includes('complete')) {
                this.progress('completion');
                await this.checkCompletion(main.document, exception);
                takeLogged('completion');
                this.phases.complete = performance.now() - t;
            }
            t = performance.now();
            if (steps.includes('format')) {
                this.progress('formatting');
                await this.checkFormatter(main, mainUri, parseErrors, failures, exception);
                takeLogged('formatting');
                this.phases.format = performance.now() - t;
            }
        }

        const kb = size / 1024;
        if (cpuMs > slowOverallMs(size)) {
            failures.push({ property: 'performance', key: 'performance: check took more than 10 s (4 s per MB beyond 2.5 MB)', message: `check took ${Math.round(cpuMs)} ms CPU for ${kb.toFixed(1)} KB` });
        } else if (cpuMs > Math.max(SLOW_FLOOR_MS, SLOW_MS_PER_KB * kb)) {
            failures.push({ property: 'performance', key: 'performance: check took more than 2 s per 10 KB', message: `check took ${Math.round(cpuMs)} ms CPU for ${kb.toFixed(1)} KB (${(cpuMs / Math.max(kb, 0.001)).toFixed(0)} ms/KB)` });
        }
        if (failures.some(f => f.property === 'exception')) this.fresh(); // never carry a broken state into the next case
        return { failures: dedupe(failures), size, mainSize: input.main.length, cpuMs, wallMs, findings: main?.findings.length ?? 0, parseErrors, phases: this.phases,
            readMismatch: main ? this.readMismatch(main.document.textDocument.getText(), input.main) : undefined };
    }

    private previousMain?: string;

    /** A harness self-check: did the checker read the text just written? (How it differs, if not.) */
    private readMismatch(read: string, written: string): string | undefined {
        const expected = Buffer.from(written, 'utf8').toString('utf8');
        const previous = this.previousMain;
        this.previousMain = expected;
        if (read === expected) return undefined;
        let i = 0;
        while (i < read.length && read[i] === expected[i]) i++;
        return `read ${read.length} characters, wrote ${expected.length}; first difference at ${i}: ${JSON.stringify(read.slice(i, i + 30))} vs ${JSON.stringify(expected.slice(i, i + 30))}; the text of the previous case: ${read === previous}`;
    }

    /**
     * Completion where an author types next: after the keywords that take a name, a term or a
     * range, at the end, and at a few other places. Not one of the five properties' steps, but an
     * exception here is one the editor meets on half-written text (property 1).
     */
    private async checkCompletion(document: LangiumDocument<ast.Document>, exception: (stage: string, error: unknown) => void): Promise<void> {
        const text = document.textDocument.getText();
        const offsets = new Set<number>([text.length]);
        const limit = text.length > 100_000 ? 2 : 6;
        for (const m of text.matchAll(/\b(from|to|in|lead|partners|supports|measures|after|alongside|targets|kind|sector|type|instrument|source|stage|by)\b ?/g)) {
            if (offsets.size > limit) break;
            offsets.add((m.index ?? 0) + m[0].length);
        }
        for (let i = 1; i <= 2; i++) offsets.add(Math.floor((text.length * i) / 3));
        const provider = this.services.lsp.CompletionProvider!;
        for (const offset of offsets) {
            try {
                await provider.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) });
            } catch (error) {
                exception('completion', error);
            }
        }
    }

    private checkSummary(document: LangiumDocument<ast.Document>, sources: string, failures: Failure[], exception: (stage: string, error: unknown) => void): void {
        let summary: PlanSummary;
        try {
            summary = buildSummary(this.services, document, 'main.ssr');
        } catch (error) {
            exception('buildSummary', error);
            return;
        }
        const renderings: [string, (s: PlanSummary) => string][] = [['Markdown', renderMarkdown], ['HTML', s => renderHtml(s, { nonce: 'fuzz' })], ['JSON', renderJson]];
        const texts: Record<string, string> = {};
        for (const [name, render] of renderings) {
            try {
                texts[name] = render(summary);
            } catch (error) {
                exception(`render${name === 'Markdown' ? 'Markdown' : name === 'HTML' ? 'Html' : 'Json'}`, error);
            }
        }
        checkSummaryModel(summary, texts.JSON, failures);
        // The findings section repeats the diagnostics' messages, which property 2 judges.
        if (texts.Markdown !== undefined) checkRenderedText('Markdown', texts.Markdown.split('\n## Findings')[0], sources, failures);
        if (texts.HTML !== undefined) checkRenderedText('HTML', texts.HTML.split('<h2>Findings</h2>')[0], sources, failures);
    }

    private async checkFormatter(main: FileReport, mainUri: URI, parseErrors: boolean, failures: Failure[], exception: (stage: string, error: unknown) => void): Promise<void> {
        const services = this.services;
        const formatter = services.lsp.Formatter!;
        const text = main.document.textDocument.getText();
        let once: string;
        try {
            const edits = await formatter.formatDocument(main.document, { textDocument: { uri: mainUri.toString() }, options: FORMAT_OPTIONS });
            once = TextDocument.applyEdits(TextDocument.create(mainUri.toString(), 'ssr', 1, text), edits);
        } catch (error) {
            exception('formatDocument', error);
            return;
        }
        const squash = (s: string) => s.replace(/\s+/g, '');
        if (squash(once) !== squash(text)) {
            const a = squash(text), b = squash(once);
            let i = 0;
            while (i < a.length && a[i] === b[i]) i++;
            failures.push({ property: 'formatter', key: 'formatter: changes the text, not only whitespace', message: `first difference at non-whitespace character ${i}: ${JSON.stringify(a.slice(i, i + 40))} became ${JSON.stringify(b.slice(i, i + 40))}` });
        }
        let twice: string;
        try {
            const again = services.shared.workspace.LangiumDocumentFactory.fromString<ast.Document>(once, URI.file(mainUri.fsPath.replace(/\.ssr$/, '.formatted.ssr')));
            const edits = await formatter.formatDocument(again, { textDocument: { uri: again.uri.toString() }, options: FORMAT_OPTIONS });
            twice = TextDocument.applyEdits(TextDocument.create(again.uri.toString(), 'ssr', 1, once), edits);
        } catch (error) {
            exception('formatDocument (second pass)', error);
            return;
        }
        if (twice !== once) {
            failures.push({ property: 'formatter', key: 'formatter: not idempotent (format(format(t)) != format(t))', message: firstDifference(once, twice) });
        }
        // Findings can only move with the layout where the parser recovers from errors or where a
        // suppression comment covers "the next line": check the formatted text again there.
        if (once === text || !(parseErrors || text.includes('ssr-ignore-next-line'))) return;
        // The findings of the formatted text, ignoring positions (also those written in messages: "on line 12").
        const withoutPositions = (m: string) => m.replace(/\b(lines?|column) \d+/g, '$1 N').replace(/\b\d+:\d+\b/g, 'N:N');
        const before = main.findings.map(f => `${f.ruleId}\u0000${withoutPositions(f.message)}`);
        await this.reset();
        this.logged = [];
        this.progress('checking the formatted text');
        let after: string[];
        try {
            const reports = await checkUris(this.services, [mainUri], new Map([[mainUri.toString(), once]]));
            after = reports.find(r => r.uri.toString() === mainUri.toString())!.findings.map(f => `${f.ruleId}\u0000${withoutPositions(f.message)}`);
        } catch (error) {
            exception('checkUris (formatted text)', error);
            return;
        }
        const removed = multisetMinus(before, after), added = multisetMinus(after, before);
        if (removed.length > 0 || added.length > 0) {
            const suppressions = text.includes('ssr-ignore-next-line') ? 'with suppression comments' : 'without suppression comments';
            const show = (list: string[]) => list.slice(0, 3).map(f => f.replace('\u0000', ': ')).join(' | ');
            failures.push({
                property: 'formatter',
                key: `formatter: findings change after formatting (document ${parseErrors ? 'with' : 'without'} parse errors, ${suppressions})`,
                message: `lost ${removed.length} [${show(removed)}], gained ${added.length} [${show(added)}]`,
            });
        }
    }
}


function dedupe(failures: Failure[]): Failure[] {
    const seen = new Set<string>();
    return failures.filter(f => !seen.has(f.key) && (seen.add(f.key), true));
}

function multisetMinus(a: string[], b: string[]): string[] {
    const counts = new Map<string, number>();
    for (const x of b) counts.set(x, (counts.get(x) ?? 0) + 1);
    const result: string[] = [];
    for (const x of a) {
        const n = counts.get(x) ?? 0;
        if (n > 0) counts.set(x, n - 1);
        else result.push(x);
    }
    return result;
}

function firstDifference(a: string, b: string): string {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return `first difference at offset ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 20), i + 30))} vs ${JSON.stringify(b.slice(Math.max(0, i - 20), i + 30))}`;
}

// ---------------------------------------------------------------------------------------------
// Property 2: diagnostics.

const BAD_WORDS: [string, RegExp][] = [
    ['undefined', /\bundefined\b/], ['NaN', /\bNaN\b/], ['Infinity', /\bInfinity\b/], ['[object Object]', /\[object Object\]/], ['null', /\bnull\b/],
];

function checkDiagnostics(document: LangiumDocument, sources: string, failures: Failure[]): void {
    const text = document.textDocument.getText();
    const lines = text.split(/\r\n|\r|\n/);
    const file = path.basename(document.uri.path);
    const valid = (p: { line: number; character: number } | undefined) =>
        p !== undefined && Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
    for (const d of document.diagnostics ?? []) {
        const code = typeof d.code === 'string' || typeof d.code === 'number' ? String(d.code) : '';
        const id = code || '(no code)';
        const message = typeof d.message === 'string' ? d.message : JSON.stringify(d.message);
        if (!code) failures.push({ property: 'diagnostics', key: `diagnostics: no code (rule id): ${normalizeMessage(message)}`, message: `${file}: ${message}` });
        if (!message.trim()) failures.push({ property: 'diagnostics', key: `diagnostics: empty message (${id})`, message: `${file}: ${JSON.stringify(d.range)}` });
        if (!valid(d.range?.start) || !valid(d.range?.end)) {
            failures.push({ property: 'diagnostics', key: `diagnostics: range outside the document (${id})`, message: `${file}: ${JSON.stringify(d.range)} in a document of ${lines.length} lines: ${message.slice(0, 200)}` });
        } else if (d.range.start.line > d.range.end.line || (d.range.start.line === d.range.end.line && d.range.start.character > d.range.end.character)) {
            failures.push({ property: 'diagnostics', key: `diagnostics: range starts after it ends (${id})`, message: `${file}: ${JSON.stringify(d.range)}: ${message.slice(0, 200)}` });
        }
        for (const [word, pattern] of BAD_WORDS) {
            const m = pattern.exec(message);
            if (m && !pattern.test(sources)) {
                // The class: the rule and the words just before the bad one ("Objective 'undefined'").
                const before = message.slice(Math.max(0, m.index - 30), m.index).split(/(?<=[.:;!?])\s/).pop()!.replace(/\d+/g, 'N').trimStart();
                failures.push({ property: 'diagnostics', key: `diagnostics: '${word}' in a message of ${id} (…${before}${word}…)`, message: `${file}: ${message.slice(0, 400)}` });
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Property 3: the summary.

function checkRenderedText(format: string, text: string, sources: string, failures: Failure[]): void {
    for (const [word, pattern] of BAD_WORDS) {
        if (word === 'null') continue;
        const global = new RegExp(pattern.source, 'g');
        const m = global.exec(text);
        if (!m || pattern.test(sources)) continue;
        const before = text.slice(Math.max(0, m.index - 200), m.index);
        const head = text.slice(0, m.index);
        const section = format === 'HTML' ? /<h2>([^<]*)<\/h2>(?![\s\S]*<h2>)/.exec(head)?.[1] : /^## (.*)$(?![\s\S]*^## )/m.exec(head)?.[1];
        let where: string;
        if (format === 'HTML') {
            const attribute = /([\w-]+)="[^"]*$/.exec(before);
            const tag = /<([\w-]+)[^<]*$/.exec(before);
            where = attribute ? `${tag ? `<${tag[1]}> ` : ''}attribute ${attribute[1]}` : tag ? `<${tag[1]}>` : 'text';
        } else {
            const line = before.slice(before.lastIndexOf('\n') + 1);
            where = `line starting ${JSON.stringify(normalizeMessage(line.trimStart()).split(' ')[0] || '(word)')}`;
        }
        failures.push({ property: 'summary', key: `summary: '${word}' in the ${format} rendering (${section ?? 'header'}: ${where})`, message: JSON.stringify(text.slice(Math.max(0, m.index - 80), m.index + 40)) });
    }
}

function checkSummaryModel(summary: PlanSummary, json: string | undefined, failures: Failure[]): void {
    // One failure per key and document; the message lists the first occurrences.
    const problems = new Map<string, string[]>();
    const fail = (key: string, message: string) => {
        const list = problems.get(key) ?? [];
        list.push(message);
        problems.set(key, list);
    };
    const walk = (value: unknown, at: string, visit: (v: unknown, at: string) => void) => {
        visit(value, at);
        if (Array.isArray(value)) value.forEach(v => walk(v, `${at}[]`, visit));
        else if (value && typeof value === 'object') {
            for (const [k, v] of Object.entries(value)) walk(v, at === 'coverage' || at.startsWith('coverage.') || at.endsWith('actorsByCategory') ? `${at}.*` : `${at ? at + '.' : ''}${k}`, visit);
        }
    };
    // Every number finite (JSON.stringify turns NaN and Infinity into null).
    const nonFinite = new Map<string, number>();
    let unsafe = false;
    walk(summary, '', (v, at) => {
        if (typeof v !== 'number') return;
        if (!Number.isFinite(v)) {
            if (!nonFinite.has(at)) nonFinite.set(at, v);
        } else if (/^(totals|years|objectives)/.test(at) && !/\.year$/.test(at) && Math.abs(v) * 100 > Number.MAX_SAFE_INTEGER) {
            unsafe = true;
        }
    });
    const kindOf = (at: string) => /revenue|affordable/.test(at) ? 'revenue' : /^(totals|years|objectives)/.test(at) ? 'money' : at.startsWith('benchmarks') ? 'benchmark value' : at;
    for (const [at, v] of nonFinite) {
        const nan = [...nonFinite.values()].some(Number.isNaN);
        fail(`non-finite ${kindOf(at)} in the model (${nan ? 'NaN' : 'Infinity'}; null in the JSON rendering)`, `${at} = ${v}`);
    }
    if (json !== undefined) {
        try {
            walk(JSON.parse(json), '', (v, at) => { if (v === null && !nonFinite.has(at)) fail(`null in the JSON rendering at ${at}`, `${at} = null`); });
        } catch (error) {
            fail('the JSON rendering does not parse', String(error));
        }
    }
    // Consistency (LANGUAGE.md section 5, SUMMARY.md), to half a cent. Amounts beyond 2^53 cents
    // cannot be exact to the cent: failures on such documents are a class of their own.
    const beyond = unsafe ? ' (amounts beyond 2^53 cents)' : '';
    const check = (key: string, ok: boolean, message: string) => { if (!ok) fail(key + beyond, message); };
    const near = (a: number, b: number) => Math.abs(a - b) <= MONEY_TOLERANCE;
    const years = summary.years ?? [];
    const finite = (...xs: number[]) => xs.every(Number.isFinite);
    for (const y of years) {
        if (!finite(y.cost, y.capital, y.recurrent)) continue;
        check('a year\'s cost != capital + recurrent', near(y.cost, y.capital + y.recurrent), `${y.year}: cost ${y.cost}, capital ${y.capital}, recurrent ${y.recurrent}`);
        if (finite(y.gap)) check('a year\'s gap is negative', y.gap >= -MONEY_TOLERANCE, `${y.year}: gap ${y.gap}`);
        if (finite(y.gap, y.cost)) check('a year\'s gap exceeds its cost', y.gap <= y.cost + MONEY_TOLERANCE, `${y.year}: gap ${y.gap} > cost ${y.cost}`);
        if (finite(y.gap, y.cost, y.external, y.domestic, y.unallocated)) {
            const allocated = y.external + y.domestic - y.unallocated;
            check('a year\'s gap < cost - allocated funding', y.gap >= y.cost - allocated - MONEY_TOLERANCE, `${y.year}: gap ${y.gap}, cost ${y.cost}, allocated ${allocated}`);
            check('a year\'s unallocated funding exceeds its funding', y.unallocated <= y.external + y.domestic + MONEY_TOLERANCE, `${y.year}: unallocated ${y.unallocated} > ${y.external + y.domestic}`);
        }
    }
    const t = summary.totals;
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    for (const key of ['cost', 'capital', 'recurrent', 'external', 'domestic', 'gap'] as const) {
        const total = t?.[key];
        const s = sum(years.map(y => y[key]));
        if (typeof total === 'number' && finite(total, s)) check('a total != the sum of its years', near(total, s), `totals.${key} ${total}, sum of years ${s}`);
    }
    const objectives = summary.objectives ?? [];
    if (t && finite(t.cost, t.gap, t.external, t.domestic)) {
        const cost = sum(objectives.map(o => o.cost)), gap = sum(objectives.map(o => o.gap));
        if (finite(cost)) check('the objectives\' costs do not add up to totals.cost', near(cost, t.cost), `objectives ${cost}, totals ${t.cost}`);
        if (finite(gap)) check('the objectives\' gaps do not add up to totals.gap', near(gap, t.gap), `objectives ${gap}, totals ${t.gap}`);
        const funded = sum(objectives.map(o => o.funded));
        const funding = t.external + t.domestic;
        const unallocated = sum(years.map(y => y.unallocated));
        if (finite(funded)) check('allocated funding exceeds funding', funded <= funding + MONEY_TOLERANCE, `allocated ${funded} > funding ${funding}`);
        if (finite(funded, unallocated)) check('allocated + unallocated != funding', near(funded + unallocated, funding), `allocated ${funded} + unallocated ${unallocated} != funding ${funding}`);
    }
    for (const o of objectives) {
        if (!finite(o.cost, o.funded, o.gap)) continue;
        const surplus = (o as { surplus?: number }).surplus;
        check('an objective\'s gap is negative', o.gap >= -MONEY_TOLERANCE, `${o.name}: gap ${o.gap}`);
        check('an objective\'s funding is negative', o.funded >= -MONEY_TOLERANCE, `${o.name}: funded ${o.funded}`);
        check('an objective\'s gap < cost - funded', o.gap >= o.cost - o.funded - MONEY_TOLERANCE, `${o.name}: cost ${o.cost}, funded ${o.funded}, gap ${o.gap}`);
        check('an objective\'s gap exceeds its cost', o.gap <= o.cost + MONEY_TOLERANCE, `${o.name}: cost ${o.cost}, gap ${o.gap}`);
        if (typeof surplus === 'number' && Number.isFinite(surplus)) check('an objective\'s cost != funded + gap - surplus', near(o.cost, o.funded + o.gap - surplus), `${o.name}: ${o.cost} != ${o.funded} + ${o.gap} - ${surplus}`);
    }
    const period = summary.strategy?.period;
    if (period && Number.isFinite(period.startYear) && Number.isFinite(period.endYear) && period.endYear >= period.startYear) {
        const expected = period.endYear - period.startYear + 1;
        const consecutive = years.every((y, i) => y.year === period.startYear + i);
        if (years.length !== expected || !consecutive) fail('the years do not match the period', `period ${period.startYear}-${period.endYear}, ${years.length} years from ${years[0]?.year}`);
    }
    for (const [key, messages] of problems) {
        failures.push({ property: 'summary', key: `summary: ${key}`, message: messages.slice(0, 4).join('; ') + (messages.length > 4 ? `; … (${messages.length})` : '') });
    }
}
