#!/usr/bin/env node
// Takes the walkthrough's pictures from the real extension: installs the packaged .vsix into a
// private code-server, drives the workbench in the npm Chromium through the walkthrough's steps as
// an author would (the command palette, the questions of "SSR: New Strategy…", the save dialog of
// the export), and saves a picture of each step into docs/walkthrough/, plus the walkthrough page
// and page 1 of the exported PDF into docs/images/ for the README. Run it after a change that
// shows (`npm run media`); review and commit the pictures. Leaves nothing else behind.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium } from '../../out/test/browser.js';
import { openPdfReader } from '../../out/test/support/pdf-reader.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const CACHE = process.env.SSR_E2E_CACHE || path.join(ROOT, '.cache', 'e2e');
const NODE = path.join(CACHE, 'node24', 'bin', 'node');
const CODE_SERVER = path.join(CACHE, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const VSIX = path.join(ROOT, 'dist', 'ssr-strategy.vsix');
const STEPS = path.join(ROOT, 'docs', 'walkthrough');
const IMAGES = path.join(ROOT, 'docs', 'images');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-media-'));
let server;
let browser;
const deadline = setTimeout(() => { console.error('media: timed out'); void cleanup(1); }, 420000);
async function cleanup(code) {
    clearTimeout(deadline);
    try { if (browser) await browser.close(); } catch { /* closed */ }
    if (server && server.exitCode === null) { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ } }
    fs.rmSync(tmp, { recursive: true, force: true });
    process.exit(code);
}

/** Waits until `probe` holds (no fixed sleeps). */
async function until(probe, what, timeoutMs = 60000) {
    const end = Date.now() + timeoutMs;
    for (;;) {
        const value = await probe();
        if (value) return value;
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
        await new Promise(resolve => setTimeout(resolve, 150));
    }
}

