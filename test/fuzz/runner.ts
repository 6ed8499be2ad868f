/**
 * The fuzz run: fast-check generates recipes from a seed; each case is checked in a lane (a child
 * process with a timeout); failures are grouped into classes (property + normalised message +
 * top of the stack). The first case of a new class is minimised with fast-check's shrinking: first
 * the recipe (fewer sources and mutations, smaller numbers), then the document's lines and tokens
 * (`fc.subarray` seeded with the whole text as an example). One reproducer is kept per class.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { tokenize, topLevelParts } from './corpus.js';
import { PROPERTIES, slowOverallMs, stepsFor, type Failure, type PropertyId } from './evaluate.js';
import { Lane, type LaneResult } from './lane.js';
import { loadPool, materialize, recipeArbitrary, type Recipe } from './recipe.js';
import { configName, CONFIG_VARIANTS, LIBRARY_VARIANTS, writeCase, type CaseInput } from './workspace.js';

export interface FuzzOptions {
    seed: number;
    /** Stop after this many generated documents... */
    runs: number;
    /** ...or after this many seconds of generation (minimisation included), whichever comes first. */
    seconds: number;
    /** Lanes (checking processes) run side by side. */
    workers: number;
    /** Minimise each new failure class. */
    minimise: boolean;
    /** Time budget to minimise one class. */
    shrinkSeconds: number;
    /** Wall-clock limit of one case; past it the case is a hang. */
    timeoutMs: number;
    /** Where reproducers go (nothing is written without it). */
    outDir?: string;
    log?: (line: string) => void;
    /** Progress every so many seconds (0: none). */
    progressSeconds?: number;
}

interface Reproducer {
    text: string;
    input: CaseInput;
    recipe?: Recipe;
    failure: Failure;
    /** Whether fast-check's shrinking ran to the end (false: budget exhausted or not reproduced). */
    complete: boolean;
    file?: string;
}

interface FailureClass {
    key: string;
    property: PropertyId;
    /** Generated documents that showed it. */
    count: number;
    first: Failure;
    /** The first case that showed it: its recipe when it came from one, and its files. */
    firstRecipe?: Recipe;
    firstInput: CaseInput;
    reproducer?: Reproducer;
    minimising?: boolean;
}

export interface FuzzReport {
    seed: number;
    documents: number;
    shrinkEvaluations: number;
    elapsedSeconds: number;
    failingDocuments: Record<PropertyId, number>;
    classes: FailureClass[];
    slowest?: { cpuMs: number; size: number; text: string };
    steepest?: { msPerKb: number; cpuMs: number; size: number };
    totalCheckCpuMs: number;
    largest: number;
    timeouts: number;
    crashes: number;
    withParseErrors: number;
    /** Wall time per step of the evaluation, summed over the generated documents (ms). */
    phaseMs: Record<string, number>;
    /** Cases where the checker read another text than the one written (a harness problem; ignored). */
    staleReads: number;
}

/** The most parts one fast-check subarray shrink works on. */
const MAX_PARTS = 1000;

const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 10);

