#!/usr/bin/env node
// A stand-in for the VS Code executable, for @vscode/test-electron's runTests({ vscodeExecutablePath }).
// It accepts the arguments runTests passes (--extensionDevelopmentPath, --extensionTestsPath, a folder),
// starts a private code-server (the real VS Code workbench, with a Node extension host) and headless
// Chromium (the one ../browser.ts picks: npm's on Linux x64) driven by playwright-core, runs the
// extension tests in the extension host through the workbench's `payload` parameter, streams their
// output and exits with their exit code.
// Everything it writes lives in one temporary folder, removed at the end with the process group.
'use strict';
const { chromium } = require('playwright-core');
const cp = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');
const { pathToFileURL } = require('node:url');

const CACHE = process.env.SSR_E2E_CACHE || path.join(__dirname, '..', '..', '.cache', 'e2e');
const CODE_SERVER = path.join(CACHE, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const NODE = path.join(CACHE, 'node24', 'bin', 'node');
const BROWSER = path.join(__dirname, '..', '..', 'out', 'test', 'browser.js'); // test/browser.ts, compiled by npm run build
const TIMEOUT_S = Number(process.env.SSR_E2E_TIMEOUT_S || 300);
const verbose = Boolean(process.env.SSR_E2E_VERBOSE);

const devPaths = [];
let testsPath;
let workspace;
for (let i = 2; i < process.argv.length; i++) {
    const arg = process.argv[i];
    const kv = /^--([^=]+)=(.*)$/.exec(arg);
    const key = kv ? kv[1] : (arg.startsWith('--') ? arg.slice(2) : undefined);
    const value = () => (kv ? kv[2] : process.argv[++i]);
    if (key === 'extensionDevelopmentPath') devPaths.push(path.resolve(value()));
    else if (key === 'extensionTestsPath') testsPath = path.resolve(value());
    else if (['user-data-dir', 'extensions-dir', 'locale', 'log'].includes(key)) value();
    else if (!key && !workspace) workspace = path.resolve(arg);
}
if (!testsPath || devPaths.length === 0) {
    console.error('code-shim: needs --extensionTestsPath and --extensionDevelopmentPath');
    process.exit(2);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-e2e-'));
const userData = path.join(tmp, 'user-data');
fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
for (const d of ['xdg-data', 'xdg-config', 'xdg-cache', 'tmp', 'extensions']) fs.mkdirSync(path.join(tmp, d));
fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none', 'chat.disableAIFeatures': true, 'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false, 'extensions.autoCheckUpdates': false, 'update.mode': 'none',
    'workbench.enableExperiments': false, 'security.workspace.trust.enabled': false, 'git.enabled': false,
    'editor.wordBasedSuggestions': 'off',
}, null, 2));
fs.writeFileSync(path.join(tmp, 'config.yaml'), 'bind-addr: 127.0.0.1:0\nauth: none\n');

let server;
let context;
let finished = false;
async function finish(code, why) {
    if (finished) return;
    finished = true;
    if (verbose || code !== 0) console.error(`code-shim: ${why}; exit ${code}`);
    try { if (context) await context.close(); } catch { /* already closed */ }
    if (server && server.exitCode === null) { try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ } }
    await new Promise(resolve => setTimeout(resolve, 300));
    if (server && server.exitCode === null) { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ } }
    if (!process.env.SSR_E2E_KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
    process.exit(code);
}
process.on('SIGINT', () => finish(130, 'interrupted'));
process.on('SIGTERM', () => finish(143, 'terminated'));
setTimeout(() => finish(124, `timed out after ${TIMEOUT_S}s`), TIMEOUT_S * 1000).unref();

(async () => {
    for (const [what, file] of [['code-server', CODE_SERVER], ['Node 24', NODE]]) {
        if (!fs.existsSync(file)) throw new Error(`${what} not found at ${file}: run test/e2e/setup.sh`);
    }
    if (!fs.existsSync(BROWSER)) throw new Error(`${BROWSER} not found: run npm run build`);
    const found = await (await import(pathToFileURL(BROWSER).href)).findChromium();
    if (verbose) console.error(`code-shim: Chromium: ${found.source}`);
    let host;
    server = cp.spawn(NODE, [CODE_SERVER, '--config', path.join(tmp, 'config.yaml'), '--user-data-dir', userData,
        '--extensions-dir', path.join(tmp, 'extensions'), '--disable-telemetry', '--disable-update-check',
        '--disable-workspace-trust', '--disable-getting-started-override',
        '--vscode-option', 'enable-smoke-test-driver'], // without it the workbench ignores the test payload
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env,
        XDG_DATA_HOME: path.join(tmp, 'xdg-data'), XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
        XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'), TMPDIR: path.join(tmp, 'tmp') } });
    server.stderr.on('data', d => { if (verbose) process.stderr.write('[code-server] ' + d); });
    await new Promise((resolve, reject) => {
        server.stdout.on('data', d => {
            if (verbose) process.stderr.write('[code-server] ' + d);
            const m = /HTTP server listening on http:\/\/([^/\s]+)\//.exec(String(d));
            if (m) { host = m[1]; resolve(); }
        });
        server.on('exit', code => reject(new Error(`code-server exited early with ${code}`)));
    });
    const remote = p => `vscode-remote://${host}${p}`;
    const payload = [...devPaths.map(p => ['extensionDevelopmentPath', remote(p)]), ['extensionTestsPath', remote(testsPath)], ['skipWelcome', 'true']];
    const target = workspace ? `folder=${encodeURIComponent(workspace)}` : 'ew=true';
    const url = `http://${host}/?${target}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    context = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
        executablePath: found.executablePath, args: found.args, headless: true, viewport: { width: 1200, height: 800 },
        env: { ...process.env, ...found.env, HOME: tmp, XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_CACHE_HOME: path.join(tmp, 'xdg-cache') },
    });
    const page = context.pages()[0] || await context.newPage();
    page.on('crash', () => finish(1, 'the workbench page crashed'));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
        const line = util.format(...(Array.isArray(args) ? args : [args]));
        if (!verbose && /open-vsx\.org|AgentHost|AccountPolicyGate|Resolving connection|Resolved connection|Creating a socket|grace time|Service Worker|builtin extensions cache|^Canceled: Canceled|^\s+at .*workbench\.js/.test(line)) return;
        (type === 'error' ? process.stderr : process.stdout).write(line + '\n');
    });
    await page.exposeFunction('codeAutomationExit', code => finish(code, 'tests finished'));
    await page.goto(url, { waitUntil: 'domcontentloaded' });
})().catch(error => { console.error('code-shim:', error.message); finish(1, 'could not run'); });
