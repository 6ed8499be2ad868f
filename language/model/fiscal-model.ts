/**
 * The fiscal model (LANGUAGE.md section 5): per year of the period, capital and recurrent cost per
 * objective, each funding line's amount, its proportional sharing among the objectives it
 * supports, external vs domestic, gaps, revenue and the affordable ceiling. The single source of
 * these numbers for the fiscal rules, the code lens and the plan summary.
 *
 * Money is kept in cents (integers) while it is summed and shared, so that amounts that should
 * balance do balance; figures are exposed in currency units.
 */
import { DocumentCache, DocumentState, type LangiumCoreServices, type LangiumDocument } from 'langium';
import * as ast from '../generated/ast.js';
import type { ResolvedConfig, SsrConfigAddedServices } from '../config/config.js';
import { actorCategory } from '../base/taxonomy.js';
import { amountValue, endMonth, percentValue, startMonth, yearOf, yearValue } from '../base/values.js';
import type { StrategyModel, StrategyModelProvider } from './strategy-model.js';
import type { TimeModel, TimeModelProvider } from './time-model.js';

export interface ObjectiveYear {
    capital: number;
    recurrent: number;
    cost: number;
    /** Funding allocated to the objective this year. */
    funded: number;
    /** cost − funded; positive = unfunded. */
    gap: number;
}

export interface YearFigures {
    year: number;
    capital: number;
    recurrent: number;
    cost: number;
    external: number;
    domestic: number;
    /** Sum of the positive per-objective gaps. */
    gap: number;
    /** Funding not allocated to any objective (no supported objective costs anything that year). */
    unallocated: number;
    revenue?: number;
    affordable?: number;
}

export interface ObjectiveFigures {
    readonly objective: ast.Objective;
    readonly years: ReadonlyMap<number, ObjectiveYear>;
    readonly cost: number;
    readonly capital: number;
    readonly recurrent: number;
    readonly funded: number;
    /** Sum of the positive yearly gaps. */
    readonly gap: number;
    readonly supported: boolean;
    readonly hasCosts: boolean;
}

export interface LineFigures {
    readonly funding: ast.Funding;
    readonly external: boolean;
    /** The line's amount per year. */
    readonly years: ReadonlyMap<number, number>;
    readonly total: number;
}

export interface FiscalModel {
    readonly currency?: string;
    readonly years: readonly YearFigures[];
    readonly objectives: ReadonlyMap<ast.Objective, ObjectiveFigures>;
    readonly lines: ReadonlyMap<ast.Funding, LineFigures>;
    readonly totals: { cost: number; capital: number; recurrent: number; external: number; domestic: number; gap: number };
    readonly finalYear?: number;
    /** The maximum external share in the final year: the strategy's own, else the config's. */
    readonly maxExternalShare: number;
    readonly hasFiscalBlock: boolean;
}

const toCents = (units: number) => Math.round(units * 100);
const fromCents = (cents: number) => cents / 100;

/** Yearly amounts in cents over a range of years: a total spread evenly, or `per year`. */
export function yearlyCents(amount: number | undefined, range: ast.Range | undefined, perYear: boolean, periodYears: readonly number[], openEndedToPeriodEnd: boolean): Map<number, number> {
    const result = new Map<number, number>();
    if (amount === undefined || amount < 0 || periodYears.length === 0) return result;
    const periodEnd = periodYears[periodYears.length - 1];
    const startM = range ? startMonth(range.start) : undefined;
    const first = startM !== undefined ? yearOf(startM) : periodYears[0];
    const endM = range?.end ? endMonth(range.end) : undefined;
    const last = endM !== undefined ? yearOf(endM) : (range && !openEndedToPeriodEnd ? first : periodEnd);
    if (last < first) return result;
    const years: number[] = [];
    for (let y = first; y <= last; y++) years.push(y);
    const total = toCents(amount);
    if (perYear) {
        for (const y of years) result.set(y, total);
    } else {
        // Spread evenly; the remainder cents go to the first years so the parts add up exactly.
        const base = Math.floor(total / years.length);
        let remainder = total - base * years.length;
        for (const y of years) {
            result.set(y, base + (remainder > 0 ? 1 : 0));
            if (remainder > 0) remainder--;
        }
    }
    return result;
}

