/**
 * A rule is data plus a function: its id, default severity, one-line description and check.
 * The registry (registry.ts) lists every rule; the engine (validation/rule-engine.ts) runs them.
 */
import type { AstNode, LangiumDocument } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { SsrServices } from '../ssr-module.js';
import type { StrategyModel } from '../model/strategy-model.js';
import type { ResolvedConfig } from '../config.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type ConfiguredSeverity = Severity | 'off';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export type RuleFamily = 'syntax' | 'reference' | 'taxonomy' | 'structure' | 'suppression'
    | 'coverage' | 'sequencing' | 'fiscal' | 'monitoring' | 'ownership';

/** Families of the "Language rules (always on)" table. */
export const LANGUAGE_FAMILIES: ReadonlySet<string> = new Set(['syntax', 'reference', 'taxonomy', 'structure', 'suppression']);

/** What a quick fix needs to know about a finding; carried in the diagnostic's `data`. */
export interface FixData {
    /** Replace the finding's range with one of these texts. */
    replacements?: string[];
    /** Insert this line inside the declaration, before its closing brace. */
    insertField?: string;
    /**
     * Ready-made edits, each offered as one quick fix titled `title` (e.g. insert a paired
     * objective after this one, make a national partner the lead). Ranges are 0-based LSP ranges
     * in the finding's document; the text must parse once inserted.
     */
    edits?: { title: string; range: Range; newText: string; preferred?: boolean }[];
    /** Free-form data for rule-specific fixes. */
    [key: string]: unknown;
}

export interface Finding {
    /** Set by the context from the rule being run. */
    ruleId: string;
    severity: Severity;
    message: string;
    /** The node the finding is about; its range is `range` if given, else the property / keyword / node. */
    node?: AstNode;
    property?: string;
    index?: number;
    keyword?: string;
    range?: Range;
    fix?: FixData;
    /**
     * What distinguishes this finding from others of the same rule on the same declaration (the
     * missing sector, the year, the restriction…): tests and finding identities use it instead
     * of reading the message back.
     */
    key?: string;
}

export type FindingInput = Omit<Finding, 'ruleId' | 'severity'> & { severity?: Severity };

export interface RuleContext {
    readonly document: LangiumDocument;
    readonly model: StrategyModel;
    readonly config: ResolvedConfig;
    readonly services: SsrServices;
    report(finding: FindingInput): void;
}

export interface Rule {
    /** `family/name` */
    readonly id: string;
    readonly severity: Severity;
    /** One line, for `ssr rules`, SARIF and hovers. */
    readonly description: string;
    /** Checks the document; findings go through `context.report`. */
    check(context: RuleContext): void;
    /** Rules that apply to library files as well as strategies (the language rules). */
    readonly appliesToLibraries?: boolean;
}

export const familyOf = (id: string): string => id.split('/')[0];
export const nameOf = (id: string): string => id.split('/').slice(1).join('/');

/** Where rule pages are published; a rule's page is `<base><family>/<name>.md`. */
export const DOCS_BASE_URL = 'https://github.com/ssr-tools/ssr-strategy/blob/main/docs/rules/';
export const docsUrl = (id: string): string => `${DOCS_BASE_URL}${familyOf(id)}/${nameOf(id)}.md`;
