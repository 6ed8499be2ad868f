/**
 * The plan summary as a Word document (.docx), written with the `docx` library: the strategy's
 * title as the document's title (and its properties' title), the summary's sections as headings,
 * its tables as Word tables, the timeline and funding chart as pictures (SVG, with a PNG for word
 * processors without SVG), doc comments as paragraphs, and page numbers in the footer. Every text
 * from the strategy goes into text runs: a title that looks like a field code or a link stays text.
 */
import {
    AlignmentType, BorderStyle, Document, Footer, Header, HeadingLevel, ImageRun, Packer, PageNumber, Paragraph, ShadingType,
    Table, TableCell, TableRow, TextRun, WidthType, type ParagraphChild,
} from 'docx';
import { DIMENSIONS } from '../base/taxonomy.js';
import { formatMoney, money, plural } from '../base/format.js';
import { activityFacts, fundingSvg, headerRows, sectorRows, timelineSvg, type PlanSummary } from '../summary/index.js';
import { PAPER_SIZES, type Paper } from './paper.js';
import { svgToPng } from './raster.js';
import { benchmarkRange, paragraphsOf, titleOf } from './summary-text.js';

export interface DocxOptions {
    paper: Paper;
}

const MUTED = '59636E';
const WARN = '9A6700';
const HEADER_FILL = 'EEF1F4';
const SEVERITY_COLOUR: Record<string, string> = { error: 'CF222E', warning: '9A6700', info: '0969DA' };

/** Text that XML 1.0 can carry (a strategy may hold any character a file can). */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const clean = (text: string): string => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

const run = (text: string, options: { bold?: boolean; italics?: boolean; color?: string; size?: number } = {}) => new TextRun({ text: clean(text), ...options });

function para(children: string | ParagraphChild[], options: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; align?: 'left' | 'right' | 'center'; keepNext?: boolean; spacingAfter?: number } = {}): Paragraph {
    return new Paragraph({
        children: typeof children === 'string' ? [run(children)] : children,
        heading: options.heading,
        alignment: options.align === 'right' ? AlignmentType.RIGHT : options.align === 'center' ? AlignmentType.CENTER : undefined,
        keepNext: options.keepNext,
        spacing: options.spacingAfter !== undefined ? { after: options.spacingAfter } : undefined,
    });
}

interface Cell { text: string | ParagraphChild[]; align?: 'left' | 'right'; bold?: boolean; header?: boolean }

const cellOf = (c: Cell | string): Cell => typeof c === 'string' ? { text: c } : c;

/** A table with a repeated, shaded header row (none when `header` is undefined); numbers right-aligned. */
function table(header: (Cell | string)[] | undefined, rows: (Cell | string)[][], widths?: number[]): Table {
    const row = (cells: (Cell | string)[], isHeader: boolean) => new TableRow({
        // Only header rows say so: some readers take any tblHeader element, even w:val="off", for a header.
        ...(isHeader ? { tableHeader: true } : {}),
        cantSplit: true,
        children: cells.map(cellOf).map((c, i) => new TableCell({
            children: [para(typeof c.text === 'string' ? [run(c.text, { bold: isHeader || c.bold || c.header })] : c.text, { align: c.align })],
            shading: isHeader || c.header ? { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } : undefined,
            width: widths ? { size: widths[i], type: WidthType.PERCENTAGE } : undefined,
            margins: { top: 40, bottom: 40, left: 90, right: 90 },
        })),
    });
    const border = { style: BorderStyle.SINGLE, size: 4, color: 'D1D9E0' };
    return new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
        rows: [...(header ? [row(header, true)] : []), ...rows.map(r => row(r, false))],
    });
}

const num = (value: string): Cell => ({ text: value, align: 'right' });

/** A chart as a picture: the SVG, with its PNG rendering as the fallback; `maxWidth` in pixels at 96 dpi. */
async function chart(svg: string, description: string, maxWidth: number): Promise<Paragraph> {
    const [width, height] = (/viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg) ?? ['', '600', '200']).slice(1).map(Number);
    const scale = Math.min(1, maxWidth / width);
    return new Paragraph({
        keepLines: true,
        children: [new ImageRun({
            type: 'svg',
            data: new TextEncoder().encode(svg),
            fallback: { type: 'png', data: await svgToPng(svg) },
            transformation: { width: Math.round(width * scale), height: Math.round(height * scale) },
            altText: { name: description, title: description, description },
        })],
    });
}

function docParagraphs(text: string | undefined): Paragraph[] {
    if (!text) return [];
    return paragraphsOf(text).map(lines => new Paragraph({
        children: lines.map((line, i) => new TextRun({ text: clean(line.trim()), break: i > 0 ? 1 : undefined, italics: true, color: MUTED })),
        indent: { left: 360 },
    }));
}