export function resultFailures(result: LaneResult, timeoutMs: number): Failure[] {
    if (result.kind === 'ok') return result.outcome.failures;
    if (result.kind === 'timeout') {
        // Where it was: still checking (a hang or a very slow check), or in a later step.
        const failures: Failure[] = [{ property: 'performance', key: `performance: no answer within ${Math.round(timeoutMs / 1000)} s (${result.step === 'checked' ? 'after the check' : result.step === 'checking' ? 'in the check' : `in ${result.step}`})`, message: `no answer after ${Math.round(result.ms)} ms; last step: ${result.step}${result.checkCpuMs !== undefined ? `; the check took ${Math.round(result.checkCpuMs)} ms CPU` : ''}` }];
        if (result.checkCpuMs !== undefined && result.checkCpuMs > slowOverallMs(result.bytes)) failures.push({ property: 'performance', key: 'performance: check took more than 10 s (4 s per MB beyond 2.5 MB)', message: `check took ${Math.round(result.checkCpuMs)} ms CPU` });
        return failures;
    }
    const first = result.detail.split('\n').find(l => /error|heap|killed|abort/i.test(l)) ?? result.detail.split('\n')[0];
    return [{ property: 'exception', key: `exception: the checking process died (${first.replace(/\d+/g, 'N').slice(0, 120)})`, message: result.detail }];
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
    const log = options.log ?? (() => undefined);
    const pool = loadPool();
    const arbitrary = recipeArbitrary(pool);
    const started = performance.now();
    const elapsed = () => (performance.now() - started) / 1000;
    const classes = new Map<string, FailureClass>();
    const queue: { key: string; recipe?: Recipe; input: CaseInput }[] = [];
    const report: FuzzReport = {
        seed: options.seed, documents: 0, shrinkEvaluations: 0, elapsedSeconds: 0,
        failingDocuments: Object.fromEntries(PROPERTIES.map(p => [p, 0])) as Record<PropertyId, number>,
        classes: [], totalCheckCpuMs: 0, largest: 0, timeouts: 0, crashes: 0, withParseErrors: 0, phaseMs: {}, staleReads: 0,
    };
    const done = () => report.documents >= options.runs || elapsed() >= options.seconds;
    let lastProgress = 0;

    /** Records failures; `generated`: they come from a generated document (not from shrinking). */
    const note = (failures: Failure[], input: CaseInput, recipe: Recipe | undefined, generated: boolean): Failure[] => {
        const fresh: Failure[] = [];
        for (const failure of failures) {
            const known = classes.get(failure.key);
            if (known) {
                if (generated) known.count++;
            } else {
                classes.set(failure.key, { key: failure.key, property: failure.property, count: generated ? 1 : 0, first: failure, firstRecipe: recipe, firstInput: input });
                fresh.push(failure);
                log(`  new class [${failure.property}] ${failure.key}`);
            }
        }
        return fresh;
    };

    async function generate(lane: Lane, laneIndex: number): Promise<void> {
        for (let round = 0; !done(); round++) {
            const seed = (options.seed + laneIndex * 1_000_003 + round * 7919) | 0;
            let found: { recipe: Recipe; input: CaseInput; fresh: Failure[] } | undefined;
            const property = fc.asyncProperty(arbitrary, async recipe => {
                if (done() || found) return true;
                const input = materialize(recipe, pool);
                let result: LaneResult;
                try {
                    result = await lane.run(input);
                } catch (error) {
                    log(`  harness error: ${(error as Error).message.split('\n')[0]}`);
                    lane.close();
                    return true;
                }
                report.documents++;
                if (result.kind === 'ok' && result.outcome.readMismatch) {
                    // The checker did not read the text just written: never take that as a finding.
                    log(`  harness: the checker read another text than the one written (${result.outcome.readMismatch}); ignored`);
                    report.staleReads++;
                    lane.close();
                    return true;
                }
                const failures = resultFailures(result, options.timeoutMs);
                if (result.kind === 'ok') {
                    const o = result.outcome;
                    report.totalCheckCpuMs += o.cpuMs;
                    for (const [k, v] of Object.entries(o.phases)) report.phaseMs[k] = (report.phaseMs[k] ?? 0) + v;
                    report.largest = Math.max(report.largest, o.size);
                    if (o.parseErrors) report.withParseErrors++;
                    if (!report.slowest || o.cpuMs > report.slowest.cpuMs) report.slowest = { cpuMs: o.cpuMs, size: o.size, text: input.main };
                    const kb = o.size / 1024;
                    if (kb >= 1 && (!report.steepest || o.cpuMs / kb > report.steepest.msPerKb)) report.steepest = { msPerKb: o.cpuMs / kb, cpuMs: o.cpuMs, size: o.size };
                } else if (result.kind === 'timeout') {
                    report.timeouts++;
                } else {
                    report.crashes++;
                }
                for (const p of new Set(failures.map(f => f.property))) report.failingDocuments[p]++;
                const fresh = note(failures, input, recipe, true);
                if (options.progressSeconds && elapsed() - lastProgress >= options.progressSeconds) {
                    lastProgress = elapsed();
                    log(`  ${report.documents} documents, ${classes.size} failure classes, ${Math.round(elapsed())} s`);
                }
                if (fresh.length > 0) {
                    found = { recipe, input, fresh };
                    return false;
                }
                return true;
            });
            const remainingRuns = options.runs - report.documents;
            const remainingMs = (options.seconds - elapsed()) * 1000;
            if (remainingRuns <= 0 || remainingMs <= 0) break;
            await fc.check(property, { seed, numRuns: remainingRuns, endOnFailure: true, interruptAfterTimeLimit: remainingMs, markInterruptAsFailure: false });
            if (found) {
                for (const failure of found.fresh) queue.push({ key: failure.key, recipe: found.recipe, input: found.input });
            }
            if (options.minimise) await drain(lane, started + options.seconds * 1000);
        }
    }

    async function drain(lane: Lane, until = Infinity): Promise<void> {
        while (queue.length > 0 && performance.now() < until) {
            const { key, recipe, input } = queue.shift()!;
            const cls = classes.get(key);
            if (!cls || cls.reproducer || cls.minimising) continue;
            cls.minimising = true;
            const t0 = performance.now();
            cls.reproducer = await minimise(lane, key, recipe, input, until);
            cls.minimising = false;
            if (options.outDir) cls.reproducer.file = writeReproducer(options.outDir, cls, options.seed);
            log(`  minimised [${cls.property}] in ${Math.round((performance.now() - t0) / 1000)} s to ${cls.reproducer.text.length} characters${cls.reproducer.complete ? '' : ' (budget exhausted or not reproduced)'}${cls.reproducer.file ? ` -> ${path.relative(process.cwd(), cls.reproducer.file)}` : ''}`);
        }
    }

    /** fast-check shrinking, twice: the recipe, then the document's lines and tokens. */
    async function minimise(lane: Lane, key: string, recipe: Recipe | undefined, start: CaseInput, until = Infinity): Promise<Reproducer> {
        const begin = performance.now();
        const end = Math.min(begin + options.shrinkSeconds * 1000, until);
        // The recipe gets at most a third of the budget; the text the rest.
        let deadline = recipe ? begin + (end - begin) / 3 : end;
        let last: Failure | undefined;
        let complete = true;
        let current: Recipe | undefined;
        /** The last input that showed the failure: the reproducer is always one that did. */
        let shown: CaseInput | undefined;
        const cls = classes.get(key)!;
        const steps = stepsFor(cls.property, key);
        const shows = async (input: CaseInput): Promise<boolean> => {
            if (performance.now() > deadline) {
                if (deadline === end) complete = false;
                return false; // out of budget: stop shrinking where we are
            }
            let result: LaneResult;
            try {
                result = await lane.run(input, steps);
            } catch (error) {
                // The harness itself failed (a checking process that cannot start): never count
                // that as the failure, or shrinking would end on the empty document.
                log(`  harness error while shrinking: ${(error as Error).message.split('\n')[0]}`);
                lane.close();
                return false;
            }
            report.shrinkEvaluations++;
            if (result.kind === 'ok' && result.outcome.readMismatch) {
                // The checker did not read the text just written: never take that as the failure.
                log(`  harness: the checker read another text than the one written (${result.outcome.readMismatch}); ignored`);
                report.staleReads++;
                lane.close();
                return false;
            }
            const failures = resultFailures(result, options.timeoutMs);
            for (const f of note(failures, input, current, false)) queue.push({ key: f.key, recipe: current, input });
            const hit = failures.find(f => f.key === key);
            if (hit) {
                last = hit;
                shown = input;
            }
            return hit !== undefined;
        };
        // 1. The recipe (when the case came from one).
        let best = recipe;
        let input = start;
        let reproduced = true;
        if (recipe) {
            const a = await fc.check(fc.asyncProperty(arbitrary, async r => { current = r; return !(await shows(materialize(r, pool))); }), { examples: [[recipe]], numRuns: 1, seed: 1 });
            current = undefined;
            if (a.failed && a.counterexample) best = a.counterexample[0];
            else reproduced = false;
            input = materialize(best!, pool);
            deadline = end;
        }
        // 2. The text: lines, then tokens (each with the whitespace before it).
        let text = input.main;
        const shrinkParts = async (all: string[]) => {
            if (all.length === 0 || performance.now() > deadline) return;
            // fast-check's subarray shrinker is for hundreds of parts, not hundreds of thousands:
            // group consecutive parts into at most MAX_PARTS (a finer pass follows).
            const size = Math.ceil(all.length / MAX_PARTS);
            const parts: string[] = [];
            for (let i = 0; i < all.length; i += size) parts.push(all.slice(i, i + size).join(''));
            const indices = parts.map((_, i) => i);
            const b = await fc.check(fc.asyncProperty(fc.subarray(indices), async kept => !(await shows({ ...input, main: kept.map(i => parts[i]).join('') }))), { examples: [[indices]], numRuns: 1, seed: 1 });
            if (b.failed && b.counterexample) text = b.counterexample[0].map(i => parts[i]).join('');
        };
        if (reproduced) {
            await shrinkParts(topLevelParts(text));
            for (let lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [], pass = 0; pass < 3 && performance.now() < deadline; pass++) {
                await shrinkParts(lines);
                const next = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
                if (next.length <= MAX_PARTS || next.length === lines.length) break; // grouped passes until the lines fit
                lines = next;
            }
            if (text.length <= 200_000) await shrinkParts(tokensWithSpace(text));
        }
        // 3. The surroundings: no configuration file, the good library (when the failure stays).
        if (reproduced) {
            for (const simpler of [{ config: 0 }, { library: 0 }]) {
                const candidate = { ...input, ...simpler, main: text };
                if ((candidate.config !== input.config || candidate.library !== input.library) && await shows(candidate)) input = candidate;
            }
        }
        const failure = last ?? classes.get(key)!.first;
        if (shown && (shown.main !== text || shown.config !== input.config || shown.library !== input.library)) {
            // fast-check's counterexample is the last input that failed; should the two differ, keep the verified one.
            log(`  note: shrinking ended on an input that was not the last one showing the failure; keeping the verified one`);
            text = shown.main;
            input = shown;
        }
        return { text, input: { ...input, main: text }, recipe: best, failure, complete: complete && reproduced };
    }

    const lanes = Array.from({ length: Math.max(1, options.workers) }, () => new Lane(options.timeoutMs));
    try {
        await Promise.all(lanes.map((lane, i) => generate(lane, i)));
        // What is left in the queue gets a bounded extra time at the end.
        if (options.minimise) await drain(lanes[0], performance.now() + Math.max(30, options.shrinkSeconds) * 1000 * 2);
    } finally {
        lanes.forEach(l => l.close());
    }
    // Classes left unminimised keep the first document that showed them.
    for (const cls of classes.values()) {
        if (cls.reproducer) continue;
        cls.reproducer = { text: cls.firstInput.main, input: cls.firstInput, recipe: cls.firstRecipe, failure: cls.first, complete: false };
        if (options.outDir) cls.reproducer.file = writeReproducer(options.outDir, cls, options.seed);
    }
    report.elapsedSeconds = elapsed();
    report.classes = [...classes.values()].sort((x, y) => PROPERTIES.indexOf(x.property) - PROPERTIES.indexOf(y.property) || y.count - x.count);
    if (options.outDir) writeSummary(options.outDir, report);
    return report;
}

