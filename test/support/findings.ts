/**
 * Rule tests locate findings by range markers in the test document, never by line numbers, and
 * tell findings apart by their `key`, never by reading the message back.
 *
 * Marker syntax (the markers are removed before parsing):
 *
 *     objective ‹P› "P" { … }          marks `P`; the mark's label is its text, 'P'
 *     instrument ‹esf:economic-support›  marks `economic-support` under the label 'esf'
 *     }‹after-P:›                       an empty mark: a position (label required)
 *
 * A label is letters, digits, `-`, `_` or `.` followed by `:`; marks may nest; each label is used
 * once per document. To mark text that itself starts with `word:`, give the mark a label.
 *
 *     const { expectFindings, expectNoFindings, check } = findingsHelper(services);
 *     await expectFindings(text, 'sequencing/police-justice', ['P']);
 *     await expectFindings(text, 'coverage/subsectors', [{ at: 'title', key: 'defence', severity: 'warning' }]);
 *     await expectNoFindings(text, 'sequencing/police-justice');
 *
 * `expectFindings` asserts that the rule's findings are exactly the expected ones (as a multiset):
 * each at the range of its mark (start and end), with the expected `key` (an expectation without
 * one expects a finding without a key), and with the expected severity where an expectation or
 * `options.severity` gives one. It returns the rule's findings in document order,
 * each with the label of the mark it points at, its fix data and its diagnostic.
 *
 * Neither assertion can pass vacuously: the rule must be registered and not switched off, and the
 * document must have no language-rule finding (syntax, reference, taxonomy, structure,
 * suppression) other than those of the rule under test and those listed in `options.allow` — a
 * typo in a test document fails the test instead of silencing the rule. Every expected label must
 * be marked in the text.
 *
 * `check` parses a marked document and returns every finding with its mark, without asserting;
 * `mark` only strips markers (for texts handed to other tools); `quickFixes` and `applyEdits` run
 * a finding's quick fixes.
 */
import { strict as assert } from 'node:assert';
import type { LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Document } from '../../language/generated/ast.js';
import type { SsrServices } from '../../language/ssr-module.js';
import { toFinding, type FileFinding } from '../../language/validation/findings.js';
import { LANGUAGE_FAMILIES, familyOf } from '../../language/base/rule-ids.js';
import type { Severity } from '../../language/base/severity.js';
import type { FixData } from '../../language/rules/rule.js';
import { HEADER, parser } from '../helpers.js';

const OPEN = '‹';
const CLOSE = '›';

/** `HEADER` with its title marked 'title': where the findings "at the strategy title" point. */
export const MARKED_HEADER = HEADER.replace('strategy "Test"', `strategy ${OPEN}title:"Test"${CLOSE}`);

export interface Marked {
    /** The text without markers: what is parsed. */
    readonly text: string;
    /** The marked ranges by label, in the order their markers open. */
    readonly marks: ReadonlyMap<string, Range>;
}

/** Strips the markers from `source` and returns the text and the marked ranges. */
export function mark(source: string): Marked {
    let text = '';
    const open: { label?: string; offset: number }[] = [];
    const found: { label: string; start: number; end: number; depth: number }[] = [];
    for (let i = 0; i < source.length; i++) {
        const c = source[i];
        if (c === OPEN) {
            const label = /^([\w.-]+):/.exec(source.slice(i + 1));
            open.push({ label: label?.[1], offset: text.length });
            if (label) i += label[0].length;
        } else if (c === CLOSE) {
            const start = open.pop();
            if (!start) throw new Error(`unbalanced ${CLOSE} at offset ${i} of the test document`);
            const label = start.label ?? text.slice(start.offset);
            if (label === '') throw new Error(`an empty mark needs a label (${OPEN}label:${CLOSE}) at offset ${i}`);
            found.push({ label, start: start.offset, end: text.length, depth: open.length });
        } else {
            text += c;
        }
    }
    if (open.length > 0) throw new Error(`unclosed ${OPEN} in the test document`);
    const marks = new Map<string, Range>();
    for (const m of found.sort((a, b) => a.start - b.start || a.depth - b.depth)) {
        if (marks.has(m.label)) throw new Error(`the label '${m.label}' marks two ranges of the test document`);
        marks.set(m.label, { start: positionAt(text, m.start), end: positionAt(text, m.end) });
    }
    return { text, marks };
}

