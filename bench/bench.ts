/**
 * `npm run bench` (issue 11): what a check costs, as ratios to the same document's parse-only
 * time (`LangiumParser.parse(text)`), so that the figures mean something on any machine.
 *
 *  - the spec examples and generated strategies of ~2k, ~20k and ~200k lines (bench/generate.ts):
 *    parse, full check (`checkUris`: build with validation), and the peer (the same plan as YAML,
 *    js-yaml + ajv against bench/strategy.schema.json);
 *  - growth from 20k to 200k lines;
 *  - a workspace of 200 strategies sharing 3 actor libraries;
 *  - the bundled server over stdio, as an editor drives it (bench/lsp-client.ts): open → first
 *    diagnostics, edit → diagnostics over single-character edits inside string literals,
 *    completion and hover latency, and the server's memory.
 *
 * It fails (exit 1) only when the server's diagnostics after the last edit differ from
 * `ssr check --format json` on the same final text; every other figure is reported, not asserted.
 *
 *   npm run bench [-- --max-lines N] [--json FILE] [--edits N] [--requests N] [--workspace-files N]
 *   BENCH_MAX_LINES=N npm run bench       (sizes above N are skipped, and reported as such)
 */
import { execSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createSsrServices } from '../language/ssr-module.js';
import { checkUris } from '../language/check.js';
import { renderStrategyYaml, writeStrategy, type WrittenStrategy } from './generate.js';
import { LspClient, fileUri, type Publication } from './lsp-client.js';
import { compareFindings, formatDiff, fromDiagnostics, isSame, runCliCheck } from './findings.js';
import { YamlPeer } from './peer.js';
import { best, collectGarbage, cpuMs, mb, mean, ms, percentile, ratio, seededRandom, table, thousands, threadCpuMs, timed, type Timing } from './stats.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SPEC_EXAMPLES = path.resolve(ROOT, '../shared/spec/examples');
const SERVER = path.join(ROOT, 'dist', 'server.cjs');
const CLI = path.join(ROOT, 'dist', 'cli.cjs');

const { values: args } = parseArgs({
    options: {
        'max-lines': { type: 'string' },
        json: { type: 'string' },
        edits: { type: 'string' },
        requests: { type: 'string', default: '50' },
        'workspace-files': { type: 'string', default: '200' },
    },
});
const MAX_LINES = Number(args['max-lines'] ?? process.env.BENCH_MAX_LINES ?? Infinity);
/**
 * Edits per size: a p95 over 100 edits is the fifth slowest, which one collection more or less
 * moves; 300 at 2k lines (a few seconds) make it steadier. `--edits N` sets both.
 */
const editsAt = (size: number): number => args.edits !== undefined ? Number(args.edits) : size <= 2_000 ? 300 : 100;
const REQUESTS = Number(args.requests);
const WORKSPACE_FILES = Number(args['workspace-files']);
/** Generous limits: the benchmark measures, the soak enforces the 5 s rule. */
const REQUEST_LIMIT_MS = 120_000;

const SIZES = [2_000, 20_000, 200_000];
const LSP_SIZES = [2_000, 20_000];
/**
 * Runs per size: [rounds, parses and checks in a row per round, checks with new services]. The
 * large sizes are too slow for more.
 */
const RUNS: Record<number, [number, number, number]> = { 2000: [6, 8, 5], 20000: [3, 4, 3], 200000: [2, 1, 1] };
/** Back-to-back parses for the steady-state parse (timeSteadyParse). */
const STEADY_RUNS: Record<number, number> = { 2000: 100, 20000: 12 };

const progress = (message: string) => process.stderr.write(`bench: ${message}\n`);
const label = (size: number) => `~${size / 1000}k`;

// ---------------------------------------------------------------------------------------------
// Parse, check, peer
// ---------------------------------------------------------------------------------------------