function tokensWithSpace(text: string): string[] {
    const parts: string[] = [];
    let pending = '';
    for (const t of tokenize(text)) {
        if (t.ws) pending += t.text;
        else {
            parts.push(pending + t.text);
            pending = '';
        }
    }
    if (pending) parts.push(pending);
    return parts;
}

function reproducerBase(cls: Pick<FailureClass, 'property' | 'key'>): string {
    return `${cls.property}-${hash(cls.key)}`;
}

function writeReproducer(outDir: string, cls: FailureClass, seed: number): string {
    const r = cls.reproducer!;
    fs.mkdirSync(outDir, { recursive: true });
    const base = path.join(outDir, reproducerBase(cls));
    fs.writeFileSync(`${base}.ssr`, r.text);
    const usesFiles = /\bimport\b/.test(r.text) || configName(r.input) !== 'none';
    if (usesFiles) {
        fs.rmSync(base, { recursive: true, force: true });
        writeCase(base, r.input);
    }
    const n = r.input.config % (CONFIG_VARIANTS.length + (r.input.extraConfigs?.length ?? 0));
    fs.writeFileSync(`${base}.json`, JSON.stringify({
        property: cls.property,
        class: cls.key,
        message: r.failure.message,
        stack: r.failure.stack?.split('\n').slice(0, 14).join('\n'),
        seed,
        shrinkingComplete: r.complete,
        documentsShowingIt: cls.count,
        text: r.text.length <= 4000 ? r.text : `${r.text.length} characters, see ${path.basename(base)}.ssr`,
        library: { variant: LIBRARY_VARIANTS[r.input.library % LIBRARY_VARIANTS.length].name, path: 'ws/lib/actors.ssr' },
        config: { variant: configName(r.input), text: n < CONFIG_VARIANTS.length ? CONFIG_VARIANTS[n].text : r.input.extraConfigs?.[n - CONFIG_VARIANTS.length] },
        workspace: usesFiles ? `${path.basename(base)}/ws (main.ssr and the files it imports)` : undefined,
        input: { library: r.input.library, config: r.input.config },
        recipe: r.recipe,
        firstSeen: { message: cls.first.message.slice(0, 1000) },
        replay: `npm run fuzz -- --replay ${path.relative(process.cwd(), base)}.json`,
    }, null, 2) + '\n');
    return `${base}.ssr`;
}

function writeSummary(outDir: string, report: FuzzReport): void {
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, 'summary.json'), JSON.stringify({
        ...report,
        slowest: report.slowest && { cpuMs: Math.round(report.slowest.cpuMs), size: report.slowest.size },
        classes: report.classes.map(c => ({
            property: c.property, class: c.key, documents: c.count, message: c.first.message.slice(0, 500),
            reproducer: c.reproducer?.file && path.basename(c.reproducer.file), characters: c.reproducer?.text.length, shrinkingComplete: c.reproducer?.complete,
        })),
    }, null, 2) + '\n');
    if (report.slowest) fs.writeFileSync(path.join(outDir, 'slowest.ssr'), report.slowest.text);
}

