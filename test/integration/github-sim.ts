/**
 * A simulated GitHub, for the action and the docs/ci.md recipes: a local stand-in for the REST
 * API's issue comments (paginated, with failures on demand), and a small runner that runs a
 * workflow job's steps as the Actions runner does — `if:` conditions and `${{ }}` expressions,
 * bash `run` steps with GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_ENV, composite actions with
 * their inputs and outputs, workflow commands read back as annotations (at most 10 of each type
 * per step are shown, as on GitHub), and stand-ins for the actions that reach GitHub
 * (actions/checkout, actions/setup-node, github/codeql-action/upload-sarif).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import * as yaml from 'js-yaml';

export interface Comment { id: number; body: string; html_url: string }

/** The REST API's issue comments of one pull request, on 127.0.0.1. */
export class FakeGitHub {
    readonly comments: Comment[] = [];
    readonly requests: { method: string; url: string }[] = [];
    /** Answer the next matching requests with this status instead. */
    failures: { method: string; status: number; times: number }[] = [];
    private nextId = 1000;
    private server?: http.Server;
    url = '';

    async start(): Promise<void> {
        this.server = http.createServer((request, response) => {
            let body = '';
            request.on('data', chunk => { body += String(chunk); });
            request.on('end', () => this.handle(request.method ?? '', request.url ?? '', body, response));
        });
        await new Promise<void>(resolve => this.server?.listen(0, '127.0.0.1', resolve));
        this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    }

    stop(): Promise<void> {
        return new Promise(resolve => this.server ? this.server.close(() => resolve()) : resolve());
    }

    /** A comment someone else wrote. */
    add(body: string): Comment {
        const comment = { id: this.nextId++, body, html_url: `https://github.example/pr#issuecomment-${this.nextId}` };
        this.comments.push(comment);
        return comment;
    }

    private handle(method: string, url: string, body: string, response: http.ServerResponse): void {
        this.requests.push({ method, url });
        response.setHeader('content-type', 'application/json');
        const failure = this.failures.find(f => f.method === method && f.times > 0);
        if (failure) {
            failure.times--;
            response.statusCode = failure.status;
            response.end(JSON.stringify({ message: 'simulated failure' }));
            return;
        }
        const list = /^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments(\?.*)?$/.exec(url);
        const one = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url);
        if (method === 'GET' && list) {
            const query = new URLSearchParams(list[1]?.slice(1) ?? '');
            const perPage = Math.min(100, Number(query.get('per_page') ?? 30));
            const page = Number(query.get('page') ?? 1);
            const slice = this.comments.slice((page - 1) * perPage, page * perPage);
            if (page * perPage < this.comments.length) {
                query.set('page', String(page + 1));
                response.setHeader('link', `<${this.url}${url.split('?')[0]}?${query.toString()}>; rel="next"`);
            }
            response.end(JSON.stringify(slice));
        } else if (method === 'POST' && list) {
            const comment = this.add((JSON.parse(body) as { body: string }).body);
            response.statusCode = 201;
            response.end(JSON.stringify(comment));
        } else if ((method === 'PATCH' || method === 'DELETE') && one) {
            const index = this.comments.findIndex(c => c.id === Number(one[1]));
            if (index < 0) {
                response.statusCode = 404;
                response.end('{}');
            } else if (method === 'DELETE') {
                this.comments.splice(index, 1);
                response.statusCode = 204;
                response.end();
            } else {
                const text = (JSON.parse(body) as { body: string }).body;
                if (text.length > 65536) {
                    response.statusCode = 422;
                    response.end(JSON.stringify({ message: 'body is too long (maximum is 65536 characters)' }));
                    return;
                }
                this.comments[index].body = text;
                response.end(JSON.stringify(this.comments[index]));
            }
        } else {
            response.statusCode = 404;
            response.end('{}');
        }
    }
}

// ---- GitHub expressions -------------------------------------------------------------------

type Value = string | number | boolean | null | undefined | Record<string, unknown> | unknown[];
interface Status { failed: boolean }

/** A value as text, as expressions compare and interpolate it. */
function text(v: unknown): string {
    if (v === undefined || v === null) return '';
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return JSON.stringify(v);
}