interface CheckFigures {
    lines: number;
    parse: Timing;
    check?: Timing;
    /** Mean check ÷ mean parse, each in its own steady state (CPU time). */
    checkRatio?: number;
    /** The check with new services (a new process's `ssr check`). */
    newServices?: Timing;
    checkError?: string;
    /** When the check failed: how long it ran until then (a lower bound of its time). */
    failedAfter?: Timing;
    findings?: number;
    peer: Timing;
    peerValid: boolean;
}

async function timeParse(text: string, runs: number): Promise<Timing> {
    const parser = createSsrServices(NodeFileSystem).Ssr.parser.LangiumParser;
    parser.parse(text); // warm-up
    const samples: Timing[] = [];
    for (let i = 0; i < runs; i++) {
        await collectGarbage();
        samples.push(await timed(() => parser.parse(text)));
    }
    return best(samples);
}

/**
 * The parse in the steady state: the mean CPU time of parses in a row, with the collections they
 * cause, on the main thread (as the language server's figures are read) over the whole series.
 */
interface SteadyParse { cpu: number }

/**
 * Parses in a row, as an editor's server parses on every keystroke, with no collection forced in
 * between: each parse pays for the garbage it leaves, which a parse right after a full collection
 * never does when it allocates less than the young generation holds (at 2k lines, ~9 MB). The
 * mean over the runs (a second or more) is the parse's cost with its collections amortised.
 */
function timeSteadyParse(text: string, runs: number): SteadyParse {
    const parser = createSsrServices(NodeFileSystem).Ssr.parser.LangiumParser;
    for (let i = 0; i < Math.min(runs, 5); i++) parser.parse(text); // warm-up, and a young generation in use
    const clock = () => threadCpuMs() ?? cpuMs();
    const cpu = clock();
    for (let i = 0; i < runs; i++) parser.parse(text);
    return { cpu: (clock() - cpu) / runs };
}

const WARM_UP = `strategy "Warm-up" {\n    country "W"\n    period from 2026 to 2027\n    currency USD\n}\nactor A "A" { kind police }\n`;

/**
 * Fresh services that have checked a tiny strategy: Langium creates its services (the parser
 * among them, which takes a few hundred milliseconds to build) on first use, a one-off cost of
 * start-up that is not part of a check.
 */
async function warmServices() {
    const services = createSsrServices(NodeFileSystem).Ssr;
    const uri = URI.file(path.join(os.tmpdir(), 'ssr-bench-warm-up', 'warm-up.ssr'));
    await checkUris(services, [uri], new Map([[uri.toString(), WARM_UP]]));
    return services;
}

/** The requested files' findings in a check's reports (hints aside, as the command line prints them). */
const findingsIn = (reports: Awaited<ReturnType<typeof checkUris>>): number =>
    reports.filter(r => r.requested).reduce((n, r) => n + r.findings.filter(f => f.severity !== 'hint').length, 0);

/** Removes every document from the services' workspace, as if none had been opened. */
function forgetDocuments(services: ReturnType<typeof createSsrServices>['Ssr']): void {
    const workspace = services.shared.workspace;
    for (const document of [...workspace.LangiumDocuments.all]) {
        workspace.LangiumDocuments.deleteDocument(document.uri);
        workspace.IndexManager.remove(document.uri);
    }
}

/**
 * Full checks of the workspace's files with warm services: the same services check them once
 * (warm-up), then each run, after a full collection, loads, links and validates them again from
 * nothing (the documents are removed between runs); the best run.
 */
async function timeCheck(uris: URI[], runs: number): Promise<Timing & { findings: number }> {
    const services = await warmServices();
    let findings = findingsIn(await checkUris(services, uris));
    const samples: Timing[] = [];
    for (let i = 0; i < runs; i++) {
        forgetDocuments(services);
        await collectGarbage();
        const run = await timed(() => checkUris(services, uris));
        samples.push(run);
        findings = findingsIn(run.result);
    }
    return { ...best(samples), findings };
}

