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

/**
 * How a cost or funding line falls on the years of the period, in cents: `base` cents a year at the
 * indices `from` to `to` (inclusive; index = year − the period's first year), plus one cent at the
 * indices below `extraBefore`.
 */
interface Spread { readonly from: number; readonly to: number; readonly base: number; readonly extraBefore: number }

/**
 * A total spread evenly over a range of years, or `per year`; undefined when nothing falls in the
 * period. The remainder cents of an even spread go to the first years of the range (inside the
 * period or not) so that the parts add up exactly.
 */
function spreadCents(amount: number | undefined, range: ast.Range | undefined, perYear: boolean, periodYears: readonly number[], openEndedToPeriodEnd: boolean): Spread | undefined {
    // Negative or too large amounts are reported by structure/bad-range and left out of the sums.
    if (amount === undefined || amount < 0 || !isComputable(amount) || periodYears.length === 0) return undefined;
    const periodStart = periodYears[0], periodEnd = periodYears[periodYears.length - 1];
    const startM = range ? startMonth(range.start) : undefined;
    const first = startM !== undefined ? yearOf(startM) : periodStart;
    const endM = range?.end ? endMonth(range.end) : undefined;
    const last = endM !== undefined ? yearOf(endM) : (range && !openEndedToPeriodEnd ? first : periodEnd);
    if (last < first) return undefined;
    const total = toCents(amount);
    const count = last - first + 1;
    const base = perYear ? total : Math.floor(total / count);
    const remainder = perYear ? 0 : total - base * count;
    // Only the years inside the period are covered (a range may span thousands of years: O(period), not O(range)).
    const from = Math.max(first, periodStart) - periodStart, to = Math.min(last, periodEnd) - periodStart;
    // Year y gets the extra cent when y − first < remainder, i.e. index < first − periodStart + remainder.
    return from <= to ? { from, to, base, extraBefore: first - periodStart + remainder } : undefined;
}

const centsAt = (spread: Spread, index: number): number => spread.base + (index < spread.extraBefore ? 1 : 0);

/** Yearly amounts in cents over a range of years: a total spread evenly, or `per year` (see spreadCents). */
export function yearlyCents(amount: number | undefined, range: ast.Range | undefined, perYear: boolean, periodYears: readonly number[], openEndedToPeriodEnd: boolean): Map<number, number> {
    const result = new Map<number, number>();
    const spread = spreadCents(amount, range, perYear, periodYears, openEndedToPeriodEnd);
    if (spread) for (let i = spread.from; i <= spread.to; i++) result.set(periodYears[0] + i, centsAt(spread, i));
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

/**
 * Splits `cents` among the first `count` parts in proportion to `weights`, exactly, into `shares`:
 * each part gets the floor of its share, and the cents left over go one by one to the largest
 * remainders (ties: the earlier part). All zero when the weights add up to zero. Exact in doubles
 * while cents × the total weight stays below 2^53 (almost always); BigInt beyond. `remainders` is
 * scratch space of at least `count` numbers; the arrays are reused across calls, so nothing is
 * allocated unless two or more cents are left over (then an order of the parts is sorted).
 */
function allocate(cents: number, weights: ArrayLike<number>, count: number, shares: Float64Array, remainders: Float64Array): void {
    let total = 0;
    for (let i = 0; i < count; i++) total += weights[i];
    if (total <= 0) {
        shares.fill(0, 0, count);
        return;
    }
    if (count === 1) {
        shares[0] = cents;
        return;
    }
    const exact = cents * total <= Number.MAX_SAFE_INTEGER;
    const big = exact ? 0n : BigInt(cents), bigTotal = exact ? 1n : BigInt(total);
    let allocated = 0;
    for (let i = 0; i < count; i++) {
        const w = weights[i];
        if (exact) {
            shares[i] = Math.floor((cents * w) / total);
            remainders[i] = (cents * w) % total;
        } else {
            shares[i] = Number((big * BigInt(w)) / bigTotal);
            remainders[i] = Number((big * BigInt(w)) % bigTotal);
        }
        allocated += shares[i];
    }
    let left = cents - allocated;
    // Remainders are below the total weight (a double-exact number of cents), so they compare as doubles.
    if (left <= 0) return;
    if (left === 1) {
        // One cent: the largest remainder, the earlier part on a tie (the first in the order below).
        let best = 0;
        for (let i = 1; i < count; i++) if (remainders[i] > remainders[best]) best = i;
        shares[best] += 1;
        return;
    }
    const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => remainders[b] - remainders[a] || a - b);
    for (const i of order) {
        if (left <= 0) break;
        shares[i] += 1;
        left -= 1;
    }
}