function positionAt(text: string, offset: number): Position {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

/** A finding of a checked document: its rule, severity, message, range and key, and more. */
export interface Found extends FileFinding {
    /** The label of the mark whose range the finding has, if any. */
    readonly at?: string;
    readonly fix?: FixData;
    readonly diagnostic: Diagnostic;
}

export interface Checked extends Marked {
    readonly document: LangiumDocument<Document>;
    /** Every finding, in document order. */
    readonly findings: readonly Found[];
    /** The findings of one rule, in document order. */
    readonly of: (ruleId: string) => Found[];
}

export type Expected = string | { readonly at: string; readonly key?: string; readonly severity?: Severity };

export interface CheckOptions {
    /** The document URI (for imports); a fresh `file:///test/docN.ssr` by default. */
    readonly uri?: string;
}

export interface ExpectOptions extends CheckOptions {
    /** Language-rule ids the document may have findings of (e.g. `reference/unresolved`). */
    readonly allow?: readonly string[];
    /** The severity every expected finding has, unless the expectation gives its own. */
    readonly severity?: Severity;
}

const sameRange = (a: Range, b: Range) =>
    a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
const showRange = (r: Range) => `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;

export function findingsHelper(services: SsrServices) {
    const parse = parser(services);

    /** Parses and checks a marked document; no assertion. */
    async function check(source: string, options: CheckOptions = {}): Promise<Checked> {
        const { text, marks } = mark(source);
        const document = await parse(text, options.uri);
        const labelOf = (range: Range) => [...marks].find(([, r]) => sameRange(r, range))?.[0];
        const findings: Found[] = (document.diagnostics ?? []).map(diagnostic => {
            const finding = toFinding(diagnostic);
            const at = labelOf(finding.range);
            const fix = (diagnostic.data as { fix?: FixData } | undefined)?.fix;
            return { ...finding, ...(at !== undefined ? { at } : {}), ...(fix ? { fix } : {}), diagnostic };
        });
        return { text, marks, document, findings, of: ruleId => findings.filter(f => f.ruleId === ruleId) };
    }

    /** Asserts that `ruleId` reports exactly `expected` on the marked document; returns its findings. */
    async function expectFindings(source: string, ruleId: string, expected: readonly Expected[], options: ExpectOptions = {}): Promise<Found[]> {
        const rule = services.rules.RuleRegistry.get(ruleId);
        assert.ok(rule, `${ruleId} is not a registered rule`);
        const checked = await check(source, options);
        const { document, marks, text } = checked;
        const configured = services.config.ConfigProvider.getConfig(document.uri).severities.get(ruleId);
        assert.notEqual(configured ?? rule.severity, 'off', `${ruleId} is switched off for the test document`);
        const allowed = new Set([ruleId, ...(options.allow ?? [])]);
        const stray = checked.findings.filter(f => LANGUAGE_FAMILIES.has(familyOf(f.ruleId)) && !allowed.has(f.ruleId));
        assert.deepEqual(stray.map(f => `${f.ruleId} at ${showRange(f.range)}: ${f.message}`), [], `the test document must be free of language findings:\n${text}`);

        const wanted: Exclude<Expected, string>[] = expected.map(e => typeof e === 'string' ? { at: e } : e);
        for (const e of wanted) assert.ok(marks.has(e.at), `no mark '${e.at}' in the test document (marks: ${[...marks.keys()].join(', ')})`);
        // Labels with the same range are one place: describe both sides by the first such label.
        const canonical = (label: string) => [...marks].find(([, r]) => sameRange(r, marks.get(label)!))![0];
        const withSeverity = options.severity !== undefined || wanted.some(e => e.severity !== undefined);
        const show = (at: string, key: string | undefined, severity: string | undefined) =>
            `${at}${key !== undefined ? ` #${key}` : ''}${withSeverity ? ` @${severity}` : ''}`;
        const found = checked.of(ruleId);
        const actual = found.map(f => show(
            f.at !== undefined ? canonical(f.at) : `unmarked ${showRange(f.range)} ${JSON.stringify(textOf(text, f.range))}`,
            f.key, f.severity)).sort();
        const expectedShown = wanted.map(e => show(canonical(e.at), e.key, e.severity ?? options.severity)).sort();
        assert.deepEqual(actual, expectedShown, `${ruleId} findings (messages: ${JSON.stringify(found.map(f => f.message))})`);
        return found;
    }

    /** Asserts that `ruleId`, registered and on, reports nothing on a document free of language findings. */
    async function expectNoFindings(source: string, ruleId: string, options: ExpectOptions = {}): Promise<void> {
        await expectFindings(source, ruleId, [], options);
    }

    return { check, expectFindings, expectNoFindings };
}

function textOf(text: string, range: Range): string {
    const offset = (p: Position) => text.split('\n').slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    return text.slice(offset(range.start), offset(range.end));
}

/** The code actions the editor offers for one diagnostic of a document. */
export async function quickFixes(services: SsrServices, document: LangiumDocument, diagnostic: Diagnostic): Promise<CodeAction[]> {
    const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, { textDocument: { uri: document.textDocument.uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    return (actions ?? []) as CodeAction[];
}

/** `text` with the edits (of a quick fix) applied. */
export const applyEdits = (text: string, edits: TextEdit[]): string =>
    TextDocument.applyEdits(TextDocument.create('file:///x.ssr', 'ssr', 1, text), edits);

/** A parsed document's text as the formatter leaves it (4 spaces). */
export async function formattedText(services: SsrServices, document: LangiumDocument): Promise<string> {
    const edits = await services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.textDocument.uri }, options: { tabSize: 4, insertSpaces: true } });
    return applyEdits(document.textDocument.getText(), edits);
}