/**
 * Full checks with new services each run, as `ssr check` does in a new process: the services are
 * created and have checked a tiny strategy first, but the parser, linker and rules meet this
 * document for the first time (V8 has not optimised them for it yet).
 */
async function timeNewServicesCheck(uris: URI[], runs: number): Promise<Timing> {
    const samples: Timing[] = [];
    for (let i = 0; i < runs; i++) {
        const services = await warmServices();
        await collectGarbage();
        samples.push(await timed(() => checkUris(services, uris)));
    }
    return best(samples);
}

interface ParseAndCheck { parse: Timing; check: Timing; ratio: number; findings: number }

/**
 * Parse-only and the steady-state check of the same text, each in its own steady state: rounds of
 * `perBlock` parses in a row, then `perBlock` checks in a row, with no collection forced, so that
 * each pays for the garbage it leaves (collections included) as a server that parses, or checks,
 * on every keystroke does — and not for the other's, beyond the first run of a block. (A run right
 * after a forced full collection is not representative: its young generation is empty and V8
 * resizes it.) Parse and check are the means of their runs and the ratio theirs; alternating the
 * blocks makes a change in the machine's load move both sides of the ratio alike.
 */
async function timeParseAndCheck(text: string, uris: URI[], rounds: number, perBlock: number): Promise<ParseAndCheck> {
    const parser = createSsrServices(NodeFileSystem).Ssr.parser.LangiumParser;
    const services = await warmServices();
    let findings = 0;
    const parses: Timing[] = [], checks: Timing[] = [];
    for (let round = -WARM_UP_ROUNDS; round < rounds; round++) {
        const parseBlock: Timing[] = [], checkBlock: Timing[] = [];
        for (let i = 0; i < perBlock; i++) parseBlock.push(await timed(() => parser.parse(text)));
        for (let i = 0; i < perBlock; i++) {
            forgetDocuments(services);
            const check = await timed(() => checkUris(services, uris));
            findings = findingsIn(check.result);
            checkBlock.push(check);
        }
        if (round < 0) continue;
        parses.push(...parseBlock);
        checks.push(...checkBlock);
    }
    const parse = mean(parses), check = mean(checks);
    return { parse, check, ratio: check.cpu / parse.cpu, findings };
}

/** Rounds run before the measured ones: V8 optimises the code, the heap reaches its working size. */
const WARM_UP_ROUNDS = 1;

async function timePeer(peer: YamlPeer, text: string, runs: number): Promise<Timing & { valid: boolean; errors: string[] }> {
    const first = peer.check(text); // warm-up
    const samples: Timing[] = [];
    for (let i = 0; i < runs; i++) {
        await collectGarbage();
        samples.push(await timed(() => peer.check(text)));
    }
    return { ...best(samples), valid: first.valid, errors: first.errors };
}

async function benchSize(workdir: string, size: number, peer: YamlPeer): Promise<{ figures: CheckFigures; strategy: WrittenStrategy }> {
    const strategy = writeStrategy(path.join(workdir, `size-${size}`), 'plan.ssr', { targetLines: size });
    const [rounds, perBlock, newServicesRuns] = RUNS[size] ?? [2, 1, 1];
    progress(`${label(size)}: ${thousands(strategy.lines)} lines — ${rounds} rounds of ${perBlock} parses then ${perBlock} checks, check with new services ×${newServicesRuns}, YAML peer ×${rounds * perBlock}`);
    const peerTiming = await timePeer(peer, renderStrategyYaml(strategy.model), rounds * perBlock);
    if (!peerTiming.valid) progress(`the YAML peer rejects its own plan: ${peerTiming.errors.join('; ')}`);
    const uris = [URI.file(strategy.file)];
    const figures: CheckFigures = { lines: strategy.lines, parse: { wall: NaN, cpu: NaN }, peer: { wall: peerTiming.wall, cpu: peerTiming.cpu }, peerValid: peerTiming.valid };
    const wall = performance.now();
    const cpu = cpuMs();
    try {
        const steady = await timeParseAndCheck(strategy.text, uris, rounds, perBlock);
        figures.parse = steady.parse;
        figures.check = steady.check;
        figures.checkRatio = steady.ratio;
        figures.findings = steady.findings;
        figures.newServices = await timeNewServicesCheck(uris, newServicesRuns);
    } catch (error) {
        figures.failedAfter = { wall: performance.now() - wall, cpu: cpuMs() - cpu };
        figures.checkError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        progress(`${label(size)}: the check failed after ${ms(figures.failedAfter.cpu)} CPU (${ms(figures.failedAfter.wall)} wall): ${figures.checkError}`);
        if (!Number.isFinite(figures.parse.cpu)) figures.parse = await timeParse(strategy.text, rounds * perBlock);
    }
    return { figures, strategy };
}

