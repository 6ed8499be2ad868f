/** What the monitoring quick fixes write: the years of the period and benchmark values. */
import type { TimeModel } from '../../model/time-model.js';
import { yearOf, type QuantityValue } from '../../base/values.js';

/**
 * The first and last year of the strategy period. Without a usable period (missing, or ending
 * before it starts: both already errors) a five-year window from the current year.
 */
export function periodYears(time: TimeModel): { first: number; last: number } {
    const period = time.period;
    if (period && period.end >= period.start) return { first: yearOf(period.start), last: yearOf(period.end) };
    const first = new Date().getFullYear();
    return { first, last: first + 4 };
}

/** A quantity as written in a `.ssr` file: `40%`, `2000`, `-3`, `12.5%`. */
export function formatQuantity(quantity: QuantityValue): string {
    const number = Number.isInteger(quantity.value) ? String(quantity.value) : String(Number(quantity.value.toFixed(4)));
    return `${number}${quantity.percent ? '%' : ''}`;
}