export async function renderDocx(s: PlanSummary, options: DocxOptions): Promise<Uint8Array> {
    const cur = s.strategy.currency;
    const title = titleOf(s);
    const size = PAPER_SIZES[options.paper];
    const margin = 1080; // 0.75 in
    const contentWidthPx = Math.floor(((size.twipWidth - 2 * margin) / 1440) * 96);
    const body: (Paragraph | Table)[] = [];

    body.push(para(title, { heading: HeadingLevel.TITLE }));
    body.push(para([run('Plan summary', { color: MUTED })]));
    body.push(table(undefined, headerRows(s).map(([k, v]) => [{ text: k, header: true }, v]), [25, 75]));
    for (const paragraph of docParagraphs(s.strategy.doc)) body.push(paragraph);

    const f = s.counts.findings;
    const categories = Object.entries(s.counts.actorsByCategory).map(([c, n]) => `${n} ${c}`).join(', ');
    body.push(para('At a glance', { heading: HeadingLevel.HEADING_1, keepNext: true }));
    body.push(table(undefined, [
        [{ text: 'Actors', header: true }, num(String(s.counts.actors)), categories],
        [{ text: 'Objectives', header: true }, num(String(s.counts.objectives)), ''],
        [{ text: 'Activities', header: true }, num(String(s.counts.activities)), ''],
        [{ text: 'Benchmarks', header: true }, num(String(s.counts.benchmarks)), ''],
        [{ text: 'Total cost', header: true }, num(formatMoney(s.totals.cost, cur)), ''],
        [{ text: 'External funding', header: true }, num(formatMoney(s.totals.external, cur)), ''],
        [{ text: 'Domestic funding', header: true }, num(formatMoney(s.totals.domestic, cur)), ''],
        [{ text: 'Funding gap', header: true }, num(formatMoney(s.totals.gap, cur)), ''],
        [{ text: 'Findings', header: true }, num(String(f.error + f.warning + f.info)),
            `${plural(f.error, 'error')}, ${plural(f.warning, 'warning')}, ${plural(f.info, 'info')}${f.suppressed ? `, ${f.suppressed} suppressed` : ''}`],
    ], [25, 30, 45]));

    body.push(para('Coverage', { heading: HeadingLevel.HEADING_1, keepNext: true }));
    body.push(table(['sector', ...DIMENSIONS], sectorRows(s).map(sector => {
        const missing = s.missing.sectors.includes(sector);
        return [
            { text: [run(sector, { bold: true, color: missing ? WARN : undefined }), ...(missing ? [run(' (missing)', { color: WARN })] : [])], header: true },
            ...DIMENSIONS.map(d => (s.coverage[sector]?.[d] ?? []).join(', ')),
        ];
    })));
    if (s.missing.dimensions.length > 0) body.push(para([run(`Missing dimensions: ${s.missing.dimensions.join(', ')}.`, { bold: true, color: WARN })]));

    body.push(para('Timeline', { heading: HeadingLevel.HEADING_1, keepNext: true }));
    const timeline = timelineSvg(s, 'standalone');
    body.push(timeline ? await chart(timeline, 'Timeline: phases and objectives by year', contentWidthPx) : para([run('No dated phases or objectives yet.', { color: MUTED })]));

    body.push(para('Fiscal projection', { heading: HeadingLevel.HEADING_1, keepNext: true }));
    if (s.years.length > 0) {
        const withCeiling = s.years.some(y => y.affordable !== undefined);
        const columns = ['year', 'capital', 'recurrent', 'cost', 'external', 'domestic', 'gap', ...(withCeiling ? ['affordable'] : [])];
        const rows: Cell[][] = s.years.map(y => [num(String(y.year)), ...[y.capital, y.recurrent, y.cost, y.external, y.domestic, y.gap].map(v => num(money(v))),
            ...(withCeiling ? [num(y.affordable === undefined ? '—' : money(y.affordable))] : [])]);
        const t = s.totals;
        rows.push([{ text: 'total', align: 'right', header: true }, ...[t.capital, t.recurrent, t.cost, t.external, t.domestic, t.gap].map(v => ({ ...num(money(v)), header: true })),
            ...(withCeiling ? [{ text: '', header: true }] : [])]);
        body.push(para([run(`Amounts in ${cur ?? 'the strategy\'s currency'}.`, { color: MUTED })], { keepNext: true }));
        body.push(table(columns.map(c => ({ text: c, align: 'right' as const })), rows));
        const funding = fundingSvg(s, 'standalone');
        if (funding) body.push(await chart(funding, 'External and domestic funding against cost, by year', contentWidthPx));
        body.push(para([run('Bars: ', { color: MUTED }), run('external', { color: '8250DF', bold: true }), run(' and ', { color: MUTED }), run('domestic', { color: '1A7F37', bold: true }),
            run(' funding; line: ', { color: MUTED }), run('cost', { color: 'CF222E', bold: true }), run(` (${cur ?? ''}).`, { color: MUTED })]));
    } else {
        body.push(para([run('No period yet: the projection needs a period (period from … to …).', { color: MUTED })]));
    }

    body.push(para('Objectives', { heading: HeadingLevel.HEADING_1, keepNext: true }));
    for (const o of s.objectives) {
        body.push(para(`${o.name}${o.title ? ` — ${o.title}` : ''}`, { heading: HeadingLevel.HEADING_2, keepNext: true }));
        for (const paragraph of docParagraphs(o.doc)) body.push(paragraph);
        const { leads, surplus } = o;
        const facts: [string, string][] = [
            ['Sector', `${o.sector ?? '—'}; dimensions ${o.dimensions.join(', ') || '—'}; levels ${o.levels.join(', ') || '—'}`],
            [leads.length > 1 ? 'Joint lead' : 'Lead', `${leads.join(', ') || '—'}${o.partners.length ? `; partners ${o.partners.join(', ')}` : ''}`],
            ['Phases', `${o.phases.join(', ') || '—'}${o.start ? ` (${o.start} to ${o.end ?? ''})` : ''}`],
            ['Money', `cost ${formatMoney(o.cost, cur)}, funded ${formatMoney(o.funded, cur)}, gap ${formatMoney(o.gap, cur)}${surplus ? `, surplus ${formatMoney(surplus, cur)}` : ''}`],
        ];
        body.push(table(undefined, facts.map(([k, v]) => [{ text: k, header: true }, v]), [25, 75]));
        if (o.activities.length > 0) {
            body.push(para([run('Activities', { bold: true })], { keepNext: true }));
            o.activities.forEach((a, i) => body.push(new Paragraph({
                indent: { left: 360, hanging: 360 },
                children: [run(`${i + 1}.\t`), run(a.name, { bold: true }), run(a.title ? ` — ${a.title}` : ''), run(` (${activityFacts(a).join(', ')})`, { color: MUTED })],
            })));
        }
        const benchmarks = s.benchmarks.filter(b => o.benchmarks.includes(b.name));
        if (benchmarks.length > 0) {
            body.push(para([run('Benchmarks', { bold: true })], { keepNext: true }));
            for (const b of benchmarks) {
                body.push(new Paragraph({
                    indent: { left: 360, hanging: 360 },
                    children: [run('•\t'), run(b.name, { bold: true }), run(b.title ? ` — ${b.title}` : ''), run(`: ${benchmarkRange(b)}${b.type ? `, ${b.type}` : ''}`)],
                }));
            }
        }
    }

    body.push(para('Findings', { heading: HeadingLevel.HEADING_1, keepNext: true }));
    if (s.findings.length === 0) {
        body.push(para('No findings at error, warning or info severity.'));
    } else {
        for (const family of [...new Set(s.findings.map(x => x.ruleId.split('/')[0]))].sort()) {
            body.push(para(family, { heading: HeadingLevel.HEADING_2, keepNext: true }));
            body.push(table(['severity', 'rule', 'where', 'message'], s.findings.filter(x => x.ruleId.startsWith(family + '/')).map(x => [
                { text: [run(x.severity, { bold: true, color: SEVERITY_COLOUR[x.severity] })] }, x.ruleId, `${x.file}:${x.line}:${x.column}`, x.message,
            ]), [12, 22, 18, 48]));
        }
    }

    const document = new Document({
        title: clean(title),
        subject: 'Plan summary',
        description: clean(`Plan summary of ${title}${s.strategy.country ? ` (${s.strategy.country})` : ''}`),
        creator: 'SSR Strategy Language',
        styles: { default: { document: { run: { font: 'Calibri', size: 21 } } } },
        sections: [{
            properties: { page: { size: { width: size.twipWidth, height: size.twipHeight }, margin: { top: margin, bottom: margin, left: margin, right: margin, header: 540, footer: 540 } } },
            headers: { default: new Header({ children: [para([run(title, { color: MUTED, size: 16 })])] }) },
            footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], color: MUTED, size: 16 })] })] }) },
            children: body,
        }],
    });
    return new Uint8Array(await Packer.toBuffer(document));
}