async function benchExamples(): Promise<{ file: string; lines: number; parse: Timing; check: Timing; ratio: number }[]> {
    if (!fs.existsSync(SPEC_EXAMPLES)) return [];
    const files: string[] = [];
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            if (entry.isDirectory()) walk(path.join(dir, entry.name));
            else if (entry.name.endsWith('.ssr')) files.push(path.join(dir, entry.name));
        }
    };
    walk(SPEC_EXAMPLES);
    progress(`spec examples: ${files.length} files`);
    const rows = [];
    for (const file of files) {
        const text = fs.readFileSync(file, 'utf8');
        const steady = await timeParseAndCheck(text, [URI.file(file)], 5, 10);
        rows.push({ file: path.relative(SPEC_EXAMPLES, file), lines: text.split('\n').length - 1, parse: steady.parse, check: steady.check, ratio: steady.ratio });
    }
    return rows;
}

// ---------------------------------------------------------------------------------------------
// Workspace
// ---------------------------------------------------------------------------------------------

interface WorkspaceFigures { files: number; libraries: number; lines: number; check: Timing; parse: Timing }

async function benchWorkspace(workdir: string, files: number): Promise<WorkspaceFigures> {
    const folder = path.join(workdir, 'workspace');
    const written: WrittenStrategy[] = [];
    for (let i = 0; i < files; i++) {
        // Plans of 150 to 650 lines, each importing the same three libraries.
        written.push(writeStrategy(folder, `plan-${String(i + 1).padStart(3, '0')}.ssr`, { targetLines: 150 + (i * 37) % 500, split: 3, country: `Province ${i + 1}` }));
    }
    const lines = written.reduce((n, w) => n + w.lines, 0);
    progress(`workspace: ${files} strategies, ${thousands(lines)} lines, 3 libraries — parse all, check all ×1`);
    const parser = createSsrServices(NodeFileSystem).Ssr.parser.LangiumParser;
    written.forEach(w => parser.parse(w.text));
    await collectGarbage();
    const parse = await timed(() => written.forEach(w => parser.parse(w.text)));
    const check = await timeCheck(written.map(w => URI.file(w.file)), 1);
    return { files, libraries: 3, lines, check: { wall: check.wall, cpu: check.cpu }, parse: { wall: parse.wall, cpu: parse.cpu } };
}

// ---------------------------------------------------------------------------------------------
// The language server
// ---------------------------------------------------------------------------------------------

/** p50 and p95 of wall time and of the server's CPU time. */
interface Spread { wallP50: number; wallP95: number; cpuP50: number; cpuP95: number; n: number }

interface LspFigures {
    lines: number;
    /** The baseline of the edits, measured in this process just before the server starts. */
    steadyParse: SteadyParse;
    open: Timing;
    edit: Spread;
    completion: Spread;
    hover: Spread;
    requestsUnanswered: number;
    rssAtRest?: number;
    rssPeak?: number;
    finalFindings: number;
    sameAsCli: boolean;
    difference?: string;
}

