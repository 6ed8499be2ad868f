/**
 * What the Word, Excel and PDF exports say beside the numbers, read from the summary model. Fields
 * that newer models add (joint `leads`, `surplus`, an activity's implementer and `rolling`) are read
 * when present, so the documents follow the model without each export learning every field.
 */
import type { PlanSummary } from '../summary/index.js';

type Objective = PlanSummary['objectives'][number];
type Activity = Objective['activities'][number];

/** The header rows of the summary: label and value, only those the strategy has. */
export function headerRows(s: PlanSummary): [string, string][] {
    const rows: [string, string | undefined][] = [
        ['Country', s.strategy.country],
        ['Period', s.strategy.period ? `${s.strategy.period.startYear}–${s.strategy.period.endYear}` : undefined],
        ['Currency', s.strategy.currency],
        ['Context', s.strategy.context],
        ['Approach', s.strategy.approach],
        ['Scope', s.strategy.scope.partial ? `partial: ${s.strategy.scope.sectors.join(', ')}${s.strategy.scope.reason ? ` — ${s.strategy.scope.reason}` : ''}` : 'comprehensive (sector-wide)'],
    ];
    return rows.filter((row): row is [string, string] => Boolean(row[1]));
}

/** An objective's lead or joint leads. */
export function leadsOf(o: Objective): string[] {
    const r = o as unknown as { leads?: unknown; lead?: unknown };
    if (Array.isArray(r.leads)) return r.leads.map(String);
    return typeof r.lead === 'string' ? [r.lead] : [];
}

/** Funding allocated to an objective beyond its cost (cost = funded + gap − surplus), when the model gives it. */
export function surplusOf(o: Objective): number | undefined {
    const surplus = (o as unknown as { surplus?: unknown }).surplus;
    return typeof surplus === 'number' ? surplus : undefined;
}

/** `type, 2027-01 to 2027-06, by Contractor, rolling` */
export function activityDetails(a: Activity): string {
    const r = a as unknown as { by?: unknown; implementer?: unknown; implementers?: unknown; rolling?: unknown };
    const by = Array.isArray(r.implementers) ? r.implementers.map(String).join(', ') : typeof r.implementer === 'string' ? r.implementer : typeof r.by === 'string' ? r.by : undefined;
    return [a.type ?? '—', a.start ? `${a.start} to ${a.end ?? ''}` : undefined, by ? `by ${by}` : undefined, r.rolling === true ? 'rolling' : undefined]
        .filter(Boolean).join(', ');
}

/** `31% (2025) → 55% (2030)` */
export function benchmarkRange(b: PlanSummary['benchmarks'][number]): string {
    const q = (v: { value: number; percent: boolean; year?: number } | undefined) =>
        v === undefined ? '—' : `${v.percent ? `${v.value}%` : v.value.toLocaleString('en-US')}${v.year ? ` (${v.year})` : ''}`;
    return `${q(b.baseline)} → ${q(b.target)}`;
}

/** The document's title: the strategy's, or a placeholder. */
export const titleOf = (s: PlanSummary): string => s.strategy.title ?? 'Untitled strategy';

/** Doc comment text as paragraphs: blank lines separate them, single line breaks stay. */
export const paragraphsOf = (text: string): string[][] => text.split(/\n\s*\n/).map(p => p.split('\n')).filter(p => p.some(line => line.trim()));
