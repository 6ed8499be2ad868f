/**
 * The HTML summary and the Markdown summary's Mermaid blocks in a real browser: headless Chromium
 * driven by playwright-core. `browser.ts` decides which Chromium (on Linux x64 the one npm installs).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser } from 'playwright-core';
import { renderHtml, renderMarkdown } from '../../language/summary/index.js';
import { ChromiumMissing, findChromium, type ChromiumLaunch } from '../browser.js';
import { ROOT, SPEC_EXAMPLES } from '../helpers.js';
import { isPending } from '../pending-examples.js';
import { XSS_STRATEGY, summaryOf } from '../summary-helpers.js';

const OUTPUT = path.join(ROOT, 'test-output', 'summary');

describe('plan summary in Chromium', function () {
    this.timeout(60000);
    let browser: Browser;

    before(async function () {
        let found: ChromiumLaunch;
        try {
            found = await findChromium();
        } catch (error) {
            // Only outside Linux x64, where npm ships no Chromium: say what is missing, never pass silently.
            if (!(error instanceof ChromiumMissing)) throw error;
            console.warn(`    SKIPPED plan summary in Chromium: ${error.message}`);
            this.skip();
        }
        console.log(`    (Chromium: ${found.source})`);
        browser = await chromium.launch({ executablePath: found.executablePath, args: found.args, env: { ...process.env, ...found.env }, headless: true });
        fs.mkdirSync(OUTPUT, { recursive: true });
    });

    after(async () => {
        await browser?.close();
    });

    it('shows markup in titles as text and opens no dialog', async () => {
        const summary = await summaryOf('/tmp/ssr-xss-browser.ssr', XSS_STRATEGY);
        const page = await browser.newPage();
        const dialogs: string[] = [];
        page.on('dialog', dialog => { dialogs.push(dialog.message()); void dialog.dismiss(); });
        const requests: string[] = [];
        page.on('request', request => { if (!request.url().startsWith('data:') && request.url() !== 'about:blank') requests.push(request.url()); });
        await page.setContent(renderHtml(summary), { waitUntil: 'load' });
        const text = await page.locator('body').innerText();
        assert.ok(text.includes('<img src=x onerror=alert(1)>'), 'the strategy title shows literally');
        assert.ok(text.includes('</script><script>alert(1)</script>'), 'the country shows literally');
        assert.equal(await page.locator('img').count(), 0, 'no image element was created');
        assert.deepEqual(dialogs, [], 'no dialog opened');
        assert.deepEqual(requests, [], 'no network request');
        await page.screenshot({ path: path.join(OUTPUT, 'xss-summary.png'), fullPage: true });
        await page.close();
    });

    it('renders the northland summary (screenshot under test-output/summary/)', async () => {
        const summary = await summaryOf(path.join(SPEC_EXAMPLES, 'northland.ssr'));
        const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
        await page.setContent(renderHtml(summary), { waitUntil: 'load' });
        assert.equal(await page.locator('svg').count(), 2, 'timeline and funding charts');
        assert.ok((await page.locator('h1').innerText()).includes('Northland'));
        await page.screenshot({ path: path.join(OUTPUT, 'northland-summary.png'), fullPage: true });
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.screenshot({ path: path.join(OUTPUT, 'northland-summary-dark.png'), fullPage: false });
        await page.close();
    });

    it('renders every Mermaid block of every example summary without error', async () => {
        const require = createRequire(import.meta.url);
        const mermaidPath = require.resolve('mermaid/dist/mermaid.min.js');
        const page = await browser.newPage();
        await page.setContent('<!DOCTYPE html><html><body><div id="out"></div></body></html>');
        await page.addScriptTag({ path: mermaidPath });
        await page.evaluate(() => (globalThis as unknown as { mermaid: { initialize(o: object): void } }).mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
        let blocks = 0;
        for (const example of fs.readdirSync(SPEC_EXAMPLES).filter(f => f.endsWith('.ssr') && !isPending(f))) {
            const markdown = renderMarkdown(await summaryOf(path.join(SPEC_EXAMPLES, example)));
            for (const match of markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)) {
                blocks++;
                const result = await page.evaluate(async ({ code, id }) => {
                    const mermaid = (globalThis as unknown as { mermaid: { render(id: string, code: string): Promise<{ svg: string }> } }).mermaid;
                    try {
                        const { svg } = await mermaid.render(id, code);
                        return { ok: svg.includes('<svg'), error: '' };
                    } catch (error) {
                        return { ok: false, error: String((error as Error).message ?? error) };
                    }
                }, { code: match[1], id: `m${blocks}` });
                assert.ok(result.ok, `${example}: Mermaid block ${blocks} failed: ${result.error}\n${match[1]}`);
            }
        }
        // Pending examples are left out, so the count follows the spec; northland alone has two (timeline, funding).
        assert.ok(blocks >= 2, `expected Mermaid blocks, found ${blocks}`);
        await page.close();
    });
});
