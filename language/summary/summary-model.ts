/**
 * The plan summary model (../shared/spec/SUMMARY.md): one model, computed from the same services
 * as the rules (strategy model, time model, fiscal model, findings), rendered as Markdown, HTML and
 * JSON. The JSON rendering is this model itself.
 */
import type { LangiumDocument } from 'langium';
import type * as ast from '../generated/ast.js';
import { BUILTIN_VOCABULARY, requiredSectors, DIMENSIONS, type ActorCategory } from '../base/taxonomy.js';
import { formatMonth, quantityValue, yearValue, type Span } from '../base/values.js';
import type { YearFigures } from '../model/fiscal-model.js';
import { toFinding, type FileFinding } from '../validation/findings.js';
import type { SsrValidationServices } from '../validation/rule-engine.js';

interface SummaryFinding {
    file: string;
    ruleId: string;
    severity: 'error' | 'warning' | 'info';
    message: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
}

interface SummaryObjective {
    name: string;
    title?: string;
    doc?: string;
    sector?: string;
    dimensions: string[];
    levels: string[];
    /** Every lead: one, or several for a joint lead. */
    leads: string[];
    partners: string[];
    phases: string[];
    start?: string;
    end?: string;
    activities: SummaryActivity[];
    benchmarks: string[];
    /** Always cost = funded + gap − surplus (SUMMARY.md section 6). */
    cost: number;
    funded: number;
    gap: number;
    /** Funding allocated beyond the cost, summed over the years where that happens. */
    surplus: number;
    /** One row per year of the period: cost = funded + gap − surplus in each year. */
    years: { year: number; capital: number; recurrent: number; cost: number; funded: number; gap: number; surplus: number }[];
}

interface SummaryActivity {
    name: string;
    title?: string;
    type?: string;
    start?: string;
    end?: string;
    /** The implementer (`by`), when it is not the objective's lead(s). */
    by?: string;
    /** Done intake by intake across its span. */
    rolling: boolean;
}

/** A funding line and its amount in each year of the period (the fiscal model's). */
interface SummaryFundingLine {
    name: string;
    title?: string;
    from?: string;
    instrument?: string;
    source: 'external' | 'domestic';
    supports: string[];
    total: number;
    years: { year: number; amount: number }[];
}

interface SummaryBenchmark {
    name: string;
    title?: string;
    measures: string[];
    type?: string;
    source?: string;
    baseline?: { value: number; percent: boolean; year?: number };
    target?: { value: number; percent: boolean; year?: number };
}

export interface PlanSummary {
    strategy: {
        title?: string;
        doc?: string;
        country?: string;
        period?: { from: string; to: string; startYear: number; endYear: number };
        currency?: string;
        context?: string;
        approach?: string;
        scope: { partial: boolean; sectors: string[]; reason?: string };
        /** The adopted national policy the plan carries out (`implements`). */
        implements?: string;
    };
    counts: {
        actors: number;
        actorsByCategory: Partial<Record<ActorCategory | 'unknown', number>>;
        objectives: number;
        activities: number;
        benchmarks: number;
        fundingLines: number;
        findings: { error: number; warning: number; info: number; suppressed: number };
    };
    totals: { cost: number; capital: number; recurrent: number; external: number; domestic: number; gap: number };
    /** One row per year of the period, from the fiscal model. */
    years: YearFigures[];
    coverage: Record<string, Record<string, string[]>>;
    missing: { sectors: string[]; dimensions: string[] };
    timeline: {
        phases: { name: string; title?: string; stage?: string; start: string; end: string }[];
        objectives: { name: string; title?: string; start: string; end: string }[];
    };
    objectives: SummaryObjective[];
    fundingLines: SummaryFundingLine[];
    benchmarks: SummaryBenchmark[];
    findings: SummaryFinding[];
}

const spanText = (span: Span | undefined) => span ? { start: formatMonth(span.start), end: formatMonth(span.end) } : {};

