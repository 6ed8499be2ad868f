#!/usr/bin/env node
// Runs the end-to-end suite in a real VS Code: prepares a workspace (the spec examples, read from
// ../shared/spec/examples when present, plus this folder's fixtures), records what `ssr check`
// reports for each file, and runs the mocha suite in the extension host with runTests.
// SSR_E2E_MODE=code-server runs it in code-server through code-shim.cjs (no VS Code download
// needed: everything comes from npm); SSR_E2E_MODE=download lets runTests download desktop VS Code
// (a laptop, GitHub-hosted CI). Without the variable: code-server on Linux x64, else download (mode.mjs).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { e2eMode } from './mode.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.cjs');
const mode = e2eMode();

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-e2e-ws-'));
try {
    const examples = path.resolve(ROOT, '..', 'shared', 'spec', 'examples');
    const specDir = path.join(workspace, 'spec');
    fs.mkdirSync(specDir);
    if (fs.existsSync(examples)) {
        // Every example with its folder (westmoor/ has a configuration in two files); the copies are
        // writable, so that a test may edit a configuration file.
        fs.cpSync(examples, specDir, { recursive: true, filter: source => !source.endsWith('.md') });
        for (const file of fs.readdirSync(specDir, { recursive: true }).map(f => path.join(specDir, String(f)))) {
            fs.chmodSync(file, fs.statSync(file).isDirectory() ? 0o755 : 0o644);
        }
    }
    fs.cpSync(path.join(HERE, 'fixtures'), path.join(workspace, 'plan'), { recursive: true });
    fs.mkdirSync(path.join(workspace, '.vscode'));
    fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'editor.wordBasedSuggestions': 'off' }));
    const expected = {};
    const strategies = dir => fs.readdirSync(path.join(workspace, dir), { recursive: dir === 'spec' })
        .map(f => String(f).split(path.sep).join('/')).filter(f => f.endsWith('.ssr'));
    for (const dir of ['spec', 'plan']) {
        for (const f of strategies(dir)) {
            const result = spawnSync(process.execPath, [CLI, 'check', `${dir}/${f}`, '--format', 'json'], { cwd: workspace, encoding: 'utf8' });
            if (result.status === 2) throw new Error(`ssr check ${dir}/${f} failed: ${result.stderr}`);
            expected[`${dir}/${f}`] = JSON.parse(result.stdout);
        }
    }
    fs.writeFileSync(path.join(workspace, 'expected-findings.json'), JSON.stringify(expected));

    const options = {
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: path.join(HERE, 'suite', 'index.cjs'),
        launchArgs: [workspace, '--disable-extensions'],
        extensionTestsEnv: { SSR_E2E_WORKSPACE: workspace },
    };
    if (mode === 'code-server') {
        const setup = spawnSync('sh', [path.join(HERE, 'setup.sh')], { stdio: 'inherit' });
        if (setup.status !== 0) throw new Error('test/e2e/setup.sh failed');
        options.vscodeExecutablePath = path.join(HERE, 'code-shim.cjs');
    }
    const started = Date.now();
    console.log(`e2e: running in ${mode === 'code-server' ? 'code-server (VS Code workbench, Node extension host)' : 'downloaded desktop VS Code'}`);
    await runTests(options);
    console.log(`e2e: passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
    console.error(`e2e: failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
} finally {
    fs.rmSync(workspace, { recursive: true, force: true });
}