/**
 * The objectives' money per year in flat arrays of cents: the figure of objective k (its position
 * in the model, each objective once) in year `years[j]` is at index `k * years.length + j` (the
 * years of the period are consecutive).
 */
interface ObjectiveCells {
    readonly years: readonly number[];
    readonly capital: Float64Array;
    readonly recurrent: Float64Array;
    /** capital + recurrent. */
    readonly cost: Float64Array;
    /** Funding allocated to the objective. */
    readonly funded: Float64Array;
}

/** The per-year figures of objective k, in the order of the years. */
function objectiveYears(cells: ObjectiveCells, k: number): Map<number, ObjectiveYear> {
    const years = cells.years, yearly = new Map<number, ObjectiveYear>();
    for (let j = 0, cell = k * years.length; j < years.length; j++, cell++) {
        const cost = cells.cost[cell], funded = cells.funded[cell];
        yearly.set(years[j], { capital: fromCents(cells.capital[cell]), recurrent: fromCents(cells.recurrent[cell]), cost: fromCents(cost), funded: fromCents(funded), gap: fromCents(cost - funded) });
    }
    return yearly;
}

/**
 * The figures of objective k. Its `years` are built on first read (and kept): a check reads those
 * of the supported objectives only (fiscal/gap), the summary all of them.
 */
function objectiveFigures(objective: ast.Objective, k: number, cells: ObjectiveCells, sums: { cost: number; capital: number; recurrent: number; funded: number; gap: number; surplus: number }, supported: boolean): ObjectiveFigures {
    let yearly: Map<number, ObjectiveYear> | undefined;
    return {
        objective,
        get years() { return yearly ??= objectiveYears(cells, k); },
        cost: fromCents(sums.cost), capital: fromCents(sums.capital), recurrent: fromCents(sums.recurrent), funded: fromCents(sums.funded),
        gap: fromCents(sums.gap), surplus: fromCents(sums.surplus), supported, hasCosts: objective.costs.length > 0,
    };
}

