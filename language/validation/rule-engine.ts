/**
 * The flow from a parsed and linked document to diagnostics: every registered rule runs over the
 * strategy model, then `.ssrrc.json` severities apply, then suppressions, then
 * `suppression/unused`. It replaces Langium's built-in checks, so that parse and link errors are
 * rules too (`syntax/error`, `reference/*`) with their ids, links and plain-words messages.
 */
import {
    Cancellation, DefaultDocumentValidator, GrammarUtils,
    type LangiumDocument, type ValidationOptions,
} from 'langium';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { SsrServices } from '../ssr-module.js';
import * as ast from '../generated/ast.js';
import { buildStrategyModel } from '../model/strategy-model.js';
import { importedDocuments } from '../imports.js';
import { docsUrl, type Finding, type FindingInput, type Rule, type RuleContext, type Severity } from '../rules/rule.js';
import type { ResolvedConfig } from '../config.js';
import { findSuppressions, type Suppression } from './suppression.js';
import { closest, didYouMean } from '../util/strings.js';

export const UNUSED_SUPPRESSION = 'suppression/unused';

/** What a diagnostic carries for quick fixes and hovers. */
export interface SsrDiagnosticData {
    ruleId: string;
    fix?: Finding['fix'];
    key?: string;
}

const SEVERITY_TO_LSP: Record<Severity, 1 | 2 | 3 | 4> = { error: 1, warning: 2, info: 3, hint: 4 };
const LSP_TO_SEVERITY: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
export const severityOf = (diagnostic: Diagnostic): Severity => LSP_TO_SEVERITY[diagnostic.severity ?? 1] ?? 'error';

export class SsrDocumentValidator extends DefaultDocumentValidator {
    /** How many findings suppression comments hid in each document's last check (the summary counts them). */
    private readonly suppressed = new WeakMap<LangiumDocument, number>();

    constructor(protected readonly ssrServices: SsrServices) {
        super(ssrServices);
    }

    override async validateDocument(document: LangiumDocument, _options: ValidationOptions = {}, cancelToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        if (cancelToken.isCancellationRequested) return [];
        return this.check(document).map(finding => this.findingToDiagnostic(finding));
    }

    /** Every finding for a document, after configuration and suppression, in document order. */
    check(document: LangiumDocument): Finding[] {
        const services = this.ssrServices;
        const config = services.config.ConfigProvider.getConfig(document.uri);
        const model = buildStrategyModel(document as LangiumDocument<ast.Document>, importedDocuments(document, services.shared.workspace.LangiumDocuments));
        const findings: Finding[] = [];
        for (const rule of services.rules.RuleRegistry.all) {
            const severity = effectiveSeverity(rule, config);
            if (severity === 'off') continue;
            if (model.isLibrary && !rule.appliesToLibraries) continue;
            const context: RuleContext = {
                document, model, config, services,
                report: (input: FindingInput) => findings.push({ ...input, ruleId: rule.id, severity: input.severity && input.severity !== rule.severity ? adjust(input.severity, rule, severity) : severity }),
            };
            try {
                rule.check(context);
            } catch (error) {
                // A rule must never take the checker down: the author is mid-edit and the AST may be partial.
                console.error(`Rule ${rule.id} failed on ${document.uri.toString()}:`, error);
            }
        }
        const result = this.applySuppressions(document, findings, config);
        return result.sort((a, b) => compareRanges(this.rangeOf(a), this.rangeOf(b)) || a.ruleId.localeCompare(b.ruleId));
    }

    protected applySuppressions(document: LangiumDocument, findings: Finding[], config: ResolvedConfig): Finding[] {
        const suppressions = findSuppressions(document, this.ssrServices.parser.Lexer);
        this.suppressed.set(document, 0);
        if (suppressions.length === 0) return findings;
        const used = new Set<Suppression>();
        const kept = findings.filter(finding => {
            const line = this.rangeOf(finding).start.line;
            const by = suppressions.find(s => s.reason && s.covers && line >= s.covers.startLine && line <= s.covers.endLine && s.ruleIds.includes(finding.ruleId));
            if (by) used.add(by);
            return !by;
        });
        this.suppressed.set(document, findings.length - kept.length);
        const unusedRule = this.ssrServices.rules.RuleRegistry.get(UNUSED_SUPPRESSION);
        const severity = unusedRule ? effectiveSeverity(unusedRule, config) : 'off';
        if (severity === 'off') return kept;
        const known = this.ssrServices.rules.RuleRegistry.ids;
        for (const suppression of suppressions) {
            if (used.has(suppression)) continue;
            let message: string;
            if (!suppression.reason) {
                message = `This ${'ssr-ignore-next-line'} comment gives no reason, so it suppresses nothing. Add '-- <why this finding does not apply here>' after the rule id: reviewers need the reason.`;
            } else if (suppression.ruleIds.length === 0) {
                message = `This ${'ssr-ignore-next-line'} comment names no rule, so it suppresses nothing. Write the rule id(s) before '--', or remove the comment.`;
            } else {
                const unknown = suppression.ruleIds.filter(id => !known.includes(id));
                message = unknown.length > 0
                    ? `Unknown rule id '${unknown[0]}' in ${'ssr-ignore-next-line'}.${didYouMean(closest(unknown[0], known))} The comment suppresses nothing.`
                    : `This ${'ssr-ignore-next-line'} comment suppresses nothing: no ${suppression.ruleIds.join(', ')} finding lies on the line or declaration after it. Remove it so that it does not hide a future finding.`;
            }
            kept.push({ ruleId: UNUSED_SUPPRESSION, severity, message, range: suppression.range, fix: { removeLine: suppression.range.start.line } });
        }
        return kept;
    }

    suppressedCount(document: LangiumDocument): number {
        return this.suppressed.get(document) ?? 0;
    }

    rangeOf(finding: Finding): Range {
        if (finding.range) return finding.range;
        const node = finding.node;
        if (!node?.$cstNode) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        let cst = undefined;
        if (finding.property) cst = GrammarUtils.findNodeForProperty(node.$cstNode, finding.property, finding.index);
        else if (finding.keyword) cst = GrammarUtils.findNodeForKeyword(node.$cstNode, finding.keyword, finding.index);
        return (cst ?? node.$cstNode).range;
    }

    findingToDiagnostic(finding: Finding): Diagnostic {
        const data: SsrDiagnosticData = { ruleId: finding.ruleId, fix: finding.fix, key: finding.key };
        return {
            range: this.rangeOf(finding),
            severity: SEVERITY_TO_LSP[finding.severity],
            code: finding.ruleId,
            codeDescription: { href: docsUrl(finding.ruleId) },
            source: 'ssr',
            message: finding.message,
            data,
        };
    }
}

/** The severity a rule runs at under a config: the configured one, else its default. */
export function effectiveSeverity(rule: Rule, config: ResolvedConfig): Severity | 'off' {
    return config.severities.get(rule.id) ?? rule.severity;
}

/**
 * A rule that reports some findings at a severity other than its default (fiscal/instrument-restriction)
 * keeps that difference unless configuration fixed the rule's severity.
 */
function adjust(requested: Severity, rule: Rule, configured: Severity): Severity {
    return configured === rule.severity ? requested : configured;
}

function compareRanges(a: Range, b: Range): number {
    return a.start.line - b.start.line || a.start.character - b.start.character;
}
