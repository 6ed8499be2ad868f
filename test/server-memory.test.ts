/**
 * The server's memory at rest (server/memory.ts): one compacting garbage collection once the
 * builder has been idle after a build.
 */
import { strict as assert } from 'node:assert';
import { URI } from 'langium';
import { compactingCollector, releaseMemoryWhenIdle } from '../server/memory.js';
import { createServices, HEADER } from './helpers.js';

/** Resolves once `condition` holds, checking after each turn of the event loop. */
async function until(condition: () => boolean): Promise<void> {
    while (!condition()) await new Promise(resolve => setImmediate(resolve));
}

describe('server memory at rest', () => {
    it('collects once after a build, when no change follows', async () => {
        const services = createServices();
        let collections = 0;
        releaseMemoryWhenIdle(services.shared, () => { collections++; }, 5);
        const documents = services.shared.workspace;
        const document = documents.LangiumDocumentFactory.fromString(`${HEADER}\nactor police "Police" { kind police }\n`, URI.parse('memory:///plan.ssr'));
        documents.LangiumDocuments.addDocument(document);
        await documents.DocumentBuilder.build([document], { validation: true });
        await until(() => collections > 0);
        assert.equal(collections, 1);
    });

    it('has a compacting collector on this Node, which leaves the heap usable', () => {
        const collect = compactingCollector();
        assert.ok(collect, 'gc() could not be exposed at run time');
        const before = { items: Array.from({ length: 1000 }, (_, i) => ({ i })) };
        collect();
        assert.equal(before.items[999].i, 999);
    });
});