function computeFiscalModel(model: StrategyModel, time: TimeModel, config: ResolvedConfig): FiscalModel {
    const years = time.years, n = years.length;
    const index = new Map<ast.Objective, number>();
    const objectiveList: ast.Objective[] = [];
    for (const objective of model.objectives) {
        if (index.has(objective)) continue;
        index.set(objective, objectiveList.length);
        objectiveList.push(objective);
    }
    // The objectives' cents per year (see ObjectiveCells), then per year of the period: plain arrays
    // indexed by position, no map or object per objective and year.
    const cellCount = objectiveList.length * n;
    const capitalOf = new Float64Array(cellCount), recurrentOf = new Float64Array(cellCount), fundedOf = new Float64Array(cellCount);
    for (let k = 0; k < objectiveList.length; k++) {
        for (const cost of objectiveList[k].costs) {
            const recurrent = cost.kind === 'recurrent';
            const spread = spreadCents(amountValue(cost.amount), cost.range, cost.perYear || recurrent, years, recurrent);
            if (!spread) continue; // nothing in the period: structure/bad-range reports a range outside it
            const cells = recurrent ? recurrentOf : capitalOf;
            for (let j = spread.from; j <= spread.to; j++) cells[k * n + j] += centsAt(spread, j);
        }
    }
    const costOf = capitalOf.map((capital, cell) => capital + recurrentOf[cell]);

    const lines = new Map<ast.Funding, LineFigures>();
    const externalCents = new Float64Array(n), domesticCents = new Float64Array(n), unallocatedCents = new Float64Array(n);
    const supported = new Uint8Array(objectiveList.length);
    // Scratch space for a line's sharing in one year (targets, their weights, shares and remainders).
    let targets = new Int32Array(4), weights = new Float64Array(4), shares = new Float64Array(4), remainders = new Float64Array(4);
    for (const funding of model.fundings) {
        const external = isExternalLine(funding, config.vocabulary);
        // The objectives of the model among those it supports, in order (one supported twice gets two shares).
        if (targets.length < funding.supports.length) {
            const length = funding.supports.length;
            targets = new Int32Array(length); weights = new Float64Array(length); shares = new Float64Array(length); remainders = new Float64Array(length);
        }
        let count = 0;
        for (const s of funding.supports) {
            const k = s.ref ? index.get(s.ref) : undefined;
            if (k === undefined) continue;
            targets[count++] = k;
            supported[k] = 1;
        }
        const lineYears = new Map<number, number>();
        let lineTotal = 0;
        const spread = spreadCents(amountValue(funding.amount), funding.range, funding.perYear, years, false);
        // A spread covers years of the period only (no need to check time.inPeriod).
        if (spread) for (let j = spread.from; j <= spread.to; j++) {
            const cents = centsAt(spread, j);
            lineYears.set(years[j], fromCents(cents));
            lineTotal += cents;
            (external ? externalCents : domesticCents)[j] += cents;
            for (let t = 0; t < count; t++) weights[t] = costOf[targets[t] * n + j];
            allocate(cents, weights, count, shares, remainders);
            let allocated = false;
            for (let t = 0; t < count && !allocated; t++) allocated = shares[t] !== 0;
            if (!allocated) {
                unallocatedCents[j] += cents; // none of the objectives costs anything this year
                continue;
            }
            for (let t = 0; t < count; t++) fundedOf[targets[t] * n + j] += shares[t];
        }
        lines.set(funding, { funding, external, years: lineYears, total: fromCents(lineTotal) });
    }

    const objectives = new Map<ast.Objective, ObjectiveFigures>();
    const cells: ObjectiveCells = { years, capital: capitalOf, recurrent: recurrentOf, cost: costOf, funded: fundedOf };
    const gapCents = new Float64Array(n), capitalCents = new Float64Array(n), recurrentCents = new Float64Array(n);
    for (let k = 0; k < objectiveList.length; k++) {
        let cost = 0, capital = 0, recurrent = 0, funded = 0, gap = 0, surplus = 0;
        for (let j = 0, cell = k * n; j < n; j++, cell++) {
            const c = costOf[cell], g = c - fundedOf[cell];
            cost += c; capital += capitalOf[cell]; recurrent += recurrentOf[cell]; funded += fundedOf[cell];
            capitalCents[j] += capitalOf[cell];
            recurrentCents[j] += recurrentOf[cell];
            if (g > 0) {
                gap += g;
                gapCents[j] += g;
            } else {
                surplus -= g;
            }
        }
        objectives.set(objectiveList[k], objectiveFigures(objectiveList[k], k, cells, { cost, capital, recurrent, funded, gap, surplus }, supported[k] === 1));
    }

    const fiscal = model.fiscal;
    const revenue = revenueCents(fiscal, years);
    const ceiling = percentValue(fiscal?.ceiling);
    const yearFigures: YearFigures[] = years.map((y, j) => {
        const capital = capitalCents[j], recurrent = recurrentCents[j];
        const figures: YearFigures = {
            year: y, capital: fromCents(capital), recurrent: fromCents(recurrent), cost: fromCents(capital + recurrent),
            external: fromCents(externalCents[j]), domestic: fromCents(domesticCents[j]), gap: fromCents(gapCents[j]),
            unallocated: fromCents(unallocatedCents[j]),
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
