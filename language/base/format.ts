/**
 * Formatting shared by messages, hovers, code lenses, the summary, the diff and the command line:
 * money, counts, lists, and escaping for the output languages (HTML, Markdown, XML, Mermaid).
 * Each is defined here once.
 */

/** A whole amount with thousands separators: `2,000,000`, `-500`. Never NaN: non-finite input prints as `—`. */
export function money(value: number): string {
    if (!Number.isFinite(value)) return '—';
    return Math.round(value).toLocaleString('en-US');
}

/** An amount to the cent with thousands separators: `146,969,384.57`; `—` when not finite. */
export function moneyCents(value: number): string {
    if (!Number.isFinite(value)) return '—';
    return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Money in the strategy's currency: `USD 2,000,000` (the currency is left out when unknown). */
export function formatMoney(value: number, currency?: string): string {
    return `${currency ? currency + ' ' : ''}${money(value)}`;
}

/** A baseline or target: `31%` or `4,000`; `—` when there is none. */
export const quantity = (q: { value: number; percent: boolean } | undefined): string =>
    q === undefined || !Number.isFinite(q.value) ? '—' : q.percent ? `${q.value}%` : q.value.toLocaleString('en-US');

/** `Objective` from `objective`. */
export const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * An objective's balance as arithmetic a reader can check: `USD 12,000,000 = funded USD 9,000,000
 * + gap USD 3,000,000 − surplus USD 0` (cost = funded + gap − surplus). Whole units unless one of
 * the four has cents, then all four to the cent, so that the printed figures add up too.
 */
export function formatBalance(b: { cost: number; funded: number; gap: number; surplus: number }, currency?: string): string {
    const whole = [b.cost, b.funded, b.gap, b.surplus].every(v => Math.abs(v - Math.round(v)) < 0.005);
    const show = (v: number) => `${currency ? currency + ' ' : ''}${whole ? money(v) : moneyCents(v)}`;
    return `${show(b.cost)} = funded ${show(b.funded)} + gap ${show(b.gap)} − surplus ${show(b.surplus)}`;
}

/** `1 objective`, `2 objectives` */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `a`, `a and b`, `a, b and c` */
export function listInWords(items: readonly string[], conjunction = 'and'): string {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Escapes text for XML content and attribute values (JUnit), dropping the characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
        // eslint-disable-next-line no-control-regex -- matching control characters is the point
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

/** Escapes text for inline Markdown, so that titles and messages cannot inject markup or tables. */
export function escapeMarkdown(text: string): string {
    return text.replace(/\s*\n\s*/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/([\\`*_[\]|~])/g, '\\$1');
}

/** Text safe inside a Mermaid diagram label: no syntax characters, no markup. */
export function mermaidText(text: string): string {
    return text.replace(/[\n\r]+/g, ' ').replace(/[:;#"<>{}[\]()`|&%]/g, ' ').replace(/\s+/g, ' ').trim() || '-';
}