try {
    for (const [what, file] of [['code-server', CODE_SERVER], ['the packaged extension (npm run package)', VSIX]]) {
        if (!fs.existsSync(file)) throw new Error(`${what} not found at ${file}`);
    }
    // The installed extension prints PDFs with the npm Chromium the tests use (a user's has Chrome or Edge).
    const found = await findChromium();
    const env = { ...process.env, ...found.env, CHROMIUM_PATH: found.executablePath,
        XDG_DATA_HOME: path.join(tmp, 'xdg-data'), XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'), TMPDIR: tmp };
    const common = ['--user-data-dir', path.join(tmp, 'user-data'), '--extensions-dir', path.join(tmp, 'extensions')];
    const install = spawnSync(NODE, [CODE_SERVER, ...common, '--install-extension', VSIX], { env, encoding: 'utf8' });
    if (install.status !== 0) throw new Error(`installing the .vsix failed: ${install.stderr || install.stdout}`);
    const workspace = path.join(tmp, 'Strategies');
    fs.mkdirSync(path.join(workspace, 'lib'), { recursive: true });
    fs.writeFileSync(path.join(workspace, 'lib', 'donor-actors.ssr'), 'library "Donor actors"\n\nactor EU "European Union" { kind donor }\n');
    fs.mkdirSync(path.join(tmp, 'user-data', 'User'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'user-data', 'User', 'settings.json'), JSON.stringify({
        'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off', 'chat.disableAIFeatures': true,
        'workbench.colorTheme': 'Default Light Modern', 'editor.minimap.enabled': false, 'workbench.tips.enabled': false, 'editor.fontSize': 13,
        'breadcrumbs.enabled': false, 'workbench.layoutControl.enabled': false, 'window.commandCenter': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden', 'chat.commandCenter.enabled': false,
    }));
    fs.writeFileSync(path.join(tmp, 'config.yaml'), 'bind-addr: 127.0.0.1:0\nauth: none\n');
    server = spawn(NODE, [CODE_SERVER, '--config', path.join(tmp, 'config.yaml'), ...common, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override'], { detached: true, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const host = await new Promise((resolve, reject) => {
        server.stdout.on('data', d => { const m = /HTTP server listening on http:\/\/([^/\s]+)\//.exec(String(d)); if (m) resolve(m[1]); });
        server.on('exit', c => reject(new Error(`code-server exited with ${c}`)));
    });
    browser = await chromium.launch({ executablePath: found.executablePath, args: found.args, env: { ...process.env, ...found.env }, headless: true });
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(`http://${host}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.monaco-workbench', { timeout: 90000 });
    await page.waitForSelector('.activitybar', { timeout: 90000 });

    const quickInput = page.locator('.quick-input-widget');
    /** Runs a palette command by its title (the palette lists the extension's commands once the workbench has read them). */
    async function palette(title) {
        const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
        await until(async () => {
            await page.keyboard.press('F1');
            await quickInput.waitFor({ state: 'visible' });
            await page.keyboard.type(title);
            if (await row.waitFor({ timeout: 3000 }).then(() => true, () => false)) return true;
            await page.keyboard.press('Escape');
            return false;
        }, `the command ${title}`, 90000);
        await page.keyboard.press('Enter');
    }
    /** Answers one question of a quick input whose title or prompt includes `title`. */
    async function answer(title, text) {
        await until(async () => (await quickInput.isVisible()) && (await quickInput.innerText()).includes(title), `the question '${title}'`);
        const input = quickInput.locator('input').first();
        if (text) await input.fill(text);
        await until(async () => !text || (await input.inputValue()) === text, `'${text}' typed`);
        await input.press('Enter');
        await until(async () => !(await quickInput.isVisible()) || !(await quickInput.innerText()).includes(title), `the question '${title}' answered`);
    }
    const shot = async (file, options = {}) => {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        await page.screenshot({ path: file, ...options });
        console.log(`media: ${path.relative(ROOT, file)}`);
    };
    // The lines in view (Monaco renders only those, and spaces as no-break spaces).
    const editorShows = (...texts) => until(async () => {
        const lines = (await page.locator('.monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
        return texts.some(text => lines.includes(text));
    }, `${texts.join(' or ')} in the editor`);
    const togglePanel = () => page.keyboard.press('Control+J');

    /** Selects a step of the walkthrough page and clicks its button. */
    async function step(id, button) {
        const container = page.locator(`button.getting-started-step[data-step-id$="#${id}"]`);
        await container.click();
        await until(async () => (await container.getAttribute('aria-expanded')) === 'true', `the step ${id} open`);
        await container.locator('.button-container a', { hasText: button }).click();
    }
    /** A picture of the area the given elements cover together. */
    async function shotOf(file, ...locators) {
        const boxes = (await Promise.all(locators.map(l => l.boundingBox()))).filter(Boolean);
        const x = Math.min(...boxes.map(b => b.x)), y = Math.min(...boxes.map(b => b.y));
        const clip = { x, y, width: Math.max(...boxes.map(b => b.x + b.width)) - x, height: Math.max(...boxes.map(b => b.y + b.height)) - y };
        await shot(file, { clip });
    }
    const groupWith = title => page.locator('.editor-group-container', { has: page.locator('.tab.active', { hasText: title }) }).first();
    const strategyGroup = () => groupWith('northland-ssr-strategy.ssr');

    // The walkthrough first, as a new author meets it; the side bar closed for room.
    await palette('SSR: Write Your First Strategy (Walkthrough)');
    await page.locator('.gettingStartedContainer').waitFor({ state: 'visible', timeout: 60000 });
    await page.keyboard.press('Control+B');

    // 1. Create a strategy: the questions (the context's, with the definitions).
    await step('create', 'Create a strategy');
    await answer('(1/5)', 'Northland');
    await answer('(2/5)', '2026-2030');
    await answer('(3/5)', '');
    await until(async () => (await quickInput.innerText()).includes('(4/5)'), 'the context question');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Decide later' }).first().waitFor();
    const qi = await quickInput.boundingBox();
    await shot(path.join(STEPS, '1-new-strategy.png'), { clip: { x: qi.x - 20, y: 0, width: qi.width + 40, height: qi.y + qi.height + 20 } });
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'emerging from armed conflict' }).first().click();
    await answer('(5/5)', 'No library');
    await editorShows('country "Northland"');

    // 2. Actors and phases; 3. an objective with costs (and its code lens).
    await step('actors', 'Add actors and phases');
    await editorShows('actor NP "National Police"', 'phase Consolidation');
    await shotOf(path.join(STEPS, '2-actors-phases.png'), strategyGroup());
    await step('objective', 'Add an objective');
    await editorShows('objective PoliceReform', 'cost capital 2M');
    await until(async () => (await page.locator('.codelens-decoration').allInnerTexts()).some(t => /Cost USD/.test(t)), 'the code lens of the objective');
    await shotOf(path.join(STEPS, '3-objective.png'), strategyGroup());

    // 4. A finding and its quick fix.
    await step('finding', 'Show a finding');
    await page.locator('.action-widget', { hasText: 'Add a benchmark for PoliceReform' }).waitFor({ state: 'visible', timeout: 30000 });
    await page.locator('.markers-panel .monaco-list-row').first().waitFor();
    const group = await strategyGroup().boundingBox(), panel = await page.locator('.part.panel').boundingBox();
    await shot(path.join(STEPS, '4-quick-fix.png'), { clip: { x: group.x, y: group.y, width: group.width, height: panel.y + panel.height - group.y } });
    await page.keyboard.press('Enter');
    await page.locator('.action-widget', { hasText: 'Add a benchmark for PoliceReform' }).waitFor({ state: 'hidden' });
    await page.keyboard.press('Control+S');
    await togglePanel();

    // 5. The plan summary beside the strategy.
    await step('summary', 'Open the plan summary');
    const summaryFrame = async () => {
        for (const frame of page.frames()) {
            if (await frame.locator('h1', { hasText: 'Northland Security Sector Reform Strategy' }).count().catch(() => 0)) return frame;
        }
        return undefined;
    };
    await until(summaryFrame, 'the summary preview', 60000);
    await shotOf(path.join(STEPS, '5-summary.png'), strategyGroup(), groupWith('Summary: northland-ssr-strategy.ssr'));

    // 6. Export as PDF through the save dialog; page 1 of the PDF is the picture.
    const pdf = path.join(workspace, 'northland-ssr-strategy.pdf');
    await step('export', 'Export the plan summary');
    await until(async () => (await quickInput.isVisible()) && (await quickInput.innerText()).includes('Export the plan summary'), 'the save dialog');
    // The dialog proposes <strategy>.docx beside the strategy (it completes what is typed, so only the extension is changed).
    await until(async () => (await quickInput.locator('input').inputValue()).endsWith('northland-ssr-strategy.docx'), 'the proposed file name');
    await page.keyboard.press('End');
    for (let i = 0; i < 'docx'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('pdf');
    await page.keyboard.press('Enter');
    await until(() => fs.existsSync(pdf) && fs.statSync(pdf).size > 1000, 'the exported PDF', 90000);
    await until(async () => (await page.locator('.notifications-toasts').innerText().catch(() => '')).includes('Plan summary saved as'), 'the confirmation');
    const reader = await openPdfReader(browser);
    const reading = await reader(new Uint8Array(fs.readFileSync(pdf)));
    fs.mkdirSync(IMAGES, { recursive: true });
    fs.writeFileSync(path.join(STEPS, '6-export.png'), reading.page1Png);
    fs.writeFileSync(path.join(IMAGES, 'summary-pdf-page1.png'), reading.page1Png);
    console.log('media: docs/walkthrough/6-export.png, docs/images/summary-pdf-page1.png');

    // The walkthrough page itself, every step done, alone in the window.
    await page.keyboard.press('Escape');
    await palette('View: Single Column Editor Layout');
    await palette('SSR: Write Your First Strategy (Walkthrough)');
    await until(async () => (await page.locator('.getting-started-step .codicon-getting-started-step-checked').count()) >= 6, 'every step done');
    await page.locator('button.getting-started-step[data-step-id$="#export"]').click();
    await page.locator('.getting-started-media img').first().waitFor({ state: 'visible' });
    await until(() => page.locator('.getting-started-media img').first().evaluate(img => img.complete && img.naturalWidth > 0), 'the step\'s picture');
    await shot(path.join(IMAGES, 'walkthrough.png'));
    await cleanup(0);
} catch (error) {
    console.error(`media: failed: ${error instanceof Error ? error.stack : error}`);
    try { await browser?.contexts()[0]?.pages()[0]?.screenshot({ path: path.join(ROOT, 'test-output', 'media-failure.png') }); } catch { /* no page */ }
    await cleanup(1);
}
