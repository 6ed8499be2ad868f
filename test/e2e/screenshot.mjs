#!/usr/bin/env node
// Installs the packaged .vsix into a private code-server, opens eastmarch-police.ssr, waits for
// the Problems panel to list its findings and saves a screenshot a reviewer can look at:
// test-output/e2e/eastmarch-problems.png. Leaves nothing behind outside that file and its temp folder.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium } from '../../out/test/browser.js';
import { e2eMode } from './mode.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const CACHE = process.env.SSR_E2E_CACHE || path.join(ROOT, '.cache', 'e2e');
const NODE = path.join(CACHE, 'node24', 'bin', 'node');
const CODE_SERVER = path.join(CACHE, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const VSIX = path.join(ROOT, 'dist', 'ssr-strategy.vsix');
const OUTPUT = path.join(ROOT, 'test-output', 'e2e');
const EXAMPLE = path.resolve(ROOT, '..', 'shared', 'spec', 'examples', 'eastmarch-police.ssr');

if (e2eMode() !== 'code-server') {
    console.log('screenshot: not taken: it needs code-server mode (SSR_E2E_MODE=code-server, Linux x64)');
    process.exit(0);
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-shot-'));
let server;
let browser;
const deadline = setTimeout(() => { console.error('screenshot: timed out'); cleanup(1); }, 240000);
async function cleanup(code) {
    clearTimeout(deadline);
    try { if (browser) await browser.close(); } catch { /* closed */ }
    if (server && server.exitCode === null) { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ } }
    fs.rmSync(tmp, { recursive: true, force: true });
    process.exit(code);
}
try {
    const env = { ...process.env, XDG_DATA_HOME: path.join(tmp, 'xdg-data'), XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'), TMPDIR: tmp };
    const common = ['--user-data-dir', path.join(tmp, 'user-data'), '--extensions-dir', path.join(tmp, 'extensions')];
    const install = spawnSync(NODE, [CODE_SERVER, ...common, '--install-extension', VSIX], { env, encoding: 'utf8' });
    if (install.status !== 0) throw new Error(`installing the .vsix failed: ${install.stderr || install.stdout}`);
    const workspace = path.join(tmp, 'workspace');
    fs.mkdirSync(workspace);
    fs.copyFileSync(EXAMPLE, path.join(workspace, 'eastmarch-police.ssr'));
    fs.mkdirSync(path.join(tmp, 'user-data', 'User'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'user-data', 'User', 'settings.json'), JSON.stringify({ 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off', 'chat.disableAIFeatures': true, 'workbench.colorTheme': 'Default Light Modern' }));
    fs.writeFileSync(path.join(tmp, 'config.yaml'), 'bind-addr: 127.0.0.1:0\nauth: none\n');
    server = spawn(NODE, [CODE_SERVER, '--config', path.join(tmp, 'config.yaml'), ...common, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override'], { detached: true, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const host = await new Promise((resolve, reject) => {
        server.stdout.on('data', d => { const m = /HTTP server listening on http:\/\/([^/\s]+)\//.exec(String(d)); if (m) resolve(m[1]); });
        server.on('exit', c => reject(new Error(`code-server exited with ${c}`)));
    });
    const found = await findChromium();
    browser = await chromium.launch({ executablePath: found.executablePath, args: found.args, env: { ...process.env, ...found.env }, headless: true });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const file = encodeURIComponent(JSON.stringify([['openFile', `vscode-remote://${host}${path.join(workspace, 'eastmarch-police.ssr')}`]]));
    await page.goto(`http://${host}/?folder=${encodeURIComponent(workspace)}&payload=${file}`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.waitForSelector('.view-lines', { timeout: 60000 });
    await page.keyboard.press('Control+Shift+M');
    await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 90000 });
    await page.waitForFunction(() => document.querySelectorAll('.markers-panel .monaco-list-row').length >= 8, undefined, { timeout: 90000 });
    fs.mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'eastmarch-problems.png') });
    const rows = await page.locator('.markers-panel .monaco-list-row').count();
    console.log(`screenshot: ${rows} rows in the Problems panel; saved test-output/e2e/eastmarch-problems.png`);
    await cleanup(0);
} catch (error) {
    console.error(`screenshot: failed: ${error instanceof Error ? error.message : error}`);
    await cleanup(1);
}
