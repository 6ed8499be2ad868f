/**
 * The plan summary as one self-contained HTML file: no scripts, no network, inline SVG charts,
 * a Content Security Policy, light and dark themes, printable. Every text from the document is
 * escaped.
 */
import { randomBytes } from 'node:crypto';
import type { PlanSummary } from './summary-model.js';
import { activityFacts, headerRows, sectorRows } from './summary-model.js';
import { fundingSvg, timelineSvg } from './charts.js';
import { DIMENSIONS } from '../base/taxonomy.js';
import { escapeHtml as h, money, moneyCents, formatBalance, formatMoney, plural, quantity } from '../base/format.js';

export interface HtmlOptions {
    /** A nonce for the one inline style sheet (a fresh one by default). */
    nonce?: string;
    /** Extra CSP source for styles (a webview's `cspSource`), if any. */
    cspSource?: string;
}

function contentSecurityPolicy(nonce: string, cspSource?: string): string {
    return `default-src 'none'; img-src data:${cspSource ? ' ' + cspSource : ''}; style-src 'nonce-${nonce}'${cspSource ? ' ' + cspSource : ''}; script-src 'none'; base-uri 'none'; form-action 'none'`;
}

const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --line: #d1d9e0; --accent: #0969da; --ext: #8250df; --dom: #1a7f37; --cost: #cf222e; --warn: #9a6700; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #3d444d; --accent: #4493f8; --ext: #ab7df8; --dom: #3fb950; --cost: #f85149; --warn: #d29922; } }
body.vscode-light { --fg: var(--vscode-editor-foreground, #1f2328); --bg: var(--vscode-editor-background, #fff); }
body.vscode-dark, body.vscode-high-contrast { --fg: var(--vscode-editor-foreground, #e6edf3); --bg: var(--vscode-editor-background, #0d1117); --muted: #9198a1; --line: #3d444d; --accent: #4493f8; --ext: #ab7df8; --dom: #3fb950; --cost: #f85149; --warn: #d29922; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; max-width: 1100px; padding: 24px; }
h1 { font-size: 1.8em; margin: 0 0 .3em; } h2 { border-bottom: 1px solid var(--line); padding-bottom: .2em; margin-top: 1.6em; } h3 { margin-bottom: .2em; }
table { border-collapse: collapse; margin: .6em 0; } th, td { border: 1px solid var(--line); padding: 4px 8px; vertical-align: top; } th { text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.muted { color: var(--muted); } .missing { color: var(--warn); font-weight: 600; } blockquote { color: var(--muted); border-left: 3px solid var(--line); margin: .5em 0; padding-left: 1em; white-space: pre-wrap; }
.sev-error { color: var(--cost); font-weight: 600; } .sev-warning { color: var(--warn); font-weight: 600; } .sev-info { color: var(--accent); font-weight: 600; }
svg { max-width: 100%; height: auto; } svg text { fill: var(--fg); font: 11px system-ui, sans-serif; } svg .grid { stroke: var(--line); } svg .phase { fill: var(--accent); opacity: .35; } svg .objective { fill: var(--accent); }
svg .ext { fill: var(--ext); } svg .dom { fill: var(--dom); } svg .cost { stroke: var(--cost); fill: none; stroke-width: 2; } svg .costdot { fill: var(--cost); }
.legend span { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 12px; } .legend .ext { background: var(--ext); } .legend .dom { background: var(--dom); } .legend .cost { background: var(--cost); }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .92em; }
@media print { body { max-width: none; padding: 0; } h2 { break-after: avoid; } table, svg, .objective-block { break-inside: avoid; } }
`;

export function renderHtml(s: PlanSummary, options: HtmlOptions = {}): string {
    const nonce = options.nonce ?? randomBytes(16).toString('base64');
    const cur = s.strategy.currency;
    const title = s.strategy.title ?? 'Untitled strategy';
    const parts: string[] = [];
    parts.push(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(h(nonce), options.cspSource && h(options.cspSource))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)} — plan summary</title>
<style nonce="${h(nonce)}">${STYLE}</style>
</head>
<body>
<h1>${h(title)}</h1>`);
    parts.push(`<table>${headerRows(s).map(([k, v]) => `<tr><th>${k}</th><td>${h(v)}</td></tr>`).join('')}</table>`);
    if (s.strategy.doc) parts.push(`<blockquote>${h(s.strategy.doc)}</blockquote>`);

    const f = s.counts.findings;
    const categories = Object.entries(s.counts.actorsByCategory).map(([c, n]) => `${n} ${c}`).join(', ');
    parts.push(`<h2>At a glance</h2><table>
<tr><th>Actors</th><td class="num">${s.counts.actors}</td><td class="muted">${h(categories)}</td></tr>
<tr><th>Objectives</th><td class="num">${s.counts.objectives}</td><td></td></tr>
<tr><th>Activities</th><td class="num">${s.counts.activities}</td><td></td></tr>
<tr><th>Benchmarks</th><td class="num">${s.counts.benchmarks}</td><td></td></tr>
<tr><th>Total cost</th><td class="num">${h(formatMoney(s.totals.cost, cur))}</td><td></td></tr>
<tr><th>External funding</th><td class="num">${h(formatMoney(s.totals.external, cur))}</td><td></td></tr>
<tr><th>Domestic funding</th><td class="num">${h(formatMoney(s.totals.domestic, cur))}</td><td></td></tr>
<tr><th>Funding gap</th><td class="num">${h(formatMoney(s.totals.gap, cur))}</td><td></td></tr>
<tr><th>Findings</th><td class="num">${f.error + f.warning + f.info}</td><td><span class="sev-error">${plural(f.error, 'error')}</span>, <span class="sev-warning">${plural(f.warning, 'warning')}</span>, <span class="sev-info">${plural(f.info, 'info')}</span>${f.suppressed ? `, ${f.suppressed} suppressed` : ''}</td></tr>
</table>`);

    parts.push(`<h2>Coverage</h2><table><tr><th>sector</th>${DIMENSIONS.map(d => `<th>${d}</th>`).join('')}</tr>`);
    for (const sector of sectorRows(s)) {
        const missing = s.missing.sectors.includes(sector);
        parts.push(`<tr><th${missing ? ' class="missing"' : ''}>${h(sector)}${missing ? ' (missing)' : ''}</th>${DIMENSIONS.map(d => `<td>${(s.coverage[sector]?.[d] ?? []).map(h).join(', ')}</td>`).join('')}</tr>`);
    }
    parts.push('</table>');
    if (s.missing.dimensions.length > 0) parts.push(`<p class="missing">Missing dimensions: ${s.missing.dimensions.map(h).join(', ')}</p>`);

    parts.push(`<h2>Timeline</h2>${timelineSvg(s) ?? '<p class="muted">No dated phases or objectives yet.</p>'}`);
    parts.push('<h2>Fiscal projection</h2>');
    if (s.years.length > 0) {
        const withRevenue = s.years.some(y => y.revenue !== undefined);
        const withCeiling = s.years.some(y => y.affordable !== undefined);
        parts.push(`<table><tr><th class="num">year</th><th class="num">capital</th><th class="num">recurrent</th><th class="num">cost</th><th class="num">external</th><th class="num">domestic</th><th class="num">gap</th>${withRevenue ? '<th class="num">revenue</th>' : ''}${withCeiling ? '<th class="num">affordable</th>' : ''}</tr>`);
        for (const y of s.years) {
            parts.push(`<tr><td class="num">${y.year}</td>${[y.capital, y.recurrent, y.cost, y.external, y.domestic, y.gap].map(v => `<td class="num">${money(v)}</td>`).join('')}${withRevenue ? `<td class="num">${y.revenue === undefined ? '—' : moneyCents(y.revenue)}</td>` : ''}${withCeiling ? `<td class="num">${y.affordable === undefined ? '—' : moneyCents(y.affordable)}</td>` : ''}</tr>`);
        }
        parts.push(`<tr><th class="num">total</th>${[s.totals.capital, s.totals.recurrent, s.totals.cost, s.totals.external, s.totals.domestic, s.totals.gap].map(v => `<th class="num">${money(v)}</th>`).join('')}${withRevenue ? '<th></th>' : ''}${withCeiling ? '<th></th>' : ''}</tr></table>`);
        parts.push(fundingSvg(s) ?? '');
        parts.push(`<p class="legend"><span class="ext"></span>external<span class="dom"></span>domestic<span class="cost"></span>cost (${h(cur ?? '')})</p>`);
    } else {
        parts.push('<p class="muted">No period yet: the projection needs <code>period from … to …</code>.</p>');
    }

    parts.push('<h2>Objectives</h2>');
    for (const o of s.objectives) {
        const benchmarks = s.benchmarks.filter(b => o.benchmarks.includes(b.name));
        parts.push(`<div class="objective-block"><h3>${h(o.name)}${o.title ? ` — ${h(o.title)}` : ''}</h3>
${o.doc ? `<blockquote>${h(o.doc)}</blockquote>` : ''}
<p>Sector ${h(o.sector ?? '—')}; dimensions ${h(o.dimensions.join(', ') || '—')}; levels ${h(o.levels.join(', ') || '—')}<br>
${o.leads.length > 1 ? 'Joint lead' : 'Lead'} ${h(o.leads.join(', ') || '—')}${o.partners.length ? `; partners ${h(o.partners.join(', '))}` : ''}<br>
Phases ${h(o.phases.join(', ') || '—')}${o.start ? ` (${h(o.start)} to ${h(o.end ?? '')})` : ''}<br>
Cost ${h(formatBalance(o, cur))}</p>
${o.activities.length ? `<ol>${o.activities.map(a => `<li>${h(a.name)}${a.title ? ` — ${h(a.title)}` : ''} <span class="muted">(${h(activityFacts(a).join(', '))})</span></li>`).join('')}</ol>` : ''}
${benchmarks.length ? `<ul>${benchmarks.map(b => `<li>${h(b.name)}${b.title ? ` — ${h(b.title)}` : ''}: ${h(quantity(b.baseline))}${b.baseline?.year ? ` (${b.baseline.year})` : ''} → ${h(quantity(b.target))}${b.target?.year ? ` (${b.target.year})` : ''}</li>`).join('')}</ul>` : ''}</div>`);
    }

    parts.push('<h2>Findings</h2>');
    if (s.findings.length === 0) {
        parts.push('<p>No findings at error, warning or info severity.</p>');
    } else {
        for (const family of [...new Set(s.findings.map(x => x.ruleId.split('/')[0]))].sort()) {
            parts.push(`<h3>${h(family)}</h3><ul>${s.findings.filter(x => x.ruleId.startsWith(family + '/')).map(x =>
                `<li><span class="sev-${x.severity}">${x.severity}</span> <code>${h(x.ruleId)}</code> <span class="muted">${h(x.file)}:${x.line}:${x.column}</span> ${h(x.message)}</li>`).join('')}</ul>`);
        }
    }
    parts.push('</body>\n</html>\n');
    return parts.join('\n');
}
