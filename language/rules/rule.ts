/**
 * A rule is data plus a function: its id, default severity, one-line description and check.
 * The registry (registry.ts) lists every rule; the engine (validation/rule-engine.ts) runs them.
 * A finding says where it points with Langium's `DiagnosticInfo` (node, property, index, keyword
 * or range), so the engine turns it into a diagnostic exactly as Langium's own validator would.
 */
import type { AstNode, DiagnosticInfo, LangiumDocument } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { Severity } from '../base/severity.js';
import type { ResolvedConfig } from '../config/config.js';
import type { Vocabulary } from '../base/taxonomy.js';
import type { FiscalModel } from '../model/fiscal-model.js';
import type { Relations } from '../model/relations.js';
import type { SsrModelServices } from '../model/services.js';
import type { StrategyModel } from '../model/strategy-model.js';
import type { TimeModel } from '../model/time-model.js';
import type { Suppression } from '../parsing/suppression.js';

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

/**
 * A record a finding rests on, such as each instrument restriction a funding line meets: hover
 * lists them and SARIF carries them in the result's `properties`.
 */
export interface FindingReason {
    /** The record's id, e.g. `eu/ndici-lethal`. */
    readonly id: string;
    /** Its reason, in one clause. */
    readonly message: string;
    readonly severity: Severity;
    /** Where it comes from (a law, a regulation), when known. */
    readonly source?: string;
    /** The configuration file (URI) that defined it; undefined for a built-in record. */
    readonly definedIn?: string;
}

/** Where a finding points: Langium's diagnostic location (a node, and a property, keyword or range in it). */
type FindingLocation = Pick<DiagnosticInfo<AstNode, string>, 'node' | 'property' | 'index' | 'keyword' | 'range'>;

export interface FindingInput extends FindingLocation {
    message: string;
    /** Only for rules that report some findings at another severity than their default. */
    severity?: Severity;
    fix?: FixData;
    /**
     * What distinguishes this finding from others of the same rule on the same declaration (the
     * missing sector, the year, the restriction…): tests and finding identities use it instead
     * of reading the message back.
     */
    key?: string;
    /** The records the finding rests on (the restrictions met), for hover and SARIF. */
    related?: readonly FindingReason[];
}

export interface Finding extends FindingInput {
    /** Set by the engine from the rule being run. */
    ruleId: string;
    severity: Severity;
}

/** The suppression comments of a document, and which of them suppressed a finding. */
export interface SuppressionOutcome {
    readonly all: readonly Suppression[];
    readonly used: ReadonlySet<Suppression>;
    /** The rule ids a suppression may name. */
    readonly knownRuleIds: readonly string[];
}

export interface RuleContext {
    readonly document: LangiumDocument;
    readonly services: SsrModelServices;
    readonly config: ResolvedConfig;
    /** The terms valid here (built-in and configured): categories, capability and perception flags. */
    readonly vocabulary: Vocabulary;
    /** The models of the document, computed once per build and shared by every rule. */
    readonly model: StrategyModel;
    readonly time: TimeModel;
    readonly fiscal: FiscalModel;
    readonly relations: Relations;
    /** Given to rules that run after suppressions were applied (`afterSuppression`). */
    readonly suppressions?: SuppressionOutcome;
    readonly report: (finding: FindingInput) => void;
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
    /** Runs once every other rule's findings have met the suppression comments (suppression/unused). */
    readonly afterSuppression?: boolean;
}