function spread(samples: Timing[]): Spread {
    const wall = samples.map(s => s.wall);
    const cpu = samples.map(s => s.cpu);
    return { wallP50: percentile(wall, 50), wallP95: percentile(wall, 95), cpuP50: percentile(cpu, 50), cpuP95: percentile(cpu, 95), n: samples.length };
}

/** Offsets just inside string literals (titles), where a typed character changes no finding. */
function stringLiteralOffsets(text: string): number[] {
    const offsets: number[] = [];
    for (const match of text.matchAll(/^\s*(?:actor|objective|activity|benchmark|funding|phase) \w+ "([^"\n]*)"/gm)) {
        offsets.push(match.index + match[0].length - 1 - match[1].length);
    }
    return offsets;
}

/** Where completion and hover are asked: at references, terms and declaration names. */
function requestPositions(text: string): { completion: number[]; hover: number[] } {
    const completion: number[] = [];
    const hover: number[] = [];
    for (const match of text.matchAll(/^\s*(lead|sector|in|partners|after|supports|measures|from|type) ([A-Za-z][\w.-]*)/gm)) {
        const nameStart = match.index + match[0].length - match[2].length;
        completion.push(nameStart + Math.min(2, match[2].length)); // inside the word, as while typing
        hover.push(nameStart + 1);
    }
    for (const match of text.matchAll(/^(?:objective|actor|benchmark|funding) (\w+)/gm)) hover.push(match.index + match[0].length - 1);
    return { completion, hover };
}

/** How long the server is left alone before its memory at rest is read. */
const REST_MS = 3000;

