// Langium 4.4's parser library calls Object.groupBy, which Node 20 lacks (Node 21+ has it).
// Loaded first by every entry point: esbuild injects it as a banner into the bundles, mocha and
// the grammar generator load it with --import. It does nothing on Node 22+.
if (typeof Object.groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', {
        configurable: true, writable: true,
        value: function groupBy(items, keyOf) {
            const groups = Object.create(null);
            let index = 0;
            for (const item of items) {
                const key = keyOf(item, index++);
                (groups[key] ??= []).push(item);
            }
            return groups;
        }
    });
}
if (typeof Map.groupBy !== 'function') {
    Object.defineProperty(Map, 'groupBy', {
        configurable: true, writable: true,
        value: function groupBy(items, keyOf) {
            const groups = new Map();
            let index = 0;
            for (const item of items) {
                const key = keyOf(item, index++);
                if (!groups.has(key)) groups.set(key, []);
                groups.get(key).push(item);
            }
            return groups;
        }
    });
}
