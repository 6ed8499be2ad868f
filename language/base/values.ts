/**
 * Reading the lexical forms of LANGUAGE.md section 3: amounts, percents, years, months.
 * Months are counted as an absolute index (year * 12 + month - 1) so that spans compare as numbers.
 */
import type { Amount, Percent, Quantity, Range, TimePoint, Year } from '../generated/ast.js';

const SUFFIX: Record<string, number> = { K: 1e3, M: 1e6, B: 1e9 };

/** The number a token stands for: `2,500,000` → 2500000, `1.5B` → 1500000000, `31%` → 31. */
export function parseNumberToken(text: string): number {
    // The common form, digits and commas with at most a `%` after them, read without a regex or a
    // string built; up to 15 digits the sum is exact, as `Number` of the digits is.
    let end = text.length;
    if (end > 0 && text.charCodeAt(end - 1) === PERCENT) end--;
    let value = 0, digits = 0, i = 0;
    for (; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c >= ZERO && c <= NINE) { value = value * 10 + (c - ZERO); digits++; } else if (c !== COMMA) break;
    }
    if (i === end && end > 0 && digits <= 15) return value;
    return parseNumberForm(text);
}

const ZERO = 48, NINE = 57, COMMA = 44, PERCENT = 37, DASH = 45;
const isDigitAt = (text: string, i: number): boolean => { const c = text.charCodeAt(i); return c >= ZERO && c <= NINE; };

/** Every form of LANGUAGE.md section 3: decimals, `K`/`M`/`B`, long digit strings. */
function parseNumberForm(text: string): number {
    const match = /^([0-9,]+(?:\.[0-9]+)?)([KMB%]?)$/.exec(text.trim());
    if (!match) return NaN;
    const base = match[1].replace(/,/g, '');
    const suffix = match[2];
    if (suffix && suffix !== '%') {
        // Exact decimal scaling: 6.5M is 6500000, not 6499999.999…
        const [whole, fraction = ''] = base.split('.');
        const digits = Math.log10(SUFFIX[suffix]);
        const padded = (fraction + '0'.repeat(digits)).slice(0, digits);
        const rest = fraction.length > digits ? `.${fraction.slice(digits)}` : '';
        return Number(`${whole}${padded}${rest}`);
    }
    return Number(base);
}

/** The largest amount the fiscal model adds up exactly: money is kept in integer cents (2^53 - 1 cents). */
export const MAX_AMOUNT = Math.floor(Number.MAX_SAFE_INTEGER / 100);

/** Whether an amount can be computed exactly, to the cent. */
export const isComputable = (value: number): boolean => Number.isFinite(value) && Math.abs(value) <= MAX_AMOUNT;

export function amountValue(amount: Amount | undefined): number | undefined {
    if (!amount?.value) return undefined;
    const value = parseNumberToken(amount.value);
    return amount.negative ? -value : value;
}

/** A percent as a fraction: `12%` → 0.12. */
export function percentValue(percent: Percent | undefined): number | undefined {
    if (!percent?.value) return undefined;
    const value = parseNumberToken(percent.value) / 100;
    return percent.negative ? -value : value;
}

export interface QuantityValue { value: number; percent: boolean }

/** A baseline's or target's figure; undefined when there is none or it is too large to be a number (structure/bad-range). */
export function quantityValue(quantity: Quantity | undefined): QuantityValue | undefined {
    if (!quantity?.value) return undefined;
    const value = parseNumberToken(quantity.value);
    if (!Number.isFinite(value)) return undefined;
    return { value: quantity.negative ? -value : value, percent: quantity.value.endsWith('%') };
}

export function yearValue(year: Year | undefined): number | undefined {
    const text = year?.value;
    return text && text.length === 4 ? fourDigits(text) : undefined;
}

/** The number written by the first four characters when they are digits (a year), else undefined. */
function fourDigits(text: string): number | undefined {
    if (!(isDigitAt(text, 0) && isDigitAt(text, 1) && isDigitAt(text, 2) && isDigitAt(text, 3))) return undefined;
    return (text.charCodeAt(0) - ZERO) * 1000 + (text.charCodeAt(1) - ZERO) * 100 + (text.charCodeAt(2) - ZERO) * 10 + (text.charCodeAt(3) - ZERO);
}

/** An absolute month index. */
export type Month = number;
export const monthIndex = (year: number, month: number): Month => year * 12 + (month - 1);
export const yearOf = (month: Month): number => Math.floor(month / 12);
export function formatMonth(month: Month): string {
    return `${yearOf(month)}-${String((month % 12) + 1).padStart(2, '0')}`;
}

export interface ParsedTimePoint { year: number; month?: number; valid: boolean }

const INVALID_POINT: ParsedTimePoint = Object.freeze({ year: NaN, valid: false });

export function parseTimePoint(point: TimePoint | undefined): ParsedTimePoint | undefined {
    const text = point?.value;
    if (!text) return undefined;
    // `YYYY` or `YYYY-M` / `YYYY-MM`, read character by character (no regex, no substring).
    const year = fourDigits(text);
    if (year === undefined || (text.length !== 4 && (text.length < 6 || text.length > 7 || text.charCodeAt(4) !== DASH))) return INVALID_POINT;
    if (text.length === 4) return { year, valid: true };
    if (!isDigitAt(text, 5) || (text.length === 7 && !isDigitAt(text, 6))) return INVALID_POINT;
    const month = text.length === 6 ? text.charCodeAt(5) - ZERO : (text.charCodeAt(5) - ZERO) * 10 + (text.charCodeAt(6) - ZERO);
    return { year, month, valid: month >= 1 && month <= 12 };
}

/** First month of a point used as a start: a year means its January. */
export function startMonth(point: TimePoint | undefined): Month | undefined {
    const p = parseTimePoint(point);
    if (!p?.valid) return undefined;
    return monthIndex(p.year, p.month ?? 1);
}

/** Last month of a point used as an end: a year means its December. */
export function endMonth(point: TimePoint | undefined): Month | undefined {
    const p = parseTimePoint(point);
    if (!p?.valid) return undefined;
    return monthIndex(p.year, p.month ?? 12);
}

/** An inclusive span of months. */
export interface Span { start: Month; end: Month }

/**
 * The span a range denotes. A range without `to` ends at `openEnd` (the end of the period),
 * or is a single point when none is given.
 */
export function rangeSpan(range: Range | undefined, openEnd?: Month): Span | undefined {
    if (!range) return undefined;
    const start = startMonth(range.start);
    if (start === undefined) return undefined;
    const end = range.end ? endMonth(range.end) : (openEnd ?? endMonth(range.start));
    if (end === undefined) return undefined;
    return { start, end };
}
