// Bundles the extension client, the language server and the command line into CommonJS files
// under dist/ (VS Code loads extensions as CommonJS; Langium itself is ESM-only, esbuild bridges).
// The Object.groupBy polyfill is injected first into every bundle (Node 20).
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const polyfill = readFileSync(new URL('./language/polyfill.mjs', import.meta.url), 'utf8');

/** @type {import('esbuild').BuildOptions} */
const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    sourcemap: true,
    minify: !watch,
    keepNames: true,
    logLevel: 'warning',
    banner: { js: polyfill },
    // import.meta.url is used by Langium only in code paths the bundles do not take.
    define: { 'import.meta.url': 'importMetaUrl' },
    inject: [],
};

const entries = [
    { entryPoints: { extension: 'client/extension.ts' }, external: ['vscode'] },
    { entryPoints: { server: 'server/main.ts' } },
    { entryPoints: { cli: 'cli/main.ts' }, banner: { js: '#!/usr/bin/env node\n' + polyfill + '\nconst importMetaUrl = require("url").pathToFileURL(__filename).href;' } },
];

for (const entry of entries) {
    const options = {
        ...common,
        ...entry,
        outdir: 'dist',
        banner: entry.banner ?? { js: polyfill + '\nconst importMetaUrl = require("url").pathToFileURL(__filename).href;' },
    };
    if (watch) {
        const context = await esbuild.context(options);
        await context.watch();
    } else {
        await esbuild.build(options);
    }
}
