/** Small helpers for figures: percentiles, formatting, a seeded random generator. */
import * as fs from 'node:fs';

/** The p-th percentile (0–100) of `samples`, nearest rank. */
export function percentile(samples: readonly number[], p: number): number {
    if (samples.length === 0) return NaN;
    const sorted = [...samples].sort((a, b) => a - b);
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    return sorted[rank];
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export function ms(value: number): string {
    if (!Number.isFinite(value)) return '–';
    if (value >= 10000) return `${(value / 1000).toFixed(1)} s`;
    if (value >= 100) return `${value.toFixed(0)} ms`;
    if (value >= 10) return `${value.toFixed(1)} ms`;
    return `${value.toFixed(2)} ms`;
}

export function ratio(value: number): string {
    if (!Number.isFinite(value)) return '–';
    return value >= 100 ? `${value.toFixed(0)}×` : value >= 10 ? `${value.toFixed(1)}×` : `${value.toFixed(2)}×`;
}

export function mb(bytes: number | undefined): string {
    return bytes === undefined || !Number.isFinite(bytes) ? '–' : `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

export const thousands = (n: number) => n.toLocaleString('en-US');

/** A plain-text table: the first row is the header; columns after the first are right-aligned. */
export function table(rows: string[][]): string {
    const widths = rows[0].map((_, i) => Math.max(...rows.map(r => (r[i] ?? '').length)));
    const line = (r: string[]) => r.map((cell, i) => i === 0 ? (cell ?? '').padEnd(widths[i]) : (cell ?? '').padStart(widths[i])).join('  ').trimEnd();
    return [line(rows[0]), widths.map(w => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** mulberry32: a small, fast, seeded generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6D2B79F5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/**
 * A full collection when node runs with --expose-gc, so runs start alike, and then a wait until
 * the collector's helper threads are done: V8 sweeps and releases what a full collection freed on
 * helper threads after it returns, and that work (tens of milliseconds of CPU after a large
 * check) would be charged to whatever is timed next. Done means this process used less than a
 * millisecond of CPU in 20 ms (at most a second is waited).
 */
export async function collectGarbage(): Promise<void> {
    (globalThis as { gc?: () => void }).gc?.();
    const deadline = performance.now() + 1000;
    while (performance.now() < deadline) {
        const before = cpuMs();
        await new Promise(resolve => setTimeout(resolve, 20));
        if (cpuMs() - before < 1) return;
    }
}

/** Wall-clock and CPU time of one piece of work, in milliseconds. */
export interface Timing {
    readonly wall: number;
    readonly cpu: number;
}

/**
 * CPU time of this process so far (user + system, all its threads), in milliseconds. On a
 * machine shared with other work, CPU time is what a change to the code changes; wall time also
 * measures the neighbours.
 */
export function cpuMs(): number {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
}

/**
 * CPU time of a thread so far, in milliseconds, from `/proc/<pid>/schedstat` (Linux): a process's
 * main thread, or by default the calling thread (`thread-self`); undefined where the system does
 * not tell. The kernel brings the figure of a running thread up to date only at its scheduler's
 * ticks (a few milliseconds): read it while the thread is idle, or over long intervals.
 */
export function threadCpuMs(thread: number | 'thread-self' = 'thread-self'): number | undefined {
    try {
        const nanoseconds = Number(fs.readFileSync(`/proc/${thread}/schedstat`, 'utf8').split(' ')[0]);
        return Number.isFinite(nanoseconds) ? nanoseconds / 1e6 : undefined;
    } catch {
        return undefined;
    }
}

/** Runs `work` and measures it. */
export async function timed<T>(work: () => T | Promise<T>): Promise<{ result: T } & Timing> {
    const wall = performance.now();
    const cpu = cpuMs();
    const result = await work();
    return { result, cpu: cpuMs() - cpu, wall: performance.now() - wall };
}

/** The mean of several runs (wall and CPU time). */
export function mean(samples: readonly Timing[]): Timing {
    const sum = samples.reduce((a, b) => ({ wall: a.wall + b.wall, cpu: a.cpu + b.cpu }), { wall: 0, cpu: 0 });
    return { wall: sum.wall / samples.length, cpu: sum.cpu / samples.length };
}

/** The best of several runs: the least wall time and the least CPU time. */
export function best(samples: readonly Timing[]): Timing {
    return { wall: Math.min(...samples.map(s => s.wall)), cpu: Math.min(...samples.map(s => s.cpu)) };
}
