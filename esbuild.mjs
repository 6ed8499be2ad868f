// Bundles the extension client, the language server and the command line into CommonJS files
// under dist/ (VS Code loads extensions as CommonJS; Langium itself is ESM-only, esbuild bridges).
// The summary's document exports (Word, PDF, Excel: large libraries) are a bundle of their own,
// dist/export.cjs, that the server and the command line load only when they export; resvg's
// WebAssembly and the font it draws the charts' text with are copied beside it.
// Every bundle starts with the Object.groupBy polyfill (Node 20) and defines `importMetaUrl`,
// which stands in for import.meta.url (used by Langium only in code paths the bundles do not take).
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const watch = process.argv.includes('--watch');
const polyfill = readFileSync(new URL('./language/polyfill.mjs', import.meta.url), 'utf8');
const prelude = `${polyfill}\nconst importMetaUrl = require("url").pathToFileURL(__filename).href;`;

/** @type {import('esbuild').BuildOptions} */
const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    sourcemap: true,
    // No keepNames: it wraps every function the code creates in a defineProperty call, and
    // Langium's parser creates closures on every rule call (a third of the server's edit time).
    minify: !watch,
    logLevel: 'warning',
    define: { 'import.meta.url': 'importMetaUrl' },
    // jsonc-parser's "main" is a UMD build that requires its parts at run time; bundle its ESM build.
    alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};

// The rule pages, by rule id: the command line's SARIF carries them as each rule's help (cli/rule-help.ts).
const rulePages = {};
for (const family of readdirSync('docs/rules', { withFileTypes: true }).filter(e => e.isDirectory())) {
    for (const page of readdirSync(`docs/rules/${family.name}`).filter(f => f.endsWith('.md'))) {
        rulePages[`${family.name}/${page.slice(0, -3)}`] = readFileSync(`docs/rules/${family.name}/${page}`, 'utf8');
    }
}

/** `import('…/language/export/index.js')` stays a load of dist/export.cjs at run time. */
const exportsApart = {
    name: 'exports-apart',
    setup(build) {
        build.onResolve({ filter: /language\/export\/index\.js$/ }, () => ({ path: './export.cjs', external: true }));
    },
};

const entries = [
    { entryPoints: { extension: 'client/extension.ts' }, external: ['vscode'], banner: { js: prelude } },
    { entryPoints: { server: 'server/main.ts' }, banner: { js: prelude }, plugins: [exportsApart] },
    { entryPoints: { cli: 'cli/main.ts' }, banner: { js: `#!/usr/bin/env node\n${prelude}` }, define: { ...common.define, SSR_RULE_PAGES: JSON.stringify(rulePages) }, plugins: [exportsApart] },
    { entryPoints: { export: 'language/export/index.ts' }, banner: { js: prelude } },
];

const require = createRequire(import.meta.url);
mkdirSync('dist/fonts', { recursive: true });
copyFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm'), 'dist/resvg.wasm');
copyFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), 'dist/fonts/DejaVuSans.ttf');
copyFileSync(require.resolve('dejavu-fonts-ttf/LICENSE'), 'dist/fonts/DejaVuSans-LICENSE.txt');

for (const entry of entries) {
    const options = { ...common, ...entry };
    if (watch) {
        const context = await esbuild.context(options);
        await context.watch();
    } else {
        await esbuild.build(options);
    }
}