/** Builds the summary of a built (parsed, linked, validated) document. */
export function buildSummary(services: SsrValidationServices, document: LangiumDocument<ast.Document>, fileLabel: string): PlanSummary {
    const model = services.model.StrategyModel.get(document);
    const time = services.model.TimeModel.get(document);
    const vocabulary = services.config.ConfigProvider.getConfig(document.uri).vocabulary;
    const docs = services.documentation.DocumentationProvider;
    const strategy = model.strategy;
    const name = (n: { name?: string } | undefined) => n?.name ?? '';
    const title = (t: string | undefined) => t?.trim() || undefined;

    const findings: SummaryFinding[] = (document.diagnostics ?? []).map(toFinding)
        .filter((f): f is FileFinding & { severity: SummaryFinding['severity'] } => f.severity !== 'hint')
        .map(f => ({
            file: fileLabel, ruleId: f.ruleId, severity: f.severity, message: f.message,
            line: f.range.start.line + 1, column: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1,
        }));

    const byCategory: PlanSummary['counts']['actorsByCategory'] = {};
    for (const actor of model.allActors) {
        const category = vocabulary.category(actor.kind) ?? 'unknown';
        byCategory[category] = (byCategory[category] ?? 0) + 1;
    }

    const fiscal = services.model.FiscalModel.get(document);
    const coverage: Record<string, Record<string, string[]>> = {};
    for (const objective of model.objectives) {
        if (!objective.sector || !objective.name) continue;
        for (const dimension of objective.dimensions.length > 0 ? objective.dimensions : ['(none)']) {
            ((coverage[objective.sector] ??= {})[dimension] ??= []).push(objective.name);
        }
    }
    const coveredSectors = new Set(model.objectives.map(o => o.sector));
    const coveredDimensions = new Set(model.objectives.flatMap(o => o.dimensions));

    const benchmarksOf = new Map<ast.Objective, string[]>();
    for (const benchmark of model.benchmarks) {
        for (const measured of benchmark.measures) {
            if (measured.ref && benchmark.name) benchmarksOf.set(measured.ref, [...(benchmarksOf.get(measured.ref) ?? []), benchmark.name]);
        }
    }

    const period = time.period;
    return {
        strategy: {
            title: title(strategy?.title),
            doc: strategy ? tidyDoc(docs.getDocumentation(strategy)) : undefined,
            country: title(strategy?.country),
            period: period ? { from: formatMonth(period.start), to: formatMonth(period.end), startYear: Math.floor(period.start / 12), endYear: Math.floor(period.end / 12) } : undefined,
            currency: strategy?.currency,
            context: strategy?.context,
            approach: strategy?.approach,
            scope: { partial: strategy?.scope?.partial ?? false, sectors: strategy?.scope?.sectors ?? [], reason: title(strategy?.scope?.reason) },
            implements: title(strategy?.implements),
        },
        counts: {
            actors: model.allActors.length,
            actorsByCategory: byCategory,
            objectives: model.objectives.length,
            activities: model.activities.length,
            benchmarks: model.benchmarks.length,
            fundingLines: model.fundings.length,
            findings: {
                error: findings.filter(f => f.severity === 'error').length,
                warning: findings.filter(f => f.severity === 'warning').length,
                info: findings.filter(f => f.severity === 'info').length,
                suppressed: services.validation.DocumentValidator.suppressedCount(document),
            },
        },
        totals: { ...fiscal.totals },
        years: fiscal.years.map(y => ({ ...y })),
        coverage,
        missing: {
            sectors: strategy?.scope?.partial ? [] : requiredSectors(model.allActors.map(a => a.kind)).filter(s => !coveredSectors.has(s)),
            dimensions: strategy?.scope?.partial ? [] : DIMENSIONS.filter(d => !coveredDimensions.has(d)),
        },
        timeline: {
            phases: model.phases.flatMap(p => {
                const span = time.phase(p);
                return span && p.name ? [{ name: p.name, title: title(p.title), stage: p.stage, start: formatMonth(span.start), end: formatMonth(span.end) }] : [];
            }),
            objectives: model.objectives.flatMap(o => {
                const span = time.objective(o);
                return span && o.name ? [{ name: o.name, title: title(o.title), start: formatMonth(span.start), end: formatMonth(span.end) }] : [];
            }),
        },
        objectives: model.objectives.map(objective => {
            const figures = fiscal.objectives.get(objective);
            const activities = [...objective.activities].sort((a, b) => (time.activity(a)?.start ?? Infinity) - (time.activity(b)?.start ?? Infinity));
            return {
                name: name(objective),
                title: title(objective.title),
                doc: tidyDoc(docs.getDocumentation(objective)),
                sector: objective.sector,
                dimensions: [...objective.dimensions],
                levels: [...objective.levels],
                leads: objective.leads.map(l => l.$refText),
                partners: objective.partners.map(p => p.$refText),
                phases: objective.phases.map(p => p.$refText),
                ...spanText(time.objective(objective)),
                activities: activities.map(a => ({ name: name(a), title: title(a.title), type: a.type, ...spanText(time.activity(a)), ...(a.by ? { by: a.by.$refText } : {}), rolling: a.rolling })),
                benchmarks: benchmarksOf.get(objective) ?? [],
                cost: figures?.cost ?? 0,
                funded: figures?.funded ?? 0,
                gap: figures?.gap ?? 0,
                surplus: figures?.surplus ?? 0,
                years: fiscal.years.map(({ year }) => {
                    const y = figures?.years.get(year);
                    const signedGap = y?.gap ?? 0;
                    return { year, capital: y?.capital ?? 0, recurrent: y?.recurrent ?? 0, cost: y?.cost ?? 0, funded: y?.funded ?? 0, gap: Math.max(0, signedGap), surplus: Math.max(0, -signedGap) };
                }),
            };
        }),
        fundingLines: model.fundings.map(funding => {
            const line = fiscal.lines.get(funding);
            return {
                name: name(funding),
                title: title(funding.title),
                from: funding.source?.$refText,
                instrument: funding.instrument,
                source: line?.external ? 'external' as const : 'domestic' as const,
                supports: funding.supports.map(s => s.$refText),
                total: line?.total ?? 0,
                years: fiscal.years.map(({ year }) => ({ year, amount: line?.years.get(year) ?? 0 })),
            };
        }),
        benchmarks: model.benchmarks.map(b => {
            const baseline = quantityValue(b.baseline?.value);
            const target = quantityValue(b.target?.value);
            return {
                name: name(b),
                title: title(b.title),
                measures: b.measures.map(m => m.$refText),
                type: b.type,
                source: b.source,
                baseline: baseline ? { ...baseline, year: yearValue(b.baseline?.year) } : undefined,
                target: target ? { ...target, year: yearValue(b.target?.year) } : undefined,
            };
        }),
        findings,
    };
}