/** Evaluates a GitHub Actions expression (the subset workflows here use). */
function evaluate(expression: string, context: Record<string, unknown>, status: Status = { failed: false }): Value {
    const tokens = expression.match(/'(?:[^']|'')*'|&&|\|\||==|!=|<=|>=|[<>!(),]|[A-Za-z_][\w-]*(?:\.[\w-]+|\[[^\]]*\])*|\d+(?:\.\d+)?/g) ?? [];
    let i = 0;
    const peek = () => tokens[i];
    const next = () => tokens[i++];
    const truthy = (v: Value) => v !== '' && v !== 0 && v !== false && v !== null && v !== undefined;
    const equal = (a: Value, b: Value) => typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : text(a) === text(b);
    const lookup = (name: string): Value => {
        let value: unknown = context;
        for (const part of name.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
        return value as Value;
    };
    const call = (name: string, args: Value[]): Value => {
        switch (name) {
            case 'always': return true;
            case 'success': return !status.failed;
            case 'failure': return status.failed;
            case 'cancelled': return false;
            case 'contains': return text(args[0]).toLowerCase().includes(text(args[1]).toLowerCase());
            case 'startsWith': return text(args[0]).toLowerCase().startsWith(text(args[1]).toLowerCase());
            case 'toJSON': return JSON.stringify(args[0]);
            default: throw new Error(`unsupported function ${name}()`);
        }
    };
    const primary = (): Value => {
        const token = next();
        if (token === '(') { const v = or(); next(); return v; }
        if (token === '!') return !truthy(primary());
        if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
        if (/^\d/.test(token)) return Number(token);
        if (token === 'true' || token === 'false') return token === 'true';
        if (token === 'null') return null;
        if (peek() === '(') {
            next();
            const args: Value[] = [];
            while (peek() !== ')') { args.push(or()); if (peek() === ',') next(); }
            next();
            return call(token, args);
        }
        return lookup(token);
    };
    const comparison = (): Value => {
        let left = primary();
        while (peek() === '==' || peek() === '!=') {
            const op = next(), right = primary();
            left = op === '==' ? equal(left, right) : !equal(left, right);
        }
        return left;
    };
    const and = (): Value => {
        let left = comparison();
        while (peek() === '&&') { next(); const right = comparison(); left = truthy(left) ? right : left; }
        return left;
    };
    const or = (): Value => {
        let left = and();
        while (peek() === '||') { next(); const right = and(); left = truthy(left) ? left : right; }
        return left;
    };
    return or();
}

/** `${{ … }}` in a string, replaced by the values. */
function interpolate(source: unknown, context: Record<string, unknown>, status?: Status): string {
    return text(source).replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expression: string) => text(evaluate(expression.trim(), context, status)));
}

