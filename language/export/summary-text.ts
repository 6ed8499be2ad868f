/** What the Word and Excel exports say beside the numbers, read from the summary model. */
import type { PlanSummary } from '../summary/index.js';

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
