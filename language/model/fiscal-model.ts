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
import type * as ast from '../generated/ast.js';
import type { ResolvedConfig, SsrConfigAddedServices } from '../config/config.js';
import type { Vocabulary } from '../base/taxonomy.js';
import { amountValue, endMonth, isComputable, percentValue, startMonth, yearOf, yearValue } from '../base/values.js';
import type { StrategyModel, StrategyModelProvider } from './strategy-model.js';
import type { TimeModel, TimeModelProvider } from './time-model.js';

interface ObjectiveYear {
    capital: number;
    recurrent: number;
    cost: number;
    /** Funding allocated to the objective this year. */
    funded: number;
    /** cost − funded; positive = unfunded, negative = a surplus. */
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

interface ObjectiveFigures {
    readonly objective: ast.Objective;
    readonly years: ReadonlyMap<number, ObjectiveYear>;
    readonly cost: number;
    readonly capital: number;
    readonly recurrent: number;
    readonly funded: number;
    /** Sum of the positive yearly gaps. */
    readonly gap: number;
    /** Funding allocated beyond the cost, summed over the years where that happens: cost = funded + gap − surplus. */
    readonly surplus: number;
    readonly supported: boolean;
    readonly hasCosts: boolean;
}

interface LineFigures {
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
    // Negative or too large amounts are reported by structure/bad-range and left out of the sums.
    if (amount === undefined || amount < 0 || !isComputable(amount) || periodYears.length === 0) return result;
    const periodEnd = periodYears[periodYears.length - 1];
    const startM = range ? startMonth(range.start) : undefined;
    const first = startM !== undefined ? yearOf(startM) : periodYears[0];
    const endM = range?.end ? endMonth(range.end) : undefined;
    const last = endM !== undefined ? yearOf(endM) : (range && !openEndedToPeriodEnd ? first : periodEnd);
    if (last < first) return result;
    const total = toCents(amount);
    const count = last - first + 1;
    // Spread evenly; the remainder cents go to the first years so the parts add up exactly. Only the
    // years inside the period are written (a range may span thousands of years: O(period), not O(range)).
    const base = perYear ? total : Math.floor(total / count);
    const remainder = perYear ? 0 : total - base * count;
    for (let y = Math.max(first, periodYears[0]); y <= Math.min(last, periodEnd); y++) {
        result.set(y, base + (y - first < remainder ? 1 : 0));
    }
    return result;
}

/** LANGUAGE.md section 5: external when its actor is external, unless its instrument is a domestic one (national-budget). */
function isExternalLine(funding: ast.Funding, vocabulary: Vocabulary): boolean {
    if (vocabulary.isDomesticInstrument(funding.instrument)) return false;
    return vocabulary.category(funding.source?.ref?.kind) === 'external';
}

/** The given years of a `revenue` line, in increasing order (a year given twice: its first value). */
function revenuePoints(fiscal: ast.Fiscal | undefined): { year: number; amount: number }[] {
    const points = new Map<number, number>();
    for (const point of fiscal?.revenues ?? []) {
        const year = yearValue(point.year), amount = amountValue(point.amount);
        if (year !== undefined && amount !== undefined && !points.has(year)) points.set(year, amount);
    }
    return [...points].map(([year, amount]) => ({ year, amount })).sort((a, b) => a.year - b.year);
}

/**
 * Domestic revenue per year, in whole cents (LANGUAGE.md section 5). A given year is as given;
 * between two given years revenue grows at the constant yearly rate that joins them (geometric
 * interpolation; linear when one of the two is zero, where no rate joins them); outside the
 * series it follows `growing` from the nearest given year, or stays at the nearest given value
 * without it. Years whose revenue cannot be computed exactly (a negative or too large amount)
 * are left out.
 */
export function revenueCents(fiscal: ast.Fiscal | undefined, years: readonly number[]): Map<number, number> {
    const result = new Map<number, number>();
    const points = revenuePoints(fiscal);
    if (points.length === 0) return result;
    const growth = percentValue(fiscal?.growth);
    const first = points[0], last = points[points.length - 1];
    let next = 0; // index of the first given year at or after y (years are increasing)
    for (const y of years) {
        while (next < points.length && points[next].year < y) next++;
        let units: number;
        if (next < points.length && points[next].year === y) units = points[next].amount;
        else if (y < first.year) units = first.amount * Math.pow(1 + (growth ?? 0), y - first.year);
        else if (y > last.year) units = last.amount * Math.pow(1 + (growth ?? 0), y - last.year);
        else {
            const a = points[next - 1], b = points[next];
            const t = (y - a.year) / (b.year - a.year);
            units = a.amount > 0 && b.amount > 0 ? a.amount * Math.pow(b.amount / a.amount, t) : a.amount + (b.amount - a.amount) * t;
        }
        if (units < 0 || !isComputable(units)) continue; // structure/bad-range reports the amount
        result.set(y, toCents(units));
    }
    return result;
}

/** An objective's money in one year, in cents. */
interface Cell { capital: number; recurrent: number; funded: number }

/** A number per year of the period, in cents, starting at zero. */
class YearCents {
    private readonly values = new Map<number, number>();
    constructor(years: readonly number[]) { for (const y of years) this.values.set(y, 0); }
    add(year: number, cents: number): void { this.values.set(year, this.get(year) + cents); }
    get(year: number): number { return this.values.get(year) ?? 0; }
}

/**
 * Splits `cents` among parts in proportion to `weights`, exactly: each part gets the floor of its
 * share, and the cents left over go one by one to the largest remainders (ties: the earlier part).
 * Exact in doubles while cents × the total weight stays below 2^53 (almost always); BigInt beyond.
 */
function allocate(cents: number, weights: readonly number[]): number[] {
    const total = weights.reduce((a, b) => a + b, 0);
    if (total <= 0) return weights.map(() => 0);
    if (weights.length === 1) return [cents];
    const exact = cents * total <= Number.MAX_SAFE_INTEGER;
    const big = exact ? 0n : BigInt(cents), bigTotal = exact ? 1n : BigInt(total);
    const parts = weights.map((w, i) => exact
        ? { i, share: Math.floor((cents * w) / total), remainder: (cents * w) % total }
        : { i, share: Number((big * BigInt(w)) / bigTotal), remainder: Number((big * BigInt(w)) % bigTotal) });
    // Remainders are below the total weight (a double-exact number of cents), so they compare as doubles.
    let left = cents - parts.reduce((sum, p) => sum + p.share, 0);
    const shares = parts.map(p => p.share);
    for (const { i } of [...parts].sort((a, b) => b.remainder - a.remainder || a.i - b.i)) {
        if (left <= 0) break;
        shares[i] += 1;
        left -= 1;
    }
    return shares;
}

function computeFiscalModel(model: StrategyModel, time: TimeModel, config: ResolvedConfig): FiscalModel {
    const years = time.years;
    const cells = new Map<ast.Objective, Map<number, Cell>>();
    const cellOf = (objective: ast.Objective, year: number): Cell | undefined => cells.get(objective)?.get(year);
    for (const objective of model.objectives) {
        const perYear = new Map<number, Cell>(years.map(y => [y, { capital: 0, recurrent: 0, funded: 0 }]));
        for (const cost of objective.costs) {
            const recurrent = cost.kind === 'recurrent';
            for (const [y, cents] of yearlyCents(amountValue(cost.amount), cost.range, cost.perYear || recurrent, years, recurrent)) {
                const cell = perYear.get(y);
                if (!cell) continue; // outside the period: structure/bad-range reports it
                if (recurrent) cell.recurrent += cents; else cell.capital += cents;
            }
        }
        cells.set(objective, perYear);
    }

    const lines = new Map<ast.Funding, LineFigures>();
    const externalCents = new YearCents(years), domesticCents = new YearCents(years), unallocatedCents = new YearCents(years);
    const supported = new Set<ast.Objective>();
    for (const funding of model.fundings) {
        const external = isExternalLine(funding, config.vocabulary);
        const targets = funding.supports.map(s => s.ref).filter((o): o is ast.Objective => o !== undefined && cells.has(o));
        targets.forEach(t => supported.add(t));
        const lineYears = new Map<number, number>();
        let lineTotal = 0;
        for (const [y, cents] of yearlyCents(amountValue(funding.amount), funding.range, funding.perYear, years, false)) {
            if (!time.inPeriod(y)) continue;
            lineYears.set(y, fromCents(cents));
            lineTotal += cents;
            (external ? externalCents : domesticCents).add(y, cents);
            const targetCells = targets.map(t => cellOf(t, y)).filter((c): c is Cell => c !== undefined);
            const shares = allocate(cents, targetCells.map(c => c.capital + c.recurrent));
            if (shares.every(share => share === 0)) {
                unallocatedCents.add(y, cents); // none of the objectives costs anything this year
                continue;
            }
            targetCells.forEach((cell, i) => { cell.funded += shares[i]; });
        }
        lines.set(funding, { funding, external, years: lineYears, total: fromCents(lineTotal) });
    }

    const objectives = new Map<ast.Objective, ObjectiveFigures>();
    const gapCents = new YearCents(years), capitalCents = new YearCents(years), recurrentCents = new YearCents(years);
    for (const [objective, perYear] of cells) {
        const yearly = new Map<number, ObjectiveYear>();
        let cost = 0, capital = 0, recurrent = 0, funded = 0, gap = 0, surplus = 0;
        for (const [y, cell] of perYear) {
            const c = cell.capital + cell.recurrent;
            const g = c - cell.funded;
            yearly.set(y, { capital: fromCents(cell.capital), recurrent: fromCents(cell.recurrent), cost: fromCents(c), funded: fromCents(cell.funded), gap: fromCents(g) });
            cost += c; capital += cell.capital; recurrent += cell.recurrent; funded += cell.funded;
            capitalCents.add(y, cell.capital);
            recurrentCents.add(y, cell.recurrent);
            if (g > 0) {
                gap += g;
                gapCents.add(y, g);
            } else {
                surplus -= g;
            }
        }
        objectives.set(objective, {
            objective, years: yearly, cost: fromCents(cost), capital: fromCents(capital), recurrent: fromCents(recurrent),
            funded: fromCents(funded), gap: fromCents(gap), surplus: fromCents(surplus), supported: supported.has(objective), hasCosts: objective.costs.length > 0,
        });
    }

    const fiscal = model.fiscal;
    const revenue = revenueCents(fiscal, years);
    const ceiling = percentValue(fiscal?.ceiling);
    const yearFigures: YearFigures[] = years.map(y => {
        const capital = capitalCents.get(y), recurrent = recurrentCents.get(y);
        const figures: YearFigures = {
            year: y, capital: fromCents(capital), recurrent: fromCents(recurrent), cost: fromCents(capital + recurrent),
            external: fromCents(externalCents.get(y)), domestic: fromCents(domesticCents.get(y)), gap: fromCents(gapCents.get(y)),
            unallocated: fromCents(unallocatedCents.get(y)),
        };
        const cents = revenue.get(y);
        if (cents !== undefined) {
            figures.revenue = fromCents(cents);
            if (ceiling !== undefined) figures.affordable = fromCents(Math.round(cents * ceiling));
        }
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

/**
 * Whether a difference of money matters: at least half a unit of the currency, so that it shows as
 * at least 1 in the messages, which print whole units. Spreading amounts over years to the cent
 * leaves differences of a cent or two between cost and funding; they are not findings.
 */
export const isMaterial = (amount: number): boolean => amount >= 0.5;
