/**
 * The summary as Word and Excel (`ssr summary --format docx|xlsx`, in process), read back with
 * independent readers (test/support/documents.ts): the Word document's headings, tables, figures,
 * doc comments, title and page numbers; every figure of the workbook against `--format json`, its
 * formulas recomputed; hostile titles that stay text.
 * The PDF (which needs Chromium) is checked in export-browser.test.ts; the command's refusals and
 * exit codes in the unit suite (test/export-cli.test.ts).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { money } from '../../language/base/format.js';
import type { PlanSummary } from '../../language/summary/index.js';
import { SHEETS } from '../../language/export/xlsx.js';
import { ssr } from '../cli-helpers.js';
import { SPEC_EXAMPLES } from '../helpers.js';
import { HOSTILE, officeParts, partText, tablesOf, textOf, wordToHtml, workbookValues, xml } from '../support/documents.js';
import { evaluate } from '../support/formulas.js';

describe('summary as Word and Excel', function () {
    this.timeout(60000);
    let dir: string;
    let summary: PlanSummary;

    before(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-export-'));
        fs.copyFileSync(path.join(SPEC_EXAMPLES, 'northland.ssr'), path.join(dir, 'northland.ssr'));
        fs.writeFileSync(path.join(dir, 'hostile.ssr'), HOSTILE);
        const json = await ssr(['summary', 'northland.ssr', '--format', 'json'], dir);
        assert.equal(json.code, 0, json.stderr);
        summary = JSON.parse(json.stdout) as PlanSummary;
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    async function exported(file: string, format: string, env: Record<string, string> = {}, extra: string[] = []): Promise<Uint8Array> {
        const output = `${path.basename(file, '.ssr')}-${Object.values(env).join('') || 'x'}${extra.join('')}.${format}`;
        const result = await ssr(['summary', file, '--format', format, '--output', output, ...extra], dir, env);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stdout, '', 'nothing on standard output');
        return new Uint8Array(fs.readFileSync(path.join(dir, output)));
    }

    describe('Word (docx)', () => {
        let parts: Map<string, Uint8Array>;
        let html: string;

        before(async () => {
            const bytes = await exported('northland.ssr', 'docx', { LANG: 'de_DE.UTF-8' });
            parts = officeParts(bytes);
            ({ html } = await wordToHtml(bytes));
        });

        it('has the strategy title as document title and as its Title paragraph', () => {
            const core = xml(partText(parts, 'docProps/core.xml'))['cp:coreProperties'] as Record<string, unknown>;
            assert.equal(core['dc:title'], 'Northland Security Sector Reform Strategy');
            assert.match(html, /^<h1 class="title">Northland Security Sector Reform Strategy<\/h1>/);
        });

        it('has the summary sections as headings and an objective heading each', () => {
            const h1 = [...html.matchAll(/<h1>(.*?)<\/h1>/g)].map(m => textOf(m[1]));
            assert.deepEqual(h1, ['At a glance', 'Coverage', 'Timeline', 'Fiscal projection', 'Objectives', 'Findings']);
            const h2 = [...html.matchAll(/<h2>(.*?)<\/h2>/g)].map(m => textOf(m[1]));
            assert.deepEqual(h2, summary.objectives.map(o => `${o.name}${o.title ? ` — ${o.title}` : ''}`));
        });

        it('has the header, at-a-glance, coverage and fiscal tables with the summary\'s figures', () => {
            const tables = tablesOf(html);
            const header = tables[0];
            assert.deepEqual(header.slice(0, 3), [['Country', 'Northland'], ['Period', '2026–2032'], ['Currency', 'USD']]);
            const glance = tables[1];
            assert.deepEqual(glance.find(r => r[0] === 'Total cost'), ['Total cost', `USD ${money(summary.totals.cost)}`, '']);
            assert.deepEqual(glance.find(r => r[0] === 'Objectives')?.[1], String(summary.counts.objectives));
            const coverage = tables[2];
            assert.deepEqual(coverage[0], ['sector', 'political', 'institutional', 'economic', 'societal']);
            assert.ok(coverage.some(r => r[0] === 'policing' && r[2] === 'PoliceReform'));
            const fiscal = tables.find(t => t[0][0] === 'year');
            assert.ok(fiscal, 'the fiscal projection table');
            assert.deepEqual(fiscal[0], ['year', 'capital', 'recurrent', 'cost', 'external', 'domestic', 'gap', 'affordable']);
            summary.years.forEach((y, i) => assert.deepEqual(fiscal[i + 1],
                [String(y.year), ...[y.capital, y.recurrent, y.cost, y.external, y.domestic, y.gap, y.affordable ?? 0].map(money)], `year ${y.year}`));
            assert.deepEqual(fiscal[fiscal.length - 1].slice(0, 4), ['total', money(summary.totals.capital), money(summary.totals.recurrent), money(summary.totals.cost)]);
        });

        it('has the timeline and the funding chart as pictures: SVG with a PNG fallback', () => {
            const images = [...html.matchAll(/<img [^>]*src="data:([^;]+);base64,([^"]+)"[^>]*>/g)];
            assert.equal(images.length, 2, 'two pictures');
            for (const [tag, type, data] of images) {
                assert.equal(type, 'image/png', 'readers without SVG get the PNG');
                const png = Buffer.from(data, 'base64');
                assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
                assert.ok(png.readUInt32BE(16) > 800 && png.readUInt32BE(20) > 200, 'drawn at twice the chart size');
                assert.match(tag, /alt="(Timeline|External and domestic funding)/);
            }
            const media = [...parts.keys()].filter(name => name.startsWith('word/media/'));
            assert.equal(media.filter(name => name.endsWith('.svg')).length, 2);
            assert.equal(media.filter(name => name.endsWith('.png')).length, 2);
            const svg = partText(parts, media.find(name => name.endsWith('.svg'))!);
            assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"/);
            assert.match(partText(parts, 'word/document.xml'), /asvg:svgBlip/);
        });

        it('has doc comments as paragraphs and the findings', () => {
            assert.ok(summary.strategy.doc);
            assert.match(html, /<p><em>Agreed at the 2025 National Security Dialogue\. Replaces the interim<br \/>security arrangements/);
            assert.match(html, /No findings at error, warning or info severity\./);
        });

        it('numbers its pages in the footer and sizes them by locale or --paper', async () => {
            const footer = partText(parts, 'word/footer1.xml');
            assert.match(footer, /PAGE/);
            assert.match(footer, /NUMPAGES/);
            assert.match(partText(parts, 'word/document.xml'), /<w:pgSz w:w="11906" w:h="16838"/, 'A4 for de_DE');
            const us = officeParts(await exported('northland.ssr', 'docx', { LANG: 'en_US.UTF-8' }));
            assert.match(partText(us, 'word/document.xml'), /<w:pgSz w:w="12240" w:h="15840"/, 'Letter for en_US');
            const forced = officeParts(await exported('northland.ssr', 'docx', { LANG: 'en_US.UTF-8' }, ['--paper', 'a4']));
            assert.match(partText(forced, 'word/document.xml'), /<w:pgSz w:w="11906" w:h="16838"/, '--paper a4 wins');
        });

        it('keeps hostile titles as text: no fields, no links, no markup', async () => {
            const bytes = await exported('hostile.ssr', 'docx');
            const hostile = officeParts(bytes);
            const document = partText(hostile, 'word/document.xml');
            for (const part of ['word/document.xml', 'word/header1.xml']) {
                const text = partText(hostile, part);
                assert.doesNotMatch(text, /<w:fldSimple|<w:instrText|<w:fldChar|<w:hyperlink/, `${part} has no field or link`);
            }
            assert.doesNotMatch(partText(hostile, 'word/_rels/document.xml.rels'), /hyperlink/i);
            assert.match(document, /<w:t xml:space="preserve">=HYPERLINK\(&quot;http:\/\/evil\.example&quot;,&quot;x&quot;\) \{ PAGE \} &lt;w:fldSimple w:instr=&quot;HYPERLINK x&quot;\/&gt; &lt;\/w:t&gt;<\/w:t>/);
            const { html: text } = await wordToHtml(bytes);
            assert.ok(textOf(text).includes('<img src=x onerror=alert(1)> & { HYPERLINK "http://evil.example" }'));
            assert.match(text, /<p><em>Doc &lt;\/w:p&gt;&lt;w:hyperlink r:id="rId1"&gt; comment<br \/>on two lines<\/em><\/p>/, 'an objective\'s doc comment as a paragraph');
            assert.doesNotMatch(text, /<a |<script|<img src=x/);
        });
    });

    describe('Excel (xlsx)', () => {
        let bytes: Uint8Array;
        let parts: Map<string, Uint8Array>;
        let values: Awaited<ReturnType<typeof workbookValues>>;
        const near = (actual: unknown, expected: number, what: string) => {
            assert.equal(typeof actual, 'number', `${what} is a number (${String(actual)})`);
            assert.ok(Math.abs((actual as number) - expected) < 0.005, `${what}: ${String(actual)} ≠ ${expected}`);
        };

        before(async () => {
            bytes = await exported('northland.ssr', 'xlsx');
            parts = officeParts(bytes);
            values = await workbookValues(bytes);
        });

        it('has one sheet per fiscal table, revenue and affordability with a fiscal block', () => {
            assert.deepEqual([...values.keys()], Object.values(SHEETS));
        });

        it('has every figure of the projection as in the JSON summary', () => {
            const rows = values.get(SHEETS.projection)!;
            assert.deepEqual(rows[0], ['Year', 'Capital', 'Recurrent', 'Cost', 'External', 'Domestic', 'Total funding', 'Gap']);
            summary.years.forEach((y, i) => {
                const row = rows[i + 1];
                assert.equal(row[0], y.year);
                [y.capital, y.recurrent, y.cost, y.external, y.domestic, y.external + y.domestic, y.gap].forEach((v, k) => near(row[k + 1], v, `${y.year} ${String(rows[0][k + 1])}`));
            });
            const total = rows[summary.years.length + 1];
            assert.equal(total[0], 'Total');
            const t = summary.totals;
            [t.capital, t.recurrent, t.cost, t.external, t.domestic, t.external + t.domestic, t.gap].forEach((v, k) => near(total[k + 1], v, `total ${String(rows[0][k + 1])}`));
        });

        it('has cost, funding and gap per objective and year as in the JSON summary', () => {
            for (const [sheet, key, total] of [[SHEETS.cost, 'cost', 'cost'], [SHEETS.funding, 'funded', 'funded'], [SHEETS.gap, 'gap', 'gap']] as const) {
                const rows = values.get(sheet)!;
                assert.deepEqual(rows[0], ['Objective', 'Title', ...summary.years.map(y => String(y.year)), 'Total']);
                summary.objectives.forEach((o, k) => {
                    const row = rows[k + 1];
                    assert.equal(row[0], o.name);
                    o.years.forEach((y, i) => near(row[i + 2], y[key], `${sheet} ${o.name} ${y.year}`));
                    near(row[o.years.length + 2], o[total], `${sheet} ${o.name} total`);
                });
                const totals = rows[summary.objectives.length + 1];
                assert.equal(totals[0], 'Total');
                if (key !== 'funded') summary.years.forEach((y, i) => near(totals[i + 2], y[key], `${sheet} total ${y.year}`));
            }
        });

        it('has the funding lines with external and domestic subtotals as in the JSON summary', () => {
            const rows = values.get(SHEETS.sources)!;
            summary.fundingLines.forEach((l, k) => {
                assert.deepEqual(rows[k + 1].slice(0, 5), [l.name, l.title ?? null, l.from ?? null, l.instrument ?? null, l.source]);
                l.years.forEach((y, i) => near(rows[k + 1][i + 5], y.amount, `${l.name} ${y.year}`));
                near(rows[k + 1][l.years.length + 5], l.total, `${l.name} total`);
            });
            const external = rows.find(r => r[0] === 'External')!, domestic = rows.find(r => r[0] === 'Domestic')!;
            summary.years.forEach((y, i) => { near(external[i + 5], y.external, `external ${y.year}`); near(domestic[i + 5], y.domestic, `domestic ${y.year}`); });
        });

        it('has revenue and the affordable ceiling per year', () => {
            const rows = values.get(SHEETS.revenue)!;
            summary.years.forEach((y, i) => {
                near(rows[i + 1][1], y.revenue!, `revenue ${y.year}`);
                near(rows[i + 1][2], y.affordable!, `affordable ${y.year}`);
                near(rows[i + 1][5], y.affordable! - y.domestic, `headroom ${y.year}`);
            });
        });

        it('writes totals as formulas that recompute to the cached figures', () => {
            const workbook = partText(parts, 'xl/workbook.xml');
            const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map(m => m[1].replace(/&amp;/g, '&'));
            let formulas = 0;
            names.forEach((name, i) => {
                const sheet = partText(parts, `xl/worksheets/sheet${i + 1}.xml`);
                for (const cell of sheet.matchAll(/<c r="([A-Z]+)(\d+)"[^>]*>(?:<f>([^<]+)<\/f>)?/g)) {
                    if (!cell[3]) continue;
                    formulas++;
                    const col = [...cell[1]].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
                    const cached = values.get(name)![Number(cell[2]) - 1][col - 1];
                    const formula = cell[3].replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&apos;/g, "'");
                    near(evaluate(formula, name, values), cached as number, `${name}!${cell[1]}${cell[2]} = ${formula}`);
                }
                if (name !== SHEETS.overview) assert.match(sheet, /<pane [^>]*state="frozen"/, `${name} freezes its header row`);
            });
            assert.ok(formulas > 100, `${formulas} formulas`);
            assert.match(partText(parts, 'xl/worksheets/sheet3.xml'), /<f>SUM\(C2:C10\)<\/f>/, 'a column total');
            assert.match(partText(parts, 'xl/worksheets/sheet5.xml'), /<f>MAX\(0,&apos;Cost by objective&apos;!C2-&apos;Funding by objective&apos;!C2\)<\/f>/, 'a gap');
            assert.match(partText(parts, 'xl/styles.xml'), /formatCode="&quot;USD &quot;#,##0\.00;\[Red\]-&quot;USD &quot;#,##0\.00"/, 'the currency format (with cents: the revenue has them)');
            assert.match(partText(parts, 'xl/workbook.xml'), /fullCalcOnLoad="1"/, 'Excel recalculates on opening');
        });

        it('keeps hostile titles as text, never formulas', async () => {
            const hostile = await exported('hostile.ssr', 'xlsx');
            const sheets = await workbookValues(hostile);
            assert.equal(sheets.get(SHEETS.overview)![0][0], '=HYPERLINK("http://evil.example","x") { PAGE } <w:fldSimple w:instr="HYPERLINK x"/> </w:t>');
            assert.equal(sheets.get(SHEETS.cost)![1][1], "@cmd|' /C calc'!A0");
            const hostileParts = officeParts(hostile);
            assert.match(partText(hostileParts, 'xl/worksheets/sheet1.xml'), /<c r="A1" s="\d+" t="s"><v>\d+<\/v><\/c>/, 'the title is a shared string, not a formula');
            assert.doesNotMatch(partText(hostileParts, 'xl/worksheets/sheet1.xml') + partText(hostileParts, 'xl/worksheets/sheet3.xml'), /<f>[^<]*(HYPERLINK|cmd|SUM\(1)/);
            assert.equal(sheets.has(SHEETS.revenue), false, 'no fiscal block, no revenue sheet');
        });
    });
});