/** The header rows of the summary: label and value, only those the strategy has (Markdown, HTML, Word, Excel). */
export function headerRows(s: PlanSummary): [string, string][] {
    const rows: [string, string | undefined][] = [
        ['Country', s.strategy.country],
        ['Period', s.strategy.period ? `${s.strategy.period.startYear}–${s.strategy.period.endYear}` : undefined],
        ['Currency', s.strategy.currency],
        ['Context', s.strategy.context],
        ['Approach', s.strategy.approach],
        ['Scope', s.strategy.scope.partial ? `partial: ${s.strategy.scope.sectors.join(', ')}${s.strategy.scope.reason ? ` — ${s.strategy.scope.reason}` : ''}` : 'comprehensive (sector-wide)'],
        ['Implements', s.strategy.implements],
    ];
    return rows.filter((row): row is [string, string] => Boolean(row[1]));
}

/** The coverage matrix rows: the core sectors (of a comprehensive strategy) and every sector used, in taxonomy order. */
export function sectorRows(summary: PlanSummary): string[] {
    const shown = new Set([...summary.missing.sectors, ...Object.keys(summary.coverage)]);
    if (!summary.strategy.scope.partial) for (const sector of requiredSectors([])) shown.add(sector);
    const builtIn = BUILTIN_VOCABULARY.ids('sector');
    return [...builtIn.filter(s => shown.has(s)), ...[...shown].filter(s => !builtIn.includes(s))];
}

/** An activity's type, dates, implementer and `rolling`, as the objective block lists them. */
export function activityFacts(a: SummaryActivity): string[] {
    return [a.type ?? '—', ...(a.start ? [`${a.start} to ${a.end}`] : []), ...(a.by ? [`by ${a.by}`] : []), ...(a.rolling ? ['rolling'] : [])];
}

/** A doc comment's text with each line trimmed (the comment's own indentation is not content). */
function tidyDoc(doc: string | undefined): string | undefined {
    return doc?.split('\n').map(line => line.trim()).join('\n').trim() || undefined;
}
