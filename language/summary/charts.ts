/**
 * The summary's two charts as SVG: the timeline (phases and objectives on a time axis) and the
 * funding chart (external and domestic funding stacked per year, cost as a line). One drawing,
 * two ways of painting it: `css` for the HTML summary (classes its style sheet colours, in light
 * and dark themes) and `standalone` for documents (explicit colours, fonts and size, a white
 * background: the charts of the Word export and, rasterised, its PNG fallback).
 */
import type { PlanSummary } from './summary-model.js';
import { escapeHtml as h, money } from '../base/format.js';

export type ChartPaint = 'css' | 'standalone';

/** The light theme's colours, for standalone charts. */
const CHART_COLOURS = { fg: '#1f2328', line: '#d1d9e0', accent: '#0969da', ext: '#8250df', dom: '#1a7f37', cost: '#cf222e' } as const;
const FONT = `font-family="DejaVu Sans, Segoe UI, Arial, sans-serif" font-size="11"`;

/** How an element of class `name` is painted: its class, or the attributes that class stands for. */
function painter(paint: ChartPaint): (name: 'grid' | 'phase' | 'objective' | 'ext' | 'dom' | 'cost' | 'costdot' | 'text') => string {
    if (paint === 'css') return name => name === 'text' ? '' : ` class="${name}"`;
    const c = CHART_COLOURS;
    const attributes = {
        grid: `stroke="${c.line}"`, phase: `fill="${c.accent}" fill-opacity="0.35"`, objective: `fill="${c.accent}"`,
        ext: `fill="${c.ext}"`, dom: `fill="${c.dom}"`, cost: `stroke="${c.cost}" fill="none" stroke-width="2"`, costdot: `fill="${c.cost}"`,
        text: `fill="${c.fg}" ${FONT}`,
    };
    return name => ` ${attributes[name]}`;
}

function open(paint: ChartPaint, width: number, height: number, label: string): string {
    return paint === 'css'
        ? `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}">`
        : `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}"><rect width="${width}" height="${height}" fill="#ffffff"/>`;
}

const monthIndex = (m: string) => { const [y, mm] = m.split('-').map(Number); return y * 12 + mm - 1; };

/** The timeline chart, or undefined when nothing is dated yet (or there is no period). */
export function timelineSvg(s: PlanSummary, paint: ChartPaint = 'css'): string | undefined {
    const items = [...s.timeline.phases.map(p => ({ label: p.title ?? p.name, start: p.start, end: p.end, cls: 'phase' as const })),
        ...s.timeline.objectives.map(o => ({ label: o.name, start: o.start, end: o.end, cls: 'objective' as const }))];
    if (items.length === 0 || !s.strategy.period) return undefined;
    const p = painter(paint);
    const from = s.strategy.period.startYear * 12, to = s.strategy.period.endYear * 12 + 12;
    const left = 220, width = 640, row = 20, top = 24;
    const x = (m: number) => left + ((Math.min(Math.max(m, from), to) - from) / (to - from)) * width;
    const height = top + items.length * row + 10;
    const out = [open(paint, left + width + 20, height, 'Timeline')];
    for (let y = s.strategy.period.startYear; y <= s.strategy.period.endYear + 1; y++) {
        const gx = x(y * 12);
        out.push(`<line${p('grid')} x1="${gx}" y1="${top - 6}" x2="${gx}" y2="${height - 6}"/>`);
        if (y <= s.strategy.period.endYear) out.push(`<text${p('text')} x="${gx + 3}" y="${top - 10}">${y}</text>`);
    }
    items.forEach((item, i) => {
        const y = top + i * row;
        const x1 = x(monthIndex(item.start)), x2 = x(monthIndex(item.end) + 1);
        out.push(`<text${p('text')} x="4" y="${y + 13}">${h(item.label.length > 34 ? item.label.slice(0, 33) + '…' : item.label)}</text>`);
        out.push(`<rect${p(item.cls)} x="${x1}" y="${y + 3}" width="${Math.max(2, x2 - x1)}" height="${row - 6}" rx="3"><title>${h(`${item.label}: ${item.start} to ${item.end}`)}</title></rect>`);
    });
    out.push('</svg>');
    return out.join('');
}

/** The funding chart, or undefined when there is no period (no years to chart). */
export function fundingSvg(s: PlanSummary, paint: ChartPaint = 'css'): string | undefined {
    if (s.years.length === 0) return undefined;
    const p = painter(paint);
    const left = 90, width = 640, height = 220, top = 10, bottom = 30;
    const max = Math.max(1, ...s.years.map(y => Math.max(y.cost, y.external + y.domestic)));
    const n = s.years.length;
    const band = width / n;
    const scale = (v: number) => (v / max) * (height - top - bottom);
    const out = [open(paint, left + width + 20, height, 'External and domestic funding against cost')];
    for (let k = 0; k <= 4; k++) {
        const v = (max * k) / 4, y = height - bottom - scale(v);
        out.push(`<line${p('grid')} x1="${left}" y1="${y}" x2="${left + width}" y2="${y}"/><text${p('text')} x="4" y="${y + 4}">${money(v)}</text>`);
    }
    const points: string[] = [];
    s.years.forEach((yr, i) => {
        const x = left + i * band + band * 0.2, w = band * 0.6;
        const ext = scale(yr.external), dom = scale(yr.domestic);
        const base = height - bottom;
        out.push(`<rect${p('dom')} x="${x}" y="${base - dom}" width="${w}" height="${dom}"><title>${yr.year} domestic ${money(yr.domestic)}</title></rect>`);
        out.push(`<rect${p('ext')} x="${x}" y="${base - dom - ext}" width="${w}" height="${ext}"><title>${yr.year} external ${money(yr.external)}</title></rect>`);
        out.push(`<text${p('text')} x="${x + w / 2 - 14}" y="${height - 10}">${yr.year}</text>`);
        points.push(`${left + i * band + band / 2},${base - scale(yr.cost)}`);
    });
    out.push(`<polyline${p('cost')} points="${points.join(' ')}"/>`);
    points.forEach((pt, i) => { const [cx, cy] = pt.split(','); out.push(`<circle${p('costdot')} cx="${cx}" cy="${cy}" r="3"><title>${s.years[i].year} cost ${money(s.years[i].cost)}</title></circle>`); });
    out.push('</svg>');
    return out.join('');
}
