/**
 * The server's memory at rest: V8 grows its heap while a document is rebuilt on every keystroke
 * and requests are answered, and keeps what it grew once the author pauses. Each second, if the
 * server was idle through it (its event loop busy under 5 % of the time) and its heap has grown by
 * more than 16 MB since the last collection, one full, compacting garbage collection gives the
 * heap back (about 50 ms at 20k lines, while nobody waits; a message that arrives meanwhile is
 * handled right after it).
 */
import * as v8 from 'node:v8';
import { performance } from 'node:perf_hooks';
import { runInNewContext } from 'node:vm';
import type { Disposable } from 'langium';

export interface IdleCollectionOptions {
    /** How often idleness and growth are looked at, ms. */
    intervalMs: number;
    /** The largest share of an interval the event loop may have been busy for it to count as idle. */
    idleUtilization: number;
    /** How much the heap must have grown since the last collection, bytes. */
    growthBytes: number;
}

const DEFAULTS: IdleCollectionOptions = { intervalMs: 1000, idleUtilization: 0.05, growthBytes: 16 * 1024 * 1024 };

export function releaseMemoryWhenIdle(collect = compactingCollector(), options: Partial<IdleCollectionOptions> = {}): Disposable {
    if (!collect) return { dispose: () => undefined };
    const { intervalMs, idleUtilization, growthBytes } = { ...DEFAULTS, ...options };
    const heapSize = () => v8.getHeapStatistics().total_heap_size;
    let afterCollection = heapSize();
    let since = performance.eventLoopUtilization();
    const timer = setInterval(() => {
        const busy = performance.eventLoopUtilization(since).utilization;
        since = performance.eventLoopUtilization();
        if (busy > idleUtilization || heapSize() - afterCollection < growthBytes) return;
        collect();
        afterCollection = heapSize();
        since = performance.eventLoopUtilization(); // the collection itself is not the author's work
    }, intervalMs).unref();
    return { dispose: () => clearInterval(timer) };
}

/**
 * A full, compacting garbage collection, or undefined where V8 refuses: `gc()` is only exposed
 * with `--expose-gc`, a flag that can be set at run time for a new context.
 */
export function compactingCollector(): (() => void) | undefined {
    try {
        v8.setFlagsFromString('--expose-gc');
        const gc: unknown = runInNewContext('gc');
        if (typeof gc !== 'function') return undefined;
        return () => {
            // A compacting collection: without it the live objects stay spread over the pages
            // that the last builds filled, and V8 keeps them all.
            v8.setFlagsFromString('--compact-on-every-full-gc');
            try {
                (gc as () => void)();
            } finally {
                v8.setFlagsFromString('--no-compact-on-every-full-gc');
            }
        };
    } catch {
        return undefined;
    }
}
