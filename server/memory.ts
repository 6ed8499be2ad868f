/**
 * The server's memory at rest: V8 grows its heap while a document is rebuilt on every keystroke
 * and keeps what it grew while the author pauses. Once no build has run for a second, one full,
 * compacting garbage collection gives the heap back (about 50 ms at 20k lines, while nobody
 * waits; a change that arrives meanwhile is handled right after it).
 */
import * as v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DocumentState, type LangiumSharedCoreServices } from 'langium';

/** How long the server must have been idle before it collects its garbage. */
const IDLE_MS = 1000;

/**
 * Runs `collect` once the builder has been idle for `idleMs` after a build: each build's end
 * (re)starts the wait, each change stops it.
 */
export function releaseMemoryWhenIdle(shared: LangiumSharedCoreServices, collect = compactingCollector(), idleMs = IDLE_MS): void {
    if (!collect) return;
    let timer: NodeJS.Timeout | undefined;
    const builder = shared.workspace.DocumentBuilder;
    builder.onUpdate(() => clearTimeout(timer));
    builder.onBuildPhase(DocumentState.Validated, () => {
        clearTimeout(timer);
        timer = setTimeout(collect, idleMs).unref();
    });
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
