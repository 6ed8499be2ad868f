/**
 * The layers of the code, each importing only from below (ARCHITECTURE.md), and no import circle,
 * type-only imports included. `npm run lint:deps` (part of `npm test`) fails on any new circle or
 * upward import.
 *
 *   generated (AST, parser) → base (what every layer shares) → parsing (imports, scoping, messages)
 *   → config → model → rules → validation → lsp | summary | diff → ssr-module, check | export
 *   → server | cli;   client → base only.
 */
const LAYERS = [
    { name: 'generated', path: '^language/generated/' },
    { name: 'base', path: '^language/base/' },
    { name: 'parsing', path: '^language/parsing/' },
    { name: 'config', path: '^language/config/' },
    { name: 'model', path: '^language/model/' },
    { name: 'rules', path: '^language/rules/' },
    { name: 'validation', path: '^language/validation/' },
    { name: 'lsp', path: '^language/lsp/', level: 7 },
    { name: 'summary', path: '^language/summary/', level: 7 },
    { name: 'diff', path: '^language/diff/', level: 7 },
    { name: 'core', path: '^language/(ssr-module|check)\\.ts$', level: 8 },
    { name: 'export', path: '^language/export/', level: 8 },
    { name: 'server', path: '^server/', level: 10 },
    { name: 'cli', path: '^cli/', level: 10 },
].map((layer, index) => ({ ...layer, level: layer.level ?? index }));

const upward = LAYERS.flatMap(from => LAYERS
    .filter(to => to.level > from.level || (to.level === from.level && to.name !== from.name))
    .map(to => ({
        name: `${from.name}-not-to-${to.name}`,
        comment: `${from.name} is below ${to.name}: it may import only from its own layer and the layers below`,
        severity: 'error',
        from: { path: from.path },
        to: { path: to.path },
    })));

module.exports = {
    forbidden: [
        {
            name: 'no-circular',
            comment: 'an import circle makes the layers unreadable; type-only imports count too',
            severity: 'error',
            from: {},
            to: { circular: true },
        },
        {
            name: 'client-only-to-base',
            comment: 'the extension client runs in VS Code: it shares only the protocol and names of language/base with the server',
            severity: 'error',
            from: { path: '^client/' },
            to: { path: '^(language|server|cli)/', pathNot: '^language/base/' },
        },
        {
            name: 'core-not-to-faces',
            comment: 'the language core does not know its faces',
            severity: 'error',
            from: { path: '^language/' },
            to: { path: '^(server|cli|client|test|bench)/' },
        },
        ...upward,
    ],
    options: {
        doNotFollow: { path: 'node_modules' },
        exclude: { path: '^(out|dist|node_modules)/' },
        tsPreCompilationDeps: true,
        tsConfig: { fileName: 'tsconfig.json' },
        enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.cjs'] },
    },
};