async function benchLsp(size: number, strategy: WrittenStrategy): Promise<LspFigures> {
    const folder = path.dirname(strategy.file);
    const steadyParse = timeSteadyParse(strategy.text, STEADY_RUNS[size] ?? 10);
    const client = await LspClient.start({ serverPath: SERVER, rootFolder: folder, initializeTimeoutMs: REQUEST_LIMIT_MS });
    let sampledPeak = 0;
    const sampler = setInterval(() => {
        const memory = client.memory();
        if (memory) sampledPeak = Math.max(sampledPeak, memory.rss);
    }, 100);
    try {
        const uri = fileUri(strategy.file);
        progress(`LSP ${label(size)}: open, ${editsAt(size)} edits, ${REQUESTS} completions, ${REQUESTS} hovers`);

        // Wall time is what the user waits; the server's CPU time (its main thread) is the work
        // it did, whatever else runs on the machine.
        const serverCpu = () => client.cpu() ?? NaN;
        let mark = client.mark();
        let start = performance.now();
        let cpu = serverCpu();
        await client.open(uri, strategy.text);
        let publication = await client.nextDiagnostics(uri, mark, REQUEST_LIMIT_MS);
        const open: Timing = { wall: publication.at - start, cpu: serverCpu() - cpu };

        // One edit at a time: its diagnostics are the first publication after it was sent.
        const random = seededRandom(11);
        const editTimes: Timing[] = [];
        for (let i = 0; i < editsAt(size); i++) {
            const document = client.textDocument(uri);
            const literals = stringLiteralOffsets(document.getText());
            const offset = literals[Math.floor(random() * literals.length)];
            const position = document.positionAt(offset);
            const character = String.fromCharCode(97 + Math.floor(random() * 26));
            mark = client.mark();
            start = performance.now();
            cpu = serverCpu();
            await client.change(uri, [{ range: { start: position, end: position }, text: character }]);
            publication = await client.nextDiagnostics(uri, mark, REQUEST_LIMIT_MS, client.version(uri));
            editTimes.push({ wall: publication.at - start, cpu: serverCpu() - cpu });
        }
        const lastPublication: Publication = publication;

        const text = client.text(uri);
        const positions = requestPositions(text);
        const document = client.textDocument(uri);
        const pick = (list: number[]) => document.positionAt(list[Math.floor(random() * list.length)]);
        const completionTimes: Timing[] = [];
        const hoverTimes: Timing[] = [];
        let unanswered = 0;
        for (let i = 0; i < REQUESTS; i++) {
            for (const [method, list, times] of [['textDocument/completion', positions.completion, completionTimes], ['textDocument/hover', positions.hover, hoverTimes]] as const) {
                cpu = serverCpu();
                const outcome = await client.request(method, { textDocument: { uri }, position: pick(list) }, REQUEST_LIMIT_MS);
                if (outcome.unanswered || outcome.error) unanswered++;
                else times.push({ wall: outcome.ms, cpu: serverCpu() - cpu });
            }
        }
        // At rest: a pause longer than the second after which the idle server collects its
        // garbage (server/memory.ts), as when the author stops typing.
        await new Promise(resolve => setTimeout(resolve, REST_MS));
        const rest = client.memory();

        // The reference: ssr check on the same final text, written over the file (the server
        // reads it only through the open document), so that paths are the same for both.
        fs.writeFileSync(strategy.file, text);
        const cli = runCliCheck(CLI, folder, [path.basename(strategy.file)]);
        const diff = compareFindings(cli.files.get(path.basename(strategy.file)) ?? [], fromDiagnostics(lastPublication.diagnostics));
        return {
            lines: strategy.lines, steadyParse, open, edit: spread(editTimes), completion: spread(completionTimes), hover: spread(hoverTimes),
            requestsUnanswered: unanswered,
            rssAtRest: rest?.rss, rssPeak: Math.max(sampledPeak, rest?.peak ?? 0),
            finalFindings: fromDiagnostics(lastPublication.diagnostics).length,
            sameAsCli: isSame(diff), difference: isSame(diff) ? undefined : formatDiff(diff),
        };
    } finally {
        clearInterval(sampler);
        await client.shutdown().catch(() => client.dispose());
    }
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

function machine(): Record<string, string> {
    let commit = 'unknown';
    try {
        commit = execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8' }).trim();
        if (execSync('git status --porcelain -- language server cli', { cwd: ROOT, encoding: 'utf8' }).trim()) commit += ' (+ changes)';
    } catch { /* not a git checkout */ }
    const cpus = os.cpus();
    return {
        node: process.version, platform: `${os.platform()} ${os.arch()}`,
        cpus: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}`, memory: mb(os.totalmem()), commit, date: new Date().toISOString(),
    };
}

async function main(): Promise<number> {
    const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-bench-'));
    const peer = new YamlPeer(ROOT);
    const report: Record<string, unknown> = { machine: machine(), maxLines: Number.isFinite(MAX_LINES) ? MAX_LINES : null };
    const out: string[] = [];
    let failed = false;
    try {
        const info = report.machine as Record<string, string>;
        out.push(`SSR benchmark — Node ${info.node}, ${info.platform}, ${info.cpus}, ${info.memory}, commit ${info.commit}, ${info.date}`);
        out.push('Parse and check: each in its steady state (runs in a row, blocks alternating), means; peer and new services: the best of several runs. CPU time of this process (wall time beside).');
        out.push('"×parse" is a ratio to the same document\'s parse-only CPU time. See docs/performance.md.');
        out.push(Number.isFinite(MAX_LINES) ? `Sizes above ${thousands(MAX_LINES)} lines are skipped (--max-lines / BENCH_MAX_LINES).` : 'All sizes (no --max-lines / BENCH_MAX_LINES).');

        const examples = await benchExamples();
        report.examples = examples;

        const figures = new Map<number, CheckFigures>();
        const strategies = new Map<number, WrittenStrategy>();
        // The largest size last: it is by far the slowest.
        for (const size of SIZES.filter(s => s <= MAX_LINES && s < 200_000)) {
            const { figures: f, strategy } = await benchSize(workdir, size, peer);
            figures.set(size, f);
            strategies.set(size, strategy);
        }
        const workspace = WORKSPACE_FILES > 0 ? await benchWorkspace(workdir, WORKSPACE_FILES) : undefined;
        report.workspace = workspace;
        const lsp = new Map<number, LspFigures>();
        for (const size of LSP_SIZES.filter(s => strategies.has(s))) {
            const figuresForSize = await benchLsp(size, strategies.get(size)!);
            lsp.set(size, figuresForSize);
            if (!figuresForSize.sameAsCli) failed = true;
        }
        for (const size of SIZES.filter(s => s <= MAX_LINES && s >= 200_000)) {
            figures.set(size, (await benchSize(workdir, size, peer)).figures);
        }
        report.sizes = Object.fromEntries([...figures].map(([size, f]) => [size, f]));
        report.lsp = Object.fromEntries([...lsp].map(([size, f]) => [size, f]));

        if (examples.length > 0) {
            out.push('', 'Spec examples (check = checkUris, build with validation; CPU time)');
            out.push(table([['file', 'lines', 'parse', 'check', 'check ×parse', 'check (wall)'],
                ...examples.map(e => [e.file, String(e.lines), ms(e.parse.cpu), ms(e.check.cpu), ratio(e.ratio), ms(e.check.wall)])]));
        }

        out.push('', 'Generated strategy (one file + a library of actors): parse, full check, and the YAML peer (js-yaml + ajv); CPU time');
        out.push('check: the steady state (warm services, as the server on each edit); new services: as a new process (`ssr check`).');
        const sizeRows = [['size', 'lines', 'parse', 'check', 'check ×parse', 'new services', 'new ×parse', 'findings', 'yaml+ajv', 'check ÷ (yaml+ajv)', 'check (wall)']];
        for (const size of SIZES) {
            const f = figures.get(size);
            if (!f) {
                sizeRows.push([label(size), `skipped above ${thousands(MAX_LINES)}`, '', '', '', '', '', '', '', '', '']);
                continue;
            }
            sizeRows.push([label(size), thousands(f.lines), ms(f.parse.cpu),
                f.check ? ms(f.check.cpu) : `FAILED after ${ms(f.failedAfter?.cpu ?? NaN)}`,
                f.checkRatio !== undefined ? ratio(f.checkRatio) : '–',
                f.newServices ? ms(f.newServices.cpu) : '–', f.newServices ? ratio(f.newServices.cpu / f.parse.cpu) : '–',
                f.findings !== undefined ? String(f.findings) : '–',
                `${ms(f.peer.cpu)}${f.peerValid ? '' : ' (invalid!)'}`, f.check ? ratio(f.check.cpu / f.peer.cpu) : '–',
                f.check ? ms(f.check.wall) : `FAILED after ${ms(f.failedAfter?.wall ?? NaN)}`]);
        }
        out.push(table(sizeRows));
        for (const [size, f] of figures) if (f.checkError) out.push(`  ${label(size)}: the check failed (a bug, see docs/performance.md): ${f.checkError}`);

        const small = figures.get(20_000);
        const large = figures.get(200_000);
        if (small && large) {
            // A failed check still ran for a while: its time until the failure is a lower bound.
            const largeCheck = large.check ?? large.failedAfter;
            const growth = {
                lines: large.lines / small.lines,
                check: largeCheck && small.check ? largeCheck.cpu / small.check.cpu : undefined,
                checkIsLowerBound: large.check === undefined,
                parse: large.parse.cpu / small.parse.cpu,
            };
            report.growth = growth;
            const check = growth.check === undefined ? 'n/a' : `${growth.checkIsLowerBound ? 'at least ' : ''}${ratio(growth.check)}${growth.checkIsLowerBound ? ' (the 200k check failed; its time until the failure)' : ''}`;
            out.push('', `Growth 20k → 200k (${ratio(growth.lines)} the lines), CPU time: check ${check}, parse ${ratio(growth.parse)}`);
        } else {
            out.push('', `Growth 20k → 200k: skipped (needs both sizes; limit ${thousands(MAX_LINES)} lines)`);
        }

        if (workspace) {
            out.push('', `Workspace: ${workspace.files} strategies sharing ${workspace.libraries} libraries, ${thousands(workspace.lines)} lines (CPU time; wall in brackets)`);
            out.push(table([['', 'total', 'per file', '×parse'],
                ['check all (one build)', `${ms(workspace.check.cpu)} (${ms(workspace.check.wall)})`, ms(workspace.check.cpu / workspace.files), ratio(workspace.check.cpu / workspace.parse.cpu)],
                ['parse all', `${ms(workspace.parse.cpu)} (${ms(workspace.parse.wall)})`, ms(workspace.parse.cpu / workspace.files), '']]));
        }

        out.push('', 'Language server (dist/server.cjs over stdio, one server per size). Wall time as the client waits, p50 / p95;');
        out.push('then the server\'s CPU time (main thread) for the same work, p50 / p95, and that CPU time ×parse: the steady parse of the');
        out.push('document, the mean of parses in a row on this process\'s main thread just before the server starts (each pays for its garbage, as the server\'s do).');
        const lspRows = [['', ...LSP_SIZES.map(label)]];
        const cell = (size: number, value: (f: LspFigures, parse: number) => string) => {
            const f = lsp.get(size);
            return f ? value(f, f.steadyParse.cpu) : `skipped above ${thousands(MAX_LINES)}`;
        };
        const both = (s: Spread, parse: number) => `${ms(s.wallP50)} / ${ms(s.wallP95)} · CPU ${ms(s.cpuP50)} / ${ms(s.cpuP95)} (${ratio(s.cpuP50 / parse)} / ${ratio(s.cpuP95 / parse)})`;
        lspRows.push(['lines', ...LSP_SIZES.map(s => cell(s, f => thousands(f.lines)))]);
        lspRows.push(['parse (steady, main thread)', ...LSP_SIZES.map(s => cell(s, (_f, p) => ms(p)))]);
        lspRows.push(['open → first diagnostics', ...LSP_SIZES.map(s => cell(s, (f, p) => `${ms(f.open.wall)} · CPU ${ms(f.open.cpu)} (${ratio(f.open.cpu / p)})`))]);
        lspRows.push([`edit → diagnostics (n=${LSP_SIZES.map(editsAt).join(' / ')})`, ...LSP_SIZES.map(s => cell(s, (f, p) => both(f.edit, p)))]);
        lspRows.push([`completion (n=${REQUESTS})`, ...LSP_SIZES.map(s => cell(s, (f, p) => both(f.completion, p)))]);
        lspRows.push([`hover (n=${REQUESTS})`, ...LSP_SIZES.map(s => cell(s, (f, p) => both(f.hover, p)))]);
        lspRows.push(['requests failed or unanswered', ...LSP_SIZES.map(s => cell(s, f => String(f.requestsUnanswered)))]);
        lspRows.push(['server RSS at rest / peak', ...LSP_SIZES.map(s => cell(s, f => `${mb(f.rssAtRest)} / ${mb(f.rssPeak)}`))]);
        lspRows.push(['after the last edit = ssr check', ...LSP_SIZES.map(s => cell(s, f => f.sameAsCli ? `yes (${f.finalFindings} findings)` : 'NO'))]);
        out.push(table(lspRows));
        for (const [size, f] of lsp) {
            if (f.difference) out.push(`  ${label(size)}: the server's diagnostics differ from ssr check:\n${f.difference}`);
        }
        out.push('', failed ? 'FAILED: the server\'s diagnostics differ from ssr check.' : 'OK: the server\'s diagnostics after the last edit equal ssr check.');
        report.ok = !failed;
    } finally {
        fs.rmSync(workdir, { recursive: true, force: true });
    }
    process.stdout.write(out.join('\n') + '\n');
    if (args.json) {
        fs.mkdirSync(path.dirname(path.resolve(args.json)), { recursive: true });
        fs.writeFileSync(args.json, JSON.stringify(report, null, 2) + '\n');
    }
    return failed ? 1 : 0;
}

process.exitCode = await main();
