/**
 * The GitHub Action: action.yml has the shape GitHub requires of a composite action, and its
 * script, run with a simulated GitHub environment (GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, an event
 * payload, and a local stand-in for the REST API on 127.0.0.1), writes annotations, SARIF, the job
 * summary with the plan diff, and posts then updates one pull-request comment; a pull request
 * from a fork degrades to annotations and the job summary.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import * as yaml from 'js-yaml';
import { ROOT, SPEC_EXAMPLES } from '../helpers.js';

const NORTHLAND = fs.readFileSync(path.join(SPEC_EXAMPLES, 'northland.ssr'), 'utf8');

interface Step { name?: string; id?: string; shell?: string; run?: string; uses?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, unknown> }

describe('GitHub Action', function () {
    this.timeout(60000);

    it('action.yml is a well-formed composite action', () => {
        const action = yaml.load(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { name: string; description: string; inputs: Record<string, { description: string; default?: string }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: Step[] } };
        assert.equal(typeof action.name, 'string');
        assert.equal(typeof action.description, 'string');
        assert.deepEqual(Object.keys(action.inputs).sort(), ['annotations', 'comment', 'max-warnings', 'paths', 'sarif', 'summary', 'token']);
        for (const [name, input] of Object.entries(action.inputs)) assert.equal(typeof input.description, 'string', `${name} has a description`);
        assert.equal(action.runs.using, 'composite');
        for (const step of action.runs.steps) {
            assert.ok(Boolean(step.run) !== Boolean(step.uses), 'each step either runs or uses');
            if (step.run) assert.equal(step.shell, 'bash', 'composite run steps need a shell');
        }
        const ids = new Set(action.runs.steps.map(s => s.id).filter(Boolean));
        for (const output of Object.values(action.outputs)) {
            const m = /steps\.([\w-]+)\.outputs/.exec(output.value);
            assert.ok(m && ids.has(m[1]), `output refers to a step: ${output.value}`);
        }
        assert.ok(fs.existsSync(path.join(ROOT, 'action', 'run.mjs')));
    });

    describe('run.mjs in a simulated GitHub environment', () => {
        let dir: string;
        let server: http.Server;
        let apiUrl: string;
        const requests: { method: string; url: string; body: string }[] = [];
        const comments: { id: number; body: string }[] = [];

        before(async () => {
            server = http.createServer((request, response) => {
                let body = '';
                request.on('data', chunk => { body += chunk; });
                request.on('end', () => {
                    requests.push({ method: request.method ?? '', url: request.url ?? '', body });
                    response.setHeader('content-type', 'application/json');
                    if (request.method === 'GET') {
                        response.end(JSON.stringify(comments));
                    } else if (request.method === 'POST') {
                        comments.push({ id: 7, body: JSON.parse(body).body });
                        response.statusCode = 201;
                        response.end('{}');
                    } else {
                        comments[0].body = JSON.parse(body).body;
                        response.end('{}');
                    }
                });
            });
            await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
            apiUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
        });
        after(() => new Promise<void>(resolve => server.close(() => resolve())));

        beforeEach(() => {
            dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-action-'));
            const git = (...args: string[]) => assert.equal(spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: dir }).status, 0);
            git('init', '-q');
            fs.writeFileSync(path.join(dir, 'plan.ssr'), NORTHLAND);
            git('add', '.');
            git('commit', '-qm', 'base');
            fs.writeFileSync(path.join(dir, 'plan.ssr'), NORTHLAND.replace('amount 20M from 2027 to 2030', 'amount 18M from 2027 to 2030'));
        });
        afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

        async function runAction(options: { fork?: boolean; comment?: boolean }) {
            const base = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).stdout.trim();
            const eventPath = path.join(dir, '..', `${path.basename(dir)}-event.json`);
            fs.writeFileSync(eventPath, JSON.stringify({ pull_request: { number: 12, base: { sha: base, repo: { full_name: 'ministry/plan' } }, head: { repo: { full_name: options.fork ? 'someone/plan' : 'ministry/plan' } } } }));
            const summaryFile = path.join(dir, '..', `${path.basename(dir)}-summary.md`);
            const outputFile = path.join(dir, '..', `${path.basename(dir)}-output.txt`);
            fs.writeFileSync(summaryFile, '');
            fs.writeFileSync(outputFile, '');
            const child = spawn(process.execPath, [path.join(ROOT, 'action', 'run.mjs')], {
                cwd: dir,
                env: {
                    ...process.env, GITHUB_WORKSPACE: dir, GITHUB_EVENT_PATH: eventPath, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_OUTPUT: outputFile,
                    GITHUB_REPOSITORY: 'ministry/plan', GITHUB_API_URL: apiUrl, RUNNER_TEMP: dir,
                    INPUT_PATHS: '.', INPUT_MAX_WARNINGS: '0', INPUT_SARIF: 'true', INPUT_ANNOTATIONS: 'true', INPUT_SUMMARY: 'true', INPUT_COMMENT: options.comment === false ? 'false' : 'true', INPUT_TOKEN: 'secret',
                },
            });
            let stdout = '';
            child.stdout.on('data', d => { stdout += d; });
            const code = await new Promise<number | null>(resolve => child.on('exit', resolve));
            const result = { code, stdout, summary: fs.readFileSync(summaryFile, 'utf8'), outputs: fs.readFileSync(outputFile, 'utf8') };
            for (const f of [eventPath, summaryFile, outputFile]) fs.rmSync(f, { force: true });
            return result;
        }

        it('annotates, writes SARIF and the job summary with the plan diff, then posts and updates one comment', async () => {
            const first = await runAction({});
            assert.equal(first.code, 0);
            assert.match(first.stdout, /^::warning file=plan\.ssr,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=fiscal\/gap::/m);
            assert.match(first.outputs, /^exit-code=1$/m, 'warnings over --max-warnings 0');
            assert.match(first.outputs, /^can-upload=true$/m);
            const sarif = /^sarif-file=(.+)$/m.exec(first.outputs)![1];
            assert.equal(JSON.parse(fs.readFileSync(sarif, 'utf8')).version, '2.1.0');
            assert.match(first.summary, /## SSR strategy check/);
            assert.match(first.summary, /## Plan changes: plan\.ssr/);
            assert.match(first.summary, /- \*\*changed\*\* funding line `TrustFund`: amount 20M → 18M/);
            assert.equal(comments.length, 1);
            assert.match(comments[0].body, /^<!-- ssr-plan-diff -->\n## Plan changes: plan\.ssr/);
            const second = await runAction({});
            assert.equal(second.code, 0);
            assert.equal(comments.length, 1, 'the same comment is updated');
            assert.ok(requests.some(r => r.method === 'PATCH' && r.url === '/repos/ministry/plan/issues/comments/7'));
        });

        it('degrades to annotations and the job summary for a pull request from a fork', async () => {
            const before = requests.length;
            const result = await runAction({ fork: true });
            assert.equal(result.code, 0);
            assert.match(result.outputs, /^can-upload=false$/m);
            assert.equal(requests.length, before, 'no API call with a read-only token');
            assert.match(result.summary, /## Plan changes: plan\.ssr/);
            assert.match(result.stdout, /pull request from a fork/);
        });
    });
});
