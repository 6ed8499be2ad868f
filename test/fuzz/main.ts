/**
 * `npm run fuzz -- [--runs N] [--seconds S] [--seed S] [--workers W] [--timeout S]
 *                  [--shrink-seconds S] [--no-shrink] [--out DIR] [--replay FILE.json]`
 *
 * Runs the in-process fuzzer (issue 15, "Never break on half-written text") and prints the seed,
 * the figures and one line per failure class; minimised reproducers go to test-output/fuzz/.
 * Exit code 1 when a property failed, 0 otherwise, 2 on a usage error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './corpus.js';
import { PROPERTIES, PROPERTY_TITLES } from './evaluate.js';
import { Lane } from './lane.js';
import { resultFailures, runFuzz } from './runner.js';
import type { CaseInput } from './workspace.js';
import { loadPool } from './recipe.js';

const USAGE = 'usage: npm run fuzz -- [--runs N] [--seconds S] [--seed S] [--workers W] [--timeout S] [--shrink-seconds S] [--no-shrink] [--out DIR] [--replay FILE.json]';

async function main(): Promise<number> {
    let values;
    try {
        ({ values } = parseArgs({
            options: {
                runs: { type: 'string' }, seconds: { type: 'string' }, seed: { type: 'string' }, workers: { type: 'string' },
                timeout: { type: 'string' }, 'shrink-seconds': { type: 'string' }, 'no-shrink': { type: 'boolean' },
                out: { type: 'string' }, replay: { type: 'string' }, help: { type: 'boolean' },
            },
            strict: true,
        }));
    } catch (error) {
        console.error(`${(error as Error).message}\n${USAGE}`);
        return 2;
    }
    if (values.help) {
        console.log(USAGE);
        return 0;
    }
    const number = (name: string, text: string | undefined, fallback: number): number => {
        if (text === undefined) return fallback;
        const n = Number(text);
        if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number`);
        return n;
    };
    const timeoutMs = number('timeout', values.timeout, 60) * 1000;
    const outDir = path.resolve(values.out ?? path.join(ROOT, 'test-output', 'fuzz'));

    if (values.replay) return replay(values.replay, timeoutMs);

    const seed = Math.trunc(number('seed', values.seed, Date.now() % 2_147_483_647));
    const runs = values.runs === undefined && values.seconds === undefined ? 1000 : number('runs', values.runs, Number.MAX_SAFE_INTEGER);
    const seconds = number('seconds', values.seconds, values.runs === undefined ? 60 : 24 * 3600);
    const workers = Math.max(1, Math.trunc(number('workers', values.workers, 1)));
    const pool = loadPool();
    console.log(`ssr fuzz: seed ${seed}, up to ${runs === Number.MAX_SAFE_INTEGER ? '∞' : runs} documents or ${seconds} s, ${workers} worker(s), timeout ${timeoutMs / 1000} s per case`);
    console.log(`  corpus: ${pool.files.length} documents (${pool.files.filter(f => f.name.endsWith('.ssr')).length} spec examples), ${pool.chunks.length} declarations, ${pool.configs.length} spec configuration(s)`);
    fs.mkdirSync(outDir, { recursive: true });
    const report = await runFuzz({
        seed, runs, seconds, workers, timeoutMs, outDir,
        minimise: !values['no-shrink'],
        shrinkSeconds: number('shrink-seconds', values['shrink-seconds'], 60),
        log: line => console.log(line),
        progressSeconds: 30,
    });

    console.log('');
    console.log(`seed ${report.seed}: ${report.documents} documents in ${Math.round(report.elapsedSeconds)} s (+ ${report.shrinkEvaluations} while shrinking), ${report.withParseErrors} with parse errors, largest ${(report.largest / 1024).toFixed(0)} KB`);
    if (report.slowest) console.log(`slowest check: ${Math.round(report.slowest.cpuMs)} ms CPU for ${(report.slowest.size / 1024).toFixed(1)} KB (test-output/fuzz/slowest.ssr); steepest: ${report.steepest ? `${Math.round(report.steepest.msPerKb)} ms/KB (${Math.round(report.steepest.cpuMs)} ms for ${(report.steepest.size / 1024).toFixed(1)} KB)` : '-'}; ${report.timeouts} timeouts, ${report.crashes} crashes`);
    console.log(`time per step (s): ${Object.entries(report.phaseMs).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', ')}`);
    console.log('');
    for (const property of PROPERTIES) {
        const classes = report.classes.filter(c => c.property === property);
        console.log(`${classes.length === 0 ? 'PASS' : 'FAIL'} ${PROPERTY_TITLES[property]}: ${report.failingDocuments[property]} failing documents, ${classes.length} classes`);
        for (const c of classes) {
            const where = c.reproducer?.file ? ` -> ${path.relative(process.cwd(), c.reproducer.file)} (${c.reproducer.text.length} chars)` : '';
            console.log(`     ${String(c.count).padStart(6)}x  ${c.key}${where}`);
        }
    }
    console.log(`\nreproducers and summary.json in ${path.relative(process.cwd(), outDir) || '.'}; replay one with npm run fuzz -- --replay <file.json>`);
    return report.classes.length > 0 ? 1 : 0;
}

/** Checks one reproducer again and prints what fails. */
async function replay(file: string, timeoutMs: number): Promise<number> {
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { input: { library: number; config: number }; class: string };
    const main = fs.readFileSync(file.replace(/\.json$/, '.ssr'), 'utf8');
    const input: CaseInput = { main, library: json.input.library, config: json.input.config, extraConfigs: loadPool().configs };
    const lane = new Lane(timeoutMs);
    try {
        const result = await lane.run(input);
        const failures = resultFailures(result, timeoutMs);
        if (result.kind === 'ok') console.log(`check: ${Math.round(result.outcome.cpuMs)} ms CPU, ${result.outcome.findings} findings, ${result.outcome.size} characters; wall time per step (ms): ${Object.entries(result.outcome.phases).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ')}`);
        for (const f of failures) console.log(`${f.key === json.class ? '* ' : '  '}[${f.property}] ${f.key}\n    ${f.message.split('\n').join('\n    ')}${f.stack ? `\n    ${f.stack.split('\n').slice(1, 8).join('\n    ')}` : ''}`);
        console.log(failures.some(f => f.key === json.class) ? 'reproduced' : 'NOT reproduced');
        return failures.length > 0 ? 1 : 0;
    } finally {
        lane.close();
    }
}

main().then(code => process.exit(code), error => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(2);
});
