/** Number and text formatting shared by the summary renderers. */
export const money = (value: number): string => Math.round(value).toLocaleString('en-US');
export const moneyWithCurrency = (value: number, currency?: string): string => `${currency ? currency + ' ' : ''}${money(value)}`;
export const quantity = (q: { value: number; percent: boolean } | undefined): string =>
    q === undefined ? '—' : q.percent ? `${q.value}%` : q.value.toLocaleString('en-US');

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Escapes text for Markdown (inline), so that titles cannot inject markup or tables. */
export function escapeMarkdown(text: string): string {
    return text.replace(/\s*\n\s*/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/([\\`*_[\]|~])/g, '\\$1');
}

/** Text safe inside a Mermaid diagram label: no syntax characters, no markup. */
export function mermaidText(text: string): string {
    return text.replace(/[\n\r]+/g, ' ').replace(/[:;#"<>{}[\]()`|&%]/g, ' ').replace(/\s+/g, ' ').trim() || '-';
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
