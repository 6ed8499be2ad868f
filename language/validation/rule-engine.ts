/**
 * The flow from a parsed and linked document to diagnostics: every registered rule runs over the
 * document's models, then `.ssrrc.json` severities apply, then suppression comments, then the
 * rules that judge the suppressions (`suppression/unused`). It replaces Langium's built-in checks
 * so that parse and link errors are rules too (`syntax/error`, `reference/*`) with their ids, links
 * and plain-words messages, and it is built on Langium's validator types: a finding's location is
 * a `DiagnosticInfo`, its range comes from Langium's `getDiagnosticRange`, and the check yields to
 * cancellation between rules so that typing never waits on a stale check.
 */
import {
    Cancellation, DefaultDocumentValidator, DocumentCache, getDiagnosticRange, interruptAndCheck,
    type LangiumDocument, type ValidationOptions,
} from 'langium';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { Severity } from '../base/severity.js';
import { docsUrl } from '../base/rule-ids.js';
import type { ResolvedConfig } from '../config/config.js';
import type { SsrModelServices } from '../model/services.js';
import type { SsrRulesAddedServices } from '../rules/registry.js';
import type { Finding, FindingInput, Rule, RuleContext, SuppressionOutcome } from '../rules/rule.js';
import { findSuppressions, suppressionIndex, type Suppression } from '../parsing/suppression.js';
import type { SsrDiagnosticData } from './findings.js';
import { findingPath, identities } from './identity.js';

/** What the validation layer adds to the services. */
export interface SsrValidationAddedServices {
    validation: {
        DocumentValidator: SsrDocumentValidator;
    };
}
export type SsrValidationServices = SsrModelServices & SsrRulesAddedServices & SsrValidationAddedServices;

export class SsrDocumentValidator extends DefaultDocumentValidator {
    protected readonly ssrServices: SsrModelServices & SsrRulesAddedServices;
    /** How many findings suppression comments hid in each document's last check (the summary counts them). */
    protected readonly suppressed: DocumentCache<string, number>;
    protected readonly ranges = new WeakMap<Finding, Range>();

    constructor(services: SsrModelServices & SsrRulesAddedServices) {
        super(services);
        this.ssrServices = services;
        this.suppressed = new DocumentCache(services.shared);
    }

    override async validateDocument(document: LangiumDocument, _options: ValidationOptions = {}, cancelToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        const findings = await this.check(document, cancelToken);
        const paths = findings.map(finding => findingPath(finding, document));
        const ids = identities(findings.map((finding, i) => ({ ruleId: finding.ruleId, path: paths[i], key: finding.key })));
        return findings.map((finding, i) => this.findingToDiagnostic(finding, { path: paths[i], identity: ids[i] }));
    }

    /** Every finding for a document, after configuration and suppression, in document order. */
    async check(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<Finding[]> {
        const services = this.ssrServices;
        const config = services.config.ConfigProvider.getConfig(document.uri);
        const models = services.model;
        const isLibrary = models.StrategyModel.get(document).isLibrary;
        const findings: Finding[] = [];
        const run = (rule: Rule, suppressions?: SuppressionOutcome) => {
            const severity = effectiveSeverity(rule, config);
            if (severity === 'off' || (isLibrary && !rule.appliesToLibraries)) return;
            const context: RuleContext = {
                document, services, config, suppressions, vocabulary: config.vocabulary,
                get model() { return models.StrategyModel.get(document); },
                get time() { return models.TimeModel.get(document); },
                get fiscal() { return models.FiscalModel.get(document, config); },
                get relations() { return models.Relations.get(document); },
                report: (input: FindingInput) => findings.push({ ...input, ruleId: rule.id, severity: input.severity && input.severity !== rule.severity ? adjust(input.severity, rule, severity) : severity }),
            };
            try {
                rule.check(context);
            } catch (error) {
                // A rule must never take the checker down: the author is mid-edit and the AST may be partial.
                console.error(`Rule ${rule.id} failed on ${document.uri.toString()}:`, error);
            }
        };
        const rules = services.rules.RuleRegistry.all;
        for (const rule of rules) {
            if (rule.afterSuppression) continue;
            await interruptAndCheck(cancelToken);
            run(rule);
        }
        const outcome = this.applySuppressions(document, findings);
        const kept = findings.filter(finding => !outcome.hidden.has(finding));
        findings.length = 0;
        for (const finding of kept) findings.push(finding); // not push(...kept): a check may have 100,000s of findings
        for (const rule of rules) {
            if (rule.afterSuppression) run(rule, outcome);
        }
        return findings
            .map(finding => ({ finding, range: this.rangeOf(finding) }))
            .sort((a, b) => compareRanges(a.range, b.range) || a.finding.ruleId.localeCompare(b.finding.ruleId))
            .map(({ finding }) => finding);
    }

    /** Which findings the document's suppression comments hide, and which comments hid something. */
    protected applySuppressions(document: LangiumDocument, findings: readonly Finding[]): SuppressionOutcome & { hidden: ReadonlySet<Finding> } {
        const all = findSuppressions(document, this.ssrServices.parser.Lexer);
        const used = new Set<Suppression>();
        const hidden = new Set<Finding>();
        if (all.length > 0) {
            const suppressor = suppressionIndex(all);
            for (const finding of findings) {
                const by = suppressor(finding.ruleId, this.rangeOf(finding).start.line);
                if (by) {
                    used.add(by);
                    hidden.add(finding);
                }
            }
        }
        this.suppressed.set(document.uri, 'count', hidden.size);
        return { all, used, hidden, knownRuleIds: this.ssrServices.rules.RuleRegistry.ids };
    }

    /** How many findings suppression comments hid in the document's last check. */
    suppressedCount(document: LangiumDocument): number {
        return this.suppressed.get(document.uri, 'count') ?? 0;
    }

    /** A finding's range, worked out once (Langium walks the node's text for a property's range). */
    rangeOf(finding: Finding): Range {
        let range = this.ranges.get(finding);
        if (!range) this.ranges.set(finding, range = finding.range ?? getDiagnosticRange(finding));
        return range;
    }

    /** A finding as an LSP diagnostic, through Langium's own conversion; `identity` from identity.ts. */
    findingToDiagnostic(finding: Finding, identity: { path: string; identity: string }): Diagnostic {
        const data: SsrDiagnosticData = {
            ruleId: finding.ruleId, fix: finding.fix, key: finding.key, ...(finding.related ? { related: finding.related } : {}),
            path: identity.path, identity: identity.identity,
        };
        return this.toDiagnostic(finding.severity, finding.message, {
            node: finding.node, property: finding.property, index: finding.index, keyword: finding.keyword, range: this.rangeOf(finding),
            code: finding.ruleId, codeDescription: { href: docsUrl(finding.ruleId) }, data,
        });
    }
}

/** The severity a rule runs at under a config: the configured one, else its default. */
function effectiveSeverity(rule: Rule, config: ResolvedConfig): Severity | 'off' {
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
