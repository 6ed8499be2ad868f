/**
 * The server's memory at rest (server/memory.ts): one compacting garbage collection once the
 * server has been idle and its heap has grown.
 */
import { strict as assert } from 'node:assert';
import { compactingCollector, releaseMemoryWhenIdle } from '../server/memory.js';

/** Resolves once `condition` holds, checking after each turn of the event loop. */
async function until(condition: () => boolean): Promise<void> {
    while (!condition()) await new Promise(resolve => setTimeout(resolve, 5));
}

describe('server memory at rest', () => {
    it('collects when the server is idle and its heap has grown', async () => {
        let collections = 0;
        const idle = releaseMemoryWhenIdle(() => { collections++; }, { intervalMs: 10, idleUtilization: 1, growthBytes: -Infinity });
        try {
            await until(() => collections > 0);
        } finally {
            idle.dispose();
        }
    });

    it('does not collect while the heap has not grown by the threshold', async () => {
        let collections = 0, looks = 0;
        // A threshold no heap reaches; the second watcher only counts the intervals that passed.
        const idle = releaseMemoryWhenIdle(() => { collections++; }, { intervalMs: 10, idleUtilization: 1, growthBytes: Number.MAX_SAFE_INTEGER });
        const counter = releaseMemoryWhenIdle(() => { looks++; }, { intervalMs: 10, idleUtilization: 1, growthBytes: -Infinity });
        try {
            await until(() => looks >= 3);
            assert.equal(collections, 0);
        } finally {
            idle.dispose();
            counter.dispose();
        }
    });

    it('has a compacting collector on this Node, which leaves the heap usable', () => {
        const collect = compactingCollector();
        assert.ok(collect, 'gc() could not be exposed at run time');
        const kept = { items: Array.from({ length: 1000 }, (_, i) => ({ i })) };
        collect();
        assert.equal(kept.items[999].i, 999);
    });
});