export function isExternalLine(funding: ast.Funding): boolean {
    if (funding.instrument === 'national-budget') return false;
    return actorCategory(funding.source?.ref?.kind) === 'external';
}

function computeFiscalModel(model: StrategyModel, time: TimeModel, config: ResolvedConfig): FiscalModel {
    const years = time.years;
    const yearSet = new Set(years);
    const objectiveCents = new Map<ast.Objective, Map<number, { capital: number; recurrent: number; funded: number }>>();
    for (const objective of model.objectives) {
        const perYear = new Map<number, { capital: number; recurrent: number; funded: number }>();
        for (const y of years) perYear.set(y, { capital: 0, recurrent: 0, funded: 0 });
        for (const cost of objective.costs) {
            const recurrent = cost.kind === 'recurrent';
            const amounts = yearlyCents(amountValue(cost.amount), cost.range, cost.perYear || recurrent, years, recurrent);
            for (const [y, cents] of amounts) {
                const row = perYear.get(y);
                if (!row) continue; // outside the period: structure/bad-range reports it
                if (recurrent) row.recurrent += cents; else row.capital += cents;
            }
        }
        objectiveCents.set(objective, perYear);
    }

    const lines = new Map<ast.Funding, LineFigures>();
    const externalCents = new Map<number, number>(years.map(y => [y, 0]));
    const domesticCents = new Map<number, number>(years.map(y => [y, 0]));
    const unallocatedCents = new Map<number, number>(years.map(y => [y, 0]));
    const supported = new Set<ast.Objective>();
    for (const funding of model.fundings) {
        const amounts = yearlyCents(amountValue(funding.amount), funding.range, funding.perYear, years, false);
        const external = isExternalLine(funding);
        const targets = funding.supports.map(s => s.ref).filter((o): o is ast.Objective => o !== undefined && objectiveCents.has(o));
        targets.forEach(t => supported.add(t));
        const lineYears = new Map<number, number>();
        for (const [y, cents] of amounts) {
            if (!yearSet.has(y)) continue;
            lineYears.set(y, fromCents(cents));
            (external ? externalCents : domesticCents).set(y, (external ? externalCents : domesticCents).get(y)! + cents);
            const costs = targets.map(t => { const r = objectiveCents.get(t)!.get(y)!; return r.capital + r.recurrent; });
            const totalCost = costs.reduce((a, b) => a + b, 0);
            if (totalCost <= 0) {
                unallocatedCents.set(y, unallocatedCents.get(y)! + cents);
                continue;
            }
            // Proportional shares in cents; the rounding remainder goes to the largest share.
            const shares = costs.map(c => Math.floor((cents * c) / totalCost));
            const remainder = cents - shares.reduce((a, b) => a + b, 0);
            const largest = costs.indexOf(Math.max(...costs));
            shares[largest] += remainder;
            targets.forEach((t, i) => { objectiveCents.get(t)!.get(y)!.funded += shares[i]; });
        }
        lines.set(funding, { funding, external, years: lineYears, total: [...lineYears.values()].reduce((a, b) => a + b, 0) });
    }

    const objectives = new Map<ast.Objective, ObjectiveFigures>();
    const gapCents = new Map<number, number>(years.map(y => [y, 0]));
    for (const [objective, perYear] of objectiveCents) {
        const yearly = new Map<number, ObjectiveYear>();
        let cost = 0, capital = 0, recurrent = 0, funded = 0, gap = 0;
        for (const [y, row] of perYear) {
            const c = row.capital + row.recurrent;
            const g = c - row.funded;
            yearly.set(y, { capital: fromCents(row.capital), recurrent: fromCents(row.recurrent), cost: fromCents(c), funded: fromCents(row.funded), gap: fromCents(g) });
            cost += c; capital += row.capital; recurrent += row.recurrent; funded += row.funded;
            if (g > 0) { gap += g; gapCents.set(y, gapCents.get(y)! + g); }
        }
        objectives.set(objective, {
            objective, years: yearly, cost: fromCents(cost), capital: fromCents(capital), recurrent: fromCents(recurrent),
            funded: fromCents(funded), gap: fromCents(gap), supported: supported.has(objective), hasCosts: objective.costs.length > 0,
        });
    }

    const fiscal = model.fiscal;
    const baseRevenue = amountValue(fiscal?.revenue);
    const baseYear = yearValue(fiscal?.revenueYear);
    const growth = percentValue(fiscal?.growth) ?? 0;
    const ceiling = percentValue(fiscal?.ceiling);
    const yearFigures: YearFigures[] = years.map(y => {
        let capital = 0, recurrent = 0;
        for (const perYear of objectiveCents.values()) { const r = perYear.get(y)!; capital += r.capital; recurrent += r.recurrent; }
        const revenue = baseRevenue !== undefined && baseYear !== undefined ? baseRevenue * Math.pow(1 + growth, y - baseYear) : undefined;
        const figures: YearFigures = {
            year: y, capital: fromCents(capital), recurrent: fromCents(recurrent), cost: fromCents(capital + recurrent),
            external: fromCents(externalCents.get(y)!), domestic: fromCents(domesticCents.get(y)!), gap: fromCents(gapCents.get(y)!),
            unallocated: fromCents(unallocatedCents.get(y)!),
        };
        if (revenue !== undefined) figures.revenue = fromCents(toCents(revenue));
        if (revenue !== undefined && ceiling !== undefined) figures.affordable = fromCents(toCents(revenue * ceiling));
        return figures;
    });
    const sum = (key: 'cost' | 'capital' | 'recurrent' | 'external' | 'domestic' | 'gap') => fromCents(yearFigures.reduce((a, y) => a + toCents(y[key]), 0));
    return {
        currency: model.strategy?.currency,
        years: yearFigures,
        objectives,
        lines,
        totals: { cost: sum('cost'), capital: sum('capital'), recurrent: sum('recurrent'), external: sum('external'), domestic: sum('domestic'), gap: sum('gap') },
        finalYear: years[years.length - 1],
        maxExternalShare: percentValue(fiscal?.maxExternalShare) ?? config.settings.maxExternalShare,
        hasFiscalBlock: fiscal !== undefined,
    };
}

/** What the fiscal model is computed from. */
type FiscalModelSources = LangiumCoreServices & SsrConfigAddedServices & { model: { StrategyModel: StrategyModelProvider; TimeModel: TimeModelProvider } };

/**
 * `services.model.FiscalModel`: the fiscal model of a document under a configuration (by default
 * the one that applies to the document), computed once per build and shared by every rule, the
 * code lens, hovers, the summary and the diff.
 */
export class FiscalModelProvider {
    protected readonly services: FiscalModelSources;
    /** Keyed by document and configuration: the maximum external share comes from the configuration. */
    protected readonly cache: DocumentCache<ResolvedConfig, FiscalModel>;

    constructor(services: FiscalModelSources) {
        this.services = services;
        this.cache = new DocumentCache(services.shared, DocumentState.Linked);
    }

    get(document: LangiumDocument, config: ResolvedConfig = this.services.config.ConfigProvider.getConfig(document.uri)): FiscalModel {
        const model = this.services.model;
        return this.cache.get(document.uri, config, () => computeFiscalModel(model.StrategyModel.get(document), model.TimeModel.get(document), config));
    }
}

/** Half a cent: two figures within this are equal (no findings from floating-point dust). */
export const MONEY_EPSILON = 0.005;
