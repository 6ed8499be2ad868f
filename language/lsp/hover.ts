/**
 * Hover: on a declaration or a reference to it, its kind, title, doc comment and key facts; on a
 * taxonomy term, its definition; on a finding, its rule's explanation and page; on a cost or
 * funding line, its amount per year (from the fiscal model).
 */
import { AstUtils, CstUtils, GrammarAST, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { DocumentationProvider } from 'langium';
import type { Hover, HoverParams } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import type { Vocabulary } from '../base/taxonomy.js';
import { termField } from '../base/term-fields.js';
import { declarationKind, isNamedDeclaration, titleOf } from '../base/declarations.js';
import { formatMoney } from '../base/format.js';
import { docsUrl } from '../base/rule-ids.js';
import { yearlyCents } from '../model/fiscal-model.js';
import { amountValue, formatMonth } from '../base/values.js';
import type { SsrDiagnosticData } from '../validation/findings.js';
import type { FindingReason } from '../rules/rule.js';
import { definedInText, termDocumentation, termFacts } from './terms.js';
import type { SsrLspServices } from './services.js';
import { keywordDocAt } from './keyword-docs.js';

export class SsrHoverProvider extends AstNodeHoverProvider {
    protected readonly documentationProvider: DocumentationProvider;

    constructor(protected readonly services: SsrLspServices) {
        super(services);
        this.documentationProvider = services.documentation.DocumentationProvider;
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const parts: string[] = [];
        const root = document.parseResult.value.$cstNode;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = root ? CstUtils.findLeafNodeAtOffset(root, offset) : undefined;
        const term = leaf && (this.termAt(leaf) ?? keywordDocAt(leaf));
        if (term) parts.push(term);
        else {
            const base = await super.getHoverContent(document, params);
            if (base && typeof base.contents === 'object' && 'value' in base.contents) parts.push(base.contents.value);
        }
        if (leaf) {
            const line = this.lineHover(document, leaf.astNode);
            if (line) parts.push(line);
        }
        for (const diagnostic of document.diagnostics ?? []) {
            const r = diagnostic.range;
            const inside = (r.start.line < params.position.line || (r.start.line === params.position.line && r.start.character <= params.position.character))
                && (r.end.line > params.position.line || (r.end.line === params.position.line && r.end.character >= params.position.character));
            const data = diagnostic.data as SsrDiagnosticData | undefined;
            if (!inside || !data?.ruleId) continue;
            const rule = this.services.rules.RuleRegistry.get(data.ruleId);
            if (rule) parts.push(`**${rule.id}** (${rule.severity}): ${rule.description} [Rule page](${docsUrl(rule.id)})${this.reasonsHover(document, data.related)}`);
        }
        if (parts.length === 0) return undefined;
        return { contents: { kind: 'markdown', value: [...new Set(parts)].join('\n\n---\n\n') } };
    }

    /** The records a finding rests on (the restrictions met), each with its id, severity, reason, source and file. */
    protected reasonsHover(document: LangiumDocument, related: readonly FindingReason[] | undefined): string {
        if (!related || related.length === 0) return '';
        return '\n\n' + related.map(r => {
            const where = r.definedIn ? definedInText(document.uri, { id: r.id, definition: '', definedIn: r.definedIn }) : 'built-in';
            return `- \`${r.id}\` (${r.severity}): ${r.message}${r.source ? ` — *${r.source}*` : ''} (${where})`;
        }).join('\n');
    }

    /** The term hover for a leaf inside a `Term` (its CST ancestors up to the assignment). */
    protected termAt(leaf: CstNode): string | undefined {
        for (let cst: CstNode | undefined = leaf; cst && cst.astNode === leaf.astNode; cst = cst.container) {
            const hover = this.termHover(leaf.astNode, cst.grammarSource, leaf.text);
            if (hover) return hover;
        }
        return undefined;
    }

    protected termHover(node: AstNode, source: unknown, text: string): string | undefined {
        if (!GrammarAST.isRuleCall(source)) return undefined;
        const assignment = AstUtils.getContainerOfType(source, GrammarAST.isAssignment);
        if (!assignment) return undefined;
        const field = termField(node.$type, assignment.feature);
        if (!field) return undefined;
        const vocabulary = this.vocabularyOf(node);
        const info = vocabulary.find(field.taxonomy, text);
        const label = vocabulary.label(field.taxonomy);
        if (!info) return `\`${text}\` is not a known ${label}.`;
        const facts = termFacts(info);
        return `**${info.id}** — ${label}${facts ? ` (${facts})` : ''}\n\n${termDocumentation(AstUtils.getDocument(node).uri, info)}`;
    }

    /** The terms valid in the node's document under its configuration. */
    protected vocabularyOf(node: AstNode): Vocabulary {
        return this.services.config.ConfigProvider.getConfig(AstUtils.getDocument(node).uri).vocabulary;
    }

    /** Per-year amounts of a cost or funding line. */
    protected lineHover(document: LangiumDocument, node: AstNode): string | undefined {
        const line = AstUtils.getContainerOfType(node, (n): n is ast.Cost | ast.Funding => ast.isCost(n) || ast.isFunding(n));
        if (!line || !ast.isDocument(document.parseResult.value)) return undefined;
        const models = this.services.model;
        const years = models.TimeModel.get(document).years;
        const currency = models.StrategyModel.get(document).strategy?.currency;
        let amounts: [number, number][];
        if (ast.isFunding(line)) {
            const figures = models.FiscalModel.get(document).lines.get(line);
            if (!figures) return undefined;
            amounts = [...figures.years];
        } else {
            const recurrent = line.kind === 'recurrent';
            amounts = [...yearlyCents(amountValue(line.amount), line.range, line.perYear || recurrent, years, recurrent)].map(([y, c]) => [y, c / 100]);
        }
        if (amounts.length === 0) return undefined;
        return `| year | amount |\n|---:|---:|\n${amounts.map(([y, a]) => `| ${y} | ${formatMoney(a, currency)} |`).join('\n')}`;
    }

    protected override getAstNodeHoverContent(node: AstNode): string | undefined {
        if (!ast.isDeclaration(node)) return undefined;
        const title = ast.isFiscal(node) ? undefined : titleOf(node);
        const name = isNamedDeclaration(node) ? node.name : undefined;
        const lines: string[] = [`**${declarationKind(node).label}** \`${name ?? ''}\`${title ? ` — ${title}` : ''}`];
        const doc = this.documentationProvider.getDocumentation(node);
        if (doc) lines.push(doc);
        const facts = this.facts(node);
        if (facts.length > 0) lines.push(facts.map(f => `- ${f}`).join('\n'));
        return lines.join('\n\n');
    }

    protected facts(node: AstNode): string[] {
        if (ast.isActor(node)) {
            return [`kind: ${node.kind ?? '—'}${node.kind ? ` (${this.vocabularyOf(node).category(node.kind) ?? 'unknown category'})` : ''}`, ...(node.jurisdiction ? [`jurisdiction: ${node.jurisdiction}`] : [])];
        }
        if (ast.isPhase(node)) {
            const span = node.range?.start ? `${node.range.start.value} to ${node.range.end?.value ?? '…'}` : '—';
            return [`stage: ${node.stage ?? '—'}`, `dates: ${span}`];
        }
        if (ast.isObjective(node)) {
            const span = this.services.model.TimeModel.get(AstUtils.getDocument(node)).objective(node);
            return [
                `sector: ${node.sector ?? '—'}`, `${node.leads.length > 1 ? 'joint lead' : 'lead'}: ${node.leads.map(l => l.$refText).join(', ') || '—'}`,
                `phases: ${node.phases.map(p => p.$refText).join(', ') || '—'}${span ? ` (${formatMonth(span.start)} to ${formatMonth(span.end)})` : ''}`,
                `activities: ${node.activities.length}`,
            ];
        }
        if (ast.isActivity(node)) {
            const span = this.services.model.TimeModel.get(AstUtils.getDocument(node)).activity(node);
            return [
                `type: ${node.type ?? '—'}${span ? ` (${formatMonth(span.start)} to ${formatMonth(span.end)})` : ''}`,
                `targets: ${node.targets.length > 0 ? node.targets.map(t => t.$refText).join(', ') : `the objective's lead${(node.$container.leads.length > 1 ? 's' : '')} (${node.$container.leads.map(l => l.$refText).join(', ') || '—'})`}`,
                ...(node.by ? [`carried out by: ${node.by.$refText}`] : []),
                ...(node.rolling ? ['rolling: done intake by intake; for sequencing it has done its work for anything that starts once it has started'] : []),
            ];
        }
        if (ast.isStrategy(node) && node.implements) {
            return [`implements: ${titleOf({ title: node.implements }) ?? ''} (an adopted policy: the plan need not schedule its own before building capability)`];
        }
        if (ast.isBenchmark(node)) {
            return [`type: ${node.type ?? '—'}`, `baseline → target: ${node.baseline?.value?.value ?? '?'} → ${node.target?.value?.value ?? '?'}${node.target?.year?.value ? ` by ${node.target.year.value}` : ''}`];
        }
        if (ast.isFunding(node)) {
            return [`from: ${node.source?.$refText ?? '—'}`, `instrument: ${node.instrument ?? '—'}`, `amount: ${node.amount?.value ?? '—'}${node.perYear ? ' per year' : ''}`];
        }
        return [];
    }
}
