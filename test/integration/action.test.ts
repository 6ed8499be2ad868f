/**
 * The GitHub Action: action.yml's shape, inputs and outputs (each documented in docs/ci.md); its
 * release (action/release.mjs), which a workflow runs without `npm ci` or a build; and, in the
 * simulated GitHub (github-sim.ts), what it does on a fork, without the base commit, on a pull
 * request of 40 strategies (a comment under GitHub's size limit), and with two categories.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as yaml from 'js-yaml';
import { ROOT, SPEC_EXAMPLES } from '../helpers.js';
import { FakeGitHub, Runner, poisonedNpm } from './github-sim.js';

const NORTHLAND = fs.readFileSync(path.join(SPEC_EXAMPLES, 'northland.ssr'), 'utf8');
const EASTMARCH = fs.readFileSync(path.join(SPEC_EXAMPLES, 'eastmarch-police.ssr'), 'utf8');

interface Step { name?: string; id?: string; shell?: string; run?: string; uses?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, unknown> }
interface Action { name: string; description: string; inputs: Record<string, { description: string; default?: string }>; outputs: Record<string, { description: string; value: string }>; runs: { using: string; steps: Step[] } }

const action = yaml.load(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;
const CI_DOC = fs.readFileSync(path.join(ROOT, 'docs', 'ci.md'), 'utf8');

const git = (cwd: string, ...args: string[]) => {
    const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd, encoding: 'utf8' });
    assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
};

describe('GitHub Action', function () {
    this.timeout(180000);

    it('action.yml is a well-formed composite action: documented inputs and outputs, no install or build, upload-sarif pinned by commit', () => {
        assert.equal(typeof action.name, 'string');
        assert.equal(typeof action.description, 'string');
        assert.deepEqual(Object.keys(action.inputs).sort(), ['annotations', 'baseline', 'category', 'comment', 'max-warnings', 'paths', 'sarif', 'summary', 'token']);
        for (const [name, input] of Object.entries(action.inputs)) {
            assert.equal(typeof input.description, 'string', `${name} has a description`);
            assert.ok(CI_DOC.includes(`| \`${name}\` |`), `docs/ci.md documents the input ${name}`);
        }
        for (const name of Object.keys(action.outputs)) assert.ok(CI_DOC.includes(`| \`${name}\` |`), `docs/ci.md documents the output ${name}`);
        assert.equal(action.runs.using, 'composite');
        for (const step of action.runs.steps) {
            assert.ok(Boolean(step.run) !== Boolean(step.uses), 'each step either runs or uses');
            if (step.run) {
                assert.equal(step.shell, 'bash', 'composite run steps need a shell');
                assert.doesNotMatch(step.run, /\bnpm\b|\bnpx\b|esbuild|tsc\b/, 'nothing is installed or built');
            }
            if (step.uses) assert.match(step.uses, /^[\w-]+\/[\w/-]+@[0-9a-f]{40}$/, `${step.uses} is pinned by a full commit SHA`);
        }
        const text = fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
        assert.match(text, /uses: github\/codeql-action\/upload-sarif@[0-9a-f]{40} # v4\.\d+\.\d+/, 'the version beside the SHA');
        const ids = new Set(action.runs.steps.map(s => s.id).filter(Boolean));
        for (const output of Object.values(action.outputs)) {
            const m = /steps\.([\w-]+)\.outputs/.exec(output.value);
            assert.ok(m && ids.has(m[1]), `output refers to a step: ${output.value}`);
        }
    });

    it('is used in the docs by the tag its release makes (v<major of package.json>)', () => {
        const major = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version.split('.')[0];
        for (const file of ['README.md', 'docs/ci.md', 'action/run.mjs']) {
            const refs = fs.readFileSync(path.join(ROOT, file), 'utf8').match(/ssr-tools\/ssr-strategy@v[\w.]+/g) ?? [];
            assert.ok(refs.length > 0, file);
            for (const ref of refs) assert.equal(ref, `ssr-tools/ssr-strategy@v${major}`, `${file}: ${ref}`);
        }
    });

    describe('in a simulated GitHub', () => {
        let dir: string, release: string;
        const github = new FakeGitHub();

        before(async () => {
            await github.start();
            dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-action-'));
            release = path.join(dir, 'release');
            const released = spawnSync(process.execPath, [path.join(ROOT, 'action', 'release.mjs'), '--out', release], { encoding: 'utf8' });
            assert.equal(released.status, 0, released.stderr);
        });
        after(async () => {
            await github.stop();
            fs.rmSync(dir, { recursive: true, force: true });
        });

        /** A repository with `files` at its base commit, then `change` applied on the head commit. */
        function repository(name: string, files: Record<string, string>, change: (workspace: string) => void): { workspace: string; base: string; head: string } {
            const workspace = path.join(dir, name);
            fs.mkdirSync(workspace);
            git(workspace, 'init', '-q', '-b', 'main');
            for (const [file, text] of Object.entries(files)) {
                fs.mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
                fs.writeFileSync(path.join(workspace, file), text);
            }
            git(workspace, 'add', '-A');
            git(workspace, 'commit', '-qm', 'base', '--allow-empty');
            const base = git(workspace, 'rev-parse', 'HEAD');
            change(workspace);
            git(workspace, 'add', '-A');
            git(workspace, 'commit', '-qm', 'head', '--allow-empty');
            return { workspace, base, head: git(workspace, 'rev-parse', 'HEAD') };
        }

        async function runAction(repo: { workspace: string; base: string; head: string }, inputs: Record<string, string>, options: { fork?: boolean; bin?: string[] } = {}) {
            const runner = new Runner({
                workspace: repo.workspace, eventName: 'pull_request', sha: repo.head, apiUrl: github.url, binDirs: options.bin,
                event: { pull_request: { number: 12, base: { sha: repo.base, repo: { full_name: 'ministry/plan' } }, head: { sha: repo.head, repo: { full_name: options.fork ? 'someone/plan' : 'ministry/plan' } } } },
                actions: { 'ssr-tools/ssr-strategy@': release },
            });
            try {
                const job = await runner.runJob({ steps: [{ uses: 'actions/checkout@v4' }, { id: 'ssr', uses: 'ssr-tools/ssr-strategy@v0', with: inputs }] });
                const sarifs = job.uploads.map(u => JSON.parse(fs.readFileSync(u.sarif_file, 'utf8')) as unknown);
                return { ...job, sarifs, action: job.steps[1], log: job.steps[1].stdout + job.steps[1].stderr };
            } finally {
                runner.dispose();
            }
        }

        it('runs from its release, which carries the prebuilt checker: no npm, no build', async () => {
            const files = fs.readdirSync(release, { recursive: true, withFileTypes: true }).filter(e => e.isFile()).map(e => path.relative(release, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort();
            assert.deepEqual(files, ['LICENSE', 'README.md', 'action.yml', 'action/dist/cli.cjs', 'action/run.mjs', 'package.json']);
            const pkg = JSON.parse(fs.readFileSync(path.join(release, 'package.json'), 'utf8')) as Record<string, unknown>;
            assert.ok(!('dependencies' in pkg) && !('scripts' in pkg), 'nothing to install');
            const npm = poisonedNpm(dir);
            const repo = repository('from-release', { 'plan.ssr': NORTHLAND }, ws => fs.writeFileSync(path.join(ws, 'plan.ssr'), NORTHLAND.replace('amount 20M from 2027 to 2030', 'amount 18M from 2027 to 2030')));
            const result = await runAction(repo, { comment: 'true', 'max-warnings': '0' }, { bin: [npm.bin] });
            assert.deepEqual(npm.calls(), [], 'no npm, npx, yarn or pnpm');
            assert.equal(result.action.outputs['exit-code'], '1', 'the trust-fund cut adds warnings: over --max-warnings 0');
            assert.ok(result.action.annotations.some(a => a.type === 'warning' && a.title === 'fiscal/gap' && a.file === 'plan.ssr'));
            assert.match(result.summary, /## SSR strategy check/);
            assert.match(result.summary, /- \*\*changed\*\* funding line `TrustFund`: amount 20M → 18M/);
            assert.equal(result.uploads.length, 1);
            assert.equal(result.uploads[0].category, 'ssr');
            const sarif = result.sarifs[0] as { runs: { tool: { driver: { version: string; rules: { help?: { markdown: string } }[] } } }[] };
            assert.ok(sarif.runs[0].tool.driver.rules.every(r => r.help?.markdown), 'the bundle carries the rule pages');
            assert.equal(sarif.runs[0].tool.driver.version, (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
            assert.ok(result.uses.some(u => /^github\/codeql-action\/upload-sarif@[0-9a-f]{40}$/.test(u)));
            assert.ok(github.comments.some(c => c.body.includes('`TrustFund`')));
        });

        it('gives each run its own code-scanning category', async () => {
            const repo = repository('categories', { 'plan.ssr': EASTMARCH }, () => undefined);
            const first = await runAction(repo, { category: 'ssr-national' });
            const second = await runAction(repo, { category: 'ssr-provincial' });
            assert.deepEqual([first.uploads[0].category, second.uploads[0].category], ['ssr-national', 'ssr-provincial']);
            assert.notEqual(first.uploads[0].sarif_file, second.uploads[0].sarif_file);
        });

        it('degrades to annotations and the job summary for a pull request from a fork', async () => {
            const before = github.requests.length;
            const repo = repository('fork', { 'plan.ssr': NORTHLAND }, ws => fs.writeFileSync(path.join(ws, 'plan.ssr'), NORTHLAND.replace('amount 20M', 'amount 18M')));
            const result = await runAction(repo, { comment: 'true' }, { fork: true });
            assert.equal(result.action.outputs['exit-code'], '0', 'new warnings only: the default gate fails on new errors');
            assert.equal(result.uploads.length, 0, 'no SARIF upload with a read-only token');
            assert.equal(github.requests.length, before, 'no API call with a read-only token');
            assert.match(result.summary, /## Plan changes: \[plan\.ssr\]/);
            assert.match(result.log, /pull request from a fork/);
        });

        it('says exactly what is missing when the base commit cannot be had, and gates on every finding', async () => {
            const repo = repository('shallow', { 'plan.ssr': EASTMARCH.replace('objective PoliceCapacity', 'objective PoliceCapacity') }, ws => fs.writeFileSync(path.join(ws, 'README.md'), 'x'));
            // A clone of one commit, whose origin is gone: the base cannot be fetched.
            const shallow = path.join(dir, 'shallow-clone');
            git(dir, 'clone', '-q', '--depth', '1', `file://${repo.workspace}`, shallow);
            git(shallow, 'remote', 'set-url', 'origin', path.join(dir, 'nowhere.git'));
            const result = await runAction({ ...repo, workspace: shallow }, { 'max-warnings': '0', comment: 'true' });
            assert.equal(result.action.outputs['exit-code'], '1', 'without a baseline every warning counts');
            const warning = result.action.annotations.find(a => a.type === 'warning' && a.title === 'ssr');
            assert.match(warning?.message ?? '', /base commit [0-9a-f]{7} is not in this checkout and could not be fetched .*set fetch-depth: 0 on it/);
            assert.match(result.summary, /> \*\*ssr:\*\* The base commit `[0-9a-f]{7}` is not in this checkout/);
            const comment = github.comments.find(c => c.body.includes(repo.head.slice(0, 7)));
            assert.match(comment?.body ?? '', /set `fetch-depth: 0`/, 'the comment says it too');
        });

        it('keeps a comment on 40 strategies under GitHub\'s size limit: folded, cut, with a link to the job summary', async () => {
            const repo = repository('forty', { 'README.md': 'x' }, ws => {
                for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(ws, `plan-${String(i).padStart(2, '0')}.ssr`), EASTMARCH.replace('objective PoliceCapacity', `objective PoliceCapacity${i}`).replace(/supports PoliceCapacity\b/, `supports PoliceCapacity${i}`).replace(/measures PoliceCapacity\b/, `measures PoliceCapacity${i}`));
            });
            const result = await runAction(repo, { comment: 'true', sarif: 'false', annotations: 'false' });
            assert.ok(!github.requests.some(r => r.method !== 'GET' && /422/.test(r.url)));
            const comment = github.comments.find(c => c.body.includes(repo.head.slice(0, 7)));
            assert.ok(comment, 'the comment was posted');
            assert.ok(comment.body.length <= 65536, `${comment.body.length} characters`);
            assert.match(comment.body, /<details><summary><b>Plan changes: plan-00\.ssr<\/b><\/summary>/);
            assert.match(comment.body, /> \*\*The comment is cut here: GitHub keeps at most 65,536 characters\. The whole plan diff is in the \[job summary\]\(https:\/\/github\.com\/ministry\/plan\/actions\/runs\/4242\/attempts\/1\)\.\*\*\n$/);
            assert.equal((comment.body.match(/<details>/g) ?? []).length, (comment.body.match(/<\/details>/g) ?? []).length, 'every <details> is closed');
            assert.match(result.summary, /## Plan changes: \[plan-39\.ssr\]/, 'the job summary has every strategy');
        });
    });
});