function condition(expression: unknown, context: Record<string, unknown>, status: Status): boolean {
    if (expression === undefined) return !status.failed;
    const source = text(expression).trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1').trim();
    const usesStatus = /\b(always|success|failure|cancelled)\(/.test(source);
    const value = evaluate(source, context, status);
    const truthy = value !== '' && value !== 0 && value !== false && value !== null && value !== undefined;
    return usesStatus ? truthy : truthy && !status.failed;
}

// ---- the runner -----------------------------------------------------------------------------

interface Annotation { type: 'error' | 'warning' | 'notice'; file?: string; line?: number; title?: string; message: string }

interface Step {
    name?: string; id?: string; run?: string; shell?: string; uses?: string; if?: unknown;
    with?: Record<string, unknown>; env?: Record<string, unknown>; 'continue-on-error'?: unknown;
}

export interface StepResult {
    name: string;
    ran: boolean;
    exitCode: number;
    stdout: string;
    stderr: string;
    outputs: Record<string, string>;
    /** The annotations GitHub shows for this step (at most 10 of each type). */
    annotations: Annotation[];
}

export interface JobResult {
    failed: boolean;
    steps: StepResult[];
    summary: string;
    /** upload-sarif's inputs, each time it ran. */
    uploads: Record<string, string>[];
    /** Every `uses:` that ran. */
    uses: string[];
}

export interface RunnerOptions {
    workspace: string;
    eventName: string;
    event: Record<string, unknown>;
    repository?: string;
    sha?: string;
    apiUrl?: string;
    /** `uses:` prefixes (`ssr-tools/ssr-strategy@`) mapped to the folder of the action. */
    actions?: Record<string, string>;
    /** Prepended to PATH: stand-ins for npm and the like. */
    binDirs?: string[];
    env?: Record<string, string>;
}

const ANNOTATION_CAP = 10;

function parseCommands(stdout: string): Annotation[] {
    const all: Annotation[] = [];
    const unescape = (s: string) => s.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
    for (const line of stdout.split('\n')) {
        const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
        if (!m) continue;
        const props = Object.fromEntries((m[2] ?? '').split(',').filter(Boolean).map(p => { const [k, ...v] = p.split('='); return [k, unescape(v.join('='))]; }));
        all.push({ type: m[1] as Annotation['type'], ...(props.file ? { file: props.file } : {}), ...(props.line ? { line: Number(props.line) } : {}), ...(props.title ? { title: props.title } : {}), message: unescape(m[3]) });
    }
    const kept: Annotation[] = [];
    for (const type of ['error', 'warning', 'notice'] as const) kept.push(...all.filter(a => a.type === type).slice(0, ANNOTATION_CAP));
    return kept;
}

function readOutputs(file: string): Record<string, string> {
    const outputs: Record<string, string> = {};
    const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n') : [];
    for (let i = 0; i < lines.length; i++) {
        const heredoc = /^([\w-]+)<<(.+)$/.exec(lines[i]);
        if (heredoc) {
            const end = lines.indexOf(heredoc[2], i + 1);
            outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n');
            i = end;
        } else if (lines[i].includes('=')) {
            const at = lines[i].indexOf('=');
            outputs[lines[i].slice(0, at)] = lines[i].slice(at + 1);
        }
    }
    return outputs;
}

export class Runner {
    private readonly temp = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-runner-'));
    private counter = 0;
    private readonly jobEnv: Record<string, string> = {};
    private summary = '';
    private readonly uploads: Record<string, string>[] = [];
    private readonly used: string[] = [];

    constructor(private readonly options: RunnerOptions) { }

    dispose(): void {
        fs.rmSync(this.temp, { recursive: true, force: true });
    }

    private githubContext(): Record<string, unknown> {
        const o = this.options;
        return {
            event_name: o.eventName, event: o.event, workspace: o.workspace, repository: o.repository ?? 'ministry/plan',
            sha: o.sha ?? '', token: 'simulated-token', server_url: 'https://github.com', api_url: o.apiUrl ?? '', run_id: '4242', run_attempt: '1',
        };
    }

    /** Runs a job's steps; the workflow's `env` and the job's are merged. */
    async runJob(job: { steps: Step[]; env?: Record<string, unknown> }, workflowEnv: Record<string, unknown> = {}): Promise<JobResult> {
        const eventFile = path.join(this.temp, 'event.json');
        fs.writeFileSync(eventFile, JSON.stringify(this.options.event));
        Object.assign(this.jobEnv, Object.fromEntries(Object.entries({ ...workflowEnv, ...job.env }).map(([k, v]) => [k, interpolate(v, { github: this.githubContext() })])));
        const status = { failed: false };
        const steps = await this.runSteps(job.steps, { github: this.githubContext(), env: this.jobEnv, runner: { temp: this.temp, os: 'Linux' } }, status, eventFile);
        return { failed: status.failed, steps, summary: this.summary, uploads: this.uploads, uses: this.used };
    }

    private async runSteps(steps: Step[], context: Record<string, unknown>, status: Status, eventFile: string, actionPath?: string): Promise<StepResult[]> {
        const results: StepResult[] = [];
        const stepsContext: Record<string, { outputs: Record<string, string>; outcome: string; conclusion: string }> = {};
        for (const step of steps) {
            const ctx = { ...context, steps: stepsContext, env: { ...this.jobEnv } };
            const name = step.name ?? step.uses ?? step.run ?? '';
            if (!condition(step.if, ctx, status)) {
                results.push({ name, ran: false, exitCode: 0, stdout: '', stderr: '', outputs: {}, annotations: [] });
                if (step.id) stepsContext[step.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
                continue;
            }
            const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, interpolate(v, ctx, status)]));
            const result = step.run !== undefined
                ? await this.runScript(name, interpolate(step.run, ctx, status), step.shell, env, eventFile, actionPath)
                : await this.runUses(name, String(step.uses), Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, interpolate(v, ctx, status)])), env, status, eventFile);
            results.push(result);
            const continueOnError = text(step['continue-on-error']) === 'true';
            const outcome = result.exitCode === 0 ? 'success' : 'failure';
            if (step.id) stepsContext[step.id] = { outputs: result.outputs, outcome, conclusion: continueOnError ? 'success' : outcome };
            if (result.exitCode !== 0 && !continueOnError) status.failed = true;
        }
        return results;
    }

    /** A `run` step, in bash; asynchronous, so that the REST stand-in in this process can answer it. */
    private async runScript(name: string, script: string, shell: string | undefined, env: Record<string, string>, eventFile: string, actionPath?: string): Promise<StepResult> {
        const n = ++this.counter;
        const file = path.join(this.temp, `step-${n}.sh`);
        const outputFile = path.join(this.temp, `output-${n}`), summaryFile = path.join(this.temp, `summary-${n}`), envFile = path.join(this.temp, `env-${n}`);
        for (const f of [outputFile, summaryFile, envFile]) fs.writeFileSync(f, '');
        fs.writeFileSync(file, script);
        const args = shell === 'bash' ? ['--noprofile', '--norc', '-eo', 'pipefail', file] : ['-e', file];
        const o = this.options;
        const child = spawn('bash', args, {
            cwd: o.workspace,
            env: {
                PATH: [...(o.binDirs ?? []), path.dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(path.delimiter),
                HOME: os.homedir(), LANG: 'C.UTF-8', CI: 'true', GITHUB_ACTIONS: 'true',
                GITHUB_WORKSPACE: o.workspace, GITHUB_EVENT_PATH: eventFile, GITHUB_EVENT_NAME: o.eventName,
                GITHUB_REPOSITORY: o.repository ?? 'ministry/plan', GITHUB_SHA: o.sha ?? '', GITHUB_SERVER_URL: 'https://github.com',
                GITHUB_API_URL: o.apiUrl ?? '', GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '1', RUNNER_TEMP: this.temp,
                GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_ENV: envFile,
                ...(actionPath ? { GITHUB_ACTION_PATH: actionPath } : {}),
                ...o.env, ...this.jobEnv, ...env,
            },
        });
        let stdout = '', stderr = '';
        child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
        child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
        const exitCode = await new Promise<number>(resolve => child.on('close', code => resolve(code ?? 1)));
        this.summary += fs.readFileSync(summaryFile, 'utf8');
        Object.assign(this.jobEnv, readOutputs(envFile));
        return { name, ran: true, exitCode, stdout, stderr, outputs: readOutputs(outputFile), annotations: parseCommands(stdout) };
    }

    private async runUses(name: string, uses: string, inputs: Record<string, string>, env: Record<string, string>, status: Status, eventFile: string): Promise<StepResult> {
        this.used.push(uses);
        const done = (outputs: Record<string, string> = {}, exitCode = 0): StepResult => ({ name, ran: true, exitCode, stdout: '', stderr: '', outputs, annotations: [] });
        if (/^actions\/(checkout|setup-node)@/.test(uses)) return done();
        if (/^github\/codeql-action\/upload-sarif@/.test(uses)) {
            const file = inputs.sarif_file;
            const ok = Boolean(file) && fs.existsSync(path.resolve(this.options.workspace, file));
            if (ok) JSON.parse(fs.readFileSync(path.resolve(this.options.workspace, file), 'utf8'));
            this.uploads.push(inputs);
            return done({}, ok ? 0 : 1);
        }
        const prefix = Object.keys(this.options.actions ?? {}).find(p => uses.startsWith(p));
        if (!prefix) throw new Error(`the simulated runner has no action '${uses}'`);
        const dir = this.options.actions![prefix];
        const action = yaml.load(fs.readFileSync(path.join(dir, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: Step[] } };
        if (action.runs.using !== 'composite') throw new Error(`only composite actions: ${uses}`);
        const github = this.githubContext();
        const actionInputs = Object.fromEntries(Object.entries(action.inputs).map(([k, spec]) => [k, inputs[k] ?? interpolate(spec.default ?? '', { github })]));
        const inner = { github, inputs: actionInputs, env: this.jobEnv, runner: { temp: this.temp, os: 'Linux' } };
        const innerStatus = { failed: false };
        const steps = await this.runSteps(action.runs.steps, inner, innerStatus, eventFile, dir);
        const stepsContext = Object.fromEntries(action.runs.steps.map((s, i) => [s.id ?? `_${i}`, { outputs: steps[i].outputs }]));
        const outputs = Object.fromEntries(Object.entries(action.outputs ?? {}).map(([k, spec]) => [k, interpolate(spec.value, { ...inner, steps: stepsContext })]));
        void env;
        void status;
        return {
            name, ran: true, exitCode: innerStatus.failed ? 1 : 0, outputs,
            stdout: steps.map(s => s.stdout).join(''), stderr: steps.map(s => s.stderr).join(''),
            annotations: steps.flatMap(s => s.annotations),
        };
    }
}

/** The YAML blocks of a Markdown file, with the heading they are under. */
export function yamlBlocks(markdown: string): { heading: string; text: string }[] {
    const blocks: { heading: string; text: string }[] = [];
    let heading = '';
    const lines = markdown.split('\n');
    for (let i = 0; i < lines.length; i++) {
        if (lines[i].startsWith('#')) heading = lines[i].replace(/^#+\s*/, '');
        if (lines[i].trim() === '```yaml') {
            const end = lines.indexOf('```', i + 1);
            blocks.push({ heading, text: lines.slice(i + 1, end).join('\n') + '\n' });
            i = end;
        }
    }
    return blocks;
}

/** Stand-ins for npm and the like that record every call and fail: a workflow using the action must not need them. */
export function poisonedNpm(dir: string): { bin: string; calls: () => string[] } {
    const bin = path.join(dir, 'poisoned-bin');
    const log = path.join(dir, 'npm-calls.log');
    fs.mkdirSync(bin, { recursive: true });
    for (const tool of ['npm', 'npx', 'yarn', 'pnpm']) {
        fs.writeFileSync(path.join(bin, tool), `#!/bin/sh\necho "${tool} $*" >> "${log}"\necho "${tool} must not run in this workflow" >&2\nexit 97\n`, { mode: 0o755 });
    }
    return { bin, calls: () => fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : [] };
}
