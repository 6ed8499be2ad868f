/**
 * The summary as PDF (`ssr summary --format pdf`, in process), printed by the Chromium the export
 * finds at run time and read back with pdf.js in Chromium (test/support/pdf-reader.ts): page size
 * by locale, header and footer, the sections and figures as text, charts as vector paths, no links,
 * hostile titles as text. Page 1 of each PDF and the Word export (as mammoth's HTML) are saved
 * under test-output/export/ to look at.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { money } from '../../language/base/format.js';
import type { PlanSummary } from '../../language/summary/index.js';
import { ChromiumMissing, findChromium } from '../browser.js';
import { ssr } from '../cli-helpers.js';
import { ROOT, SPEC_EXAMPLES } from '../helpers.js';
import { wordToHtml } from '../support/documents.js';
import { openPdfReader, type PdfReading } from '../support/pdf-reader.js';
import { HOSTILE } from '../support/documents.js';

const OUTPUT = path.join(ROOT, 'test-output', 'export');
const A4 = [595.4, 841.7], LETTER = [612, 792];

describe('summary as PDF, read with pdf.js in Chromium', function () {
    this.timeout(120000);
    let browser: Browser;
    let read: (pdf: Uint8Array) => Promise<PdfReading>;
    let dir: string;
    let env: Record<string, string | undefined>;
    let summary: PlanSummary;

    before(async function () {
        let found;
        try {
            found = await findChromium();
        } catch (error) {
            if (!(error instanceof ChromiumMissing)) throw error;
            console.warn(`    SKIPPED summary as PDF: ${error.message}`);
            this.skip();
        }
        // The export finds its browser itself (on Linux x64 the same npm Chromium); elsewhere it is told which.
        env = { CHROMIUM_PATH: process.platform === 'linux' && process.arch === 'x64' ? undefined : found.executablePath };
        browser = await chromium.launch({ executablePath: found.executablePath, args: found.args, env: { ...process.env, ...found.env }, headless: true });
        read = await openPdfReader(browser);
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-pdf-'));
        fs.copyFileSync(path.join(SPEC_EXAMPLES, 'northland.ssr'), path.join(dir, 'northland.ssr'));
        fs.writeFileSync(path.join(dir, 'hostile.ssr'), HOSTILE);
        summary = JSON.parse((await ssr(['summary', 'northland.ssr', '--format', 'json'], dir)).stdout) as PlanSummary;
        fs.mkdirSync(OUTPUT, { recursive: true });
    });

    after(async () => {
        await browser?.close();
        if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    async function pdfOf(file: string, lang: string): Promise<PdfReading> {
        const output = `${path.basename(file, '.ssr')}-${lang}.pdf`;
        const result = await ssr(['summary', file, '--format', 'pdf', '--output', output], dir, { ...env, LANG: lang });
        assert.equal(result.code, 0, result.stderr);
        const bytes = fs.readFileSync(path.join(dir, output));
        assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
        return read(new Uint8Array(bytes));
    }

    it('prints northland on A4 with header, footer, sections, figures and vector charts', async () => {
        const pdf = await pdfOf('northland.ssr', 'de_DE.UTF-8');
        fs.writeFileSync(path.join(OUTPUT, 'northland-pdf-page1.png'), pdf.page1Png);
        assert.equal(pdf.title, 'Northland Security Sector Reform Strategy — plan summary');
        assert.ok(pdf.pages.length >= 3, `${pdf.pages.length} pages`);
        for (const [i, page] of pdf.pages.entries()) {
            assert.ok(Math.abs(page.width - A4[0]) < 1.5 && Math.abs(page.height - A4[1]) < 1.5, `page ${i + 1} is A4: ${page.width} × ${page.height} pt`);
            assert.ok(page.text.includes('Northland Security Sector Reform Strategy — plan summary'), `page ${i + 1} has the title in its header`);
            assert.ok(page.text.includes(`Page ${i + 1} of ${pdf.pages.length}`), `page ${i + 1} is numbered`);
            assert.equal(page.links, 0, `page ${i + 1} has no link`);
            assert.equal(page.images, 0, `page ${i + 1} has no raster image`);
        }
        const text = pdf.pages.map(p => p.text).join('\n');
        for (const heading of ['At a glance', 'Coverage', 'Timeline', 'Fiscal projection', 'Objectives', 'Findings']) assert.ok(text.includes(heading), heading);
        assert.ok(text.includes(`USD ${money(summary.totals.cost)}`), 'the total cost');
        for (const y of summary.years) assert.ok(text.includes(money(y.cost)), `the cost of ${y.year}`);
        const charts = pdf.pages.filter(p => p.text.includes('Timeline') || p.text.includes('Fiscal projection'));
        assert.ok(charts.some(p => p.paths > 40), 'the charts are drawn as paths');
    });

    it('prints on Letter where the locale uses it', async () => {
        const pdf = await pdfOf('northland.ssr', 'en_US.UTF-8');
        assert.ok(Math.abs(pdf.pages[0].width - LETTER[0]) < 1.5 && Math.abs(pdf.pages[0].height - LETTER[1]) < 1.5, `Letter: ${pdf.pages[0].width} × ${pdf.pages[0].height} pt`);
    });

    it('prints hostile titles as text, with no link and no script run', async () => {
        const pdf = await pdfOf('hostile.ssr', 'de_DE.UTF-8');
        fs.writeFileSync(path.join(OUTPUT, 'hostile-pdf-page1.png'), pdf.page1Png);
        const text = pdf.pages.map(p => p.text).join('\n').replace(/\s+/g, ' ');
        assert.ok(text.includes('=HYPERLINK("http://evil.example","x") { PAGE } <w:fldSimple w:instr="HYPERLINK x"/> </w:t>'), 'the title as text');
        assert.ok(text.includes('<img src=x onerror=alert(1)> & { HYPERLINK "http://evil.example" }'), 'the country as text');
        assert.ok(text.includes('<script>alert(3)</script>'), 'an activity title as text');
        assert.ok(pdf.pages.every(p => p.links === 0 && p.images === 0), 'no link, no image');
    });

    it('shows the Word export as a reader converts it (screenshot under test-output/export/)', async () => {
        const result = await ssr(['summary', 'northland.ssr', '--format', 'docx', '--output', 'northland.docx'], dir, { LANG: 'de_DE.UTF-8' });
        assert.equal(result.code, 0, result.stderr);
        const { html } = await wordToHtml(new Uint8Array(fs.readFileSync(path.join(dir, 'northland.docx'))));
        const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
        await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{font:14px sans-serif;margin:24px} table{border-collapse:collapse} td,th{border:1px solid #ccc;padding:2px 6px} img{max-width:100%}</style></head><body>${html}</body></html>`);
        assert.equal(await page.locator('img').count(), 2);
        const sizes = await page.locator('img').evaluateAll(images => images.map(i => (i as unknown as { naturalWidth: number }).naturalWidth));
        assert.ok(sizes.every(w => w > 800), 'the PNG fallbacks decode');
        await page.screenshot({ path: path.join(OUTPUT, 'northland-docx.png'), fullPage: true });
        await page.close();
    });
});
