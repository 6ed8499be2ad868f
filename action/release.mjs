#!/usr/bin/env node
// Releases the GitHub Action the way JavaScript actions are shipped: a commit that carries the
// prebuilt checker, so that a workflow using the action runs no `npm ci` and no build.
//
//   npm run release:action            build, then commit the release tree on the branch
//                                     releases/v<major>, tag it v<version> and move v<major> to it
//   node action/release.mjs --out DIR write the release tree to DIR only (tests, inspection)
//
// The release tree: action.yml, action/run.mjs, action/dist/cli.cjs (the bundle npm run build
// wrote to dist/cli.cjs, which embeds the rule pages), package.json (name, version, license: the
// checker reports its version from it), LICENSE and a short README. Main itself carries no
// bundle: branches merge without a generated file to reconcile, and nothing can be stale.
// Push the branch and the tags afterwards: git push origin releases/v0 v0.1.0 && git push --force origin v0
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const major = pkg.version.split('.')[0];
const bundle = path.join(ROOT, 'dist', 'cli.cjs');
if (!fs.existsSync(bundle)) {
    console.error('release: dist/cli.cjs is missing: run `npm run build` first (npm run release:action does).');
    process.exit(1);
}

/** The files of the release, by path in the release tree. */
function releaseFiles() {
    const read = file => fs.readFileSync(path.join(ROOT, file));
    const repository = String(pkg.repository?.url ?? '').replace(/^git\+/, '').replace(/\.git$/, '');
    return new Map([
        ['action.yml', read('action.yml')],
        ['action/run.mjs', read('action/run.mjs')],
        ['action/dist/cli.cjs', fs.readFileSync(bundle)],
        ['package.json', Buffer.from(JSON.stringify({ name: pkg.name, version: pkg.version, description: pkg.description, license: pkg.license, repository: pkg.repository, private: true }, null, 2) + '\n')],
        ['LICENSE', read('LICENSE')],
        ['README.md', Buffer.from([
            `# SSR strategy check — GitHub Action ${pkg.version}`,
            '',
            'The release of the action: `action.yml` and its prebuilt checker (`action/dist/cli.cjs`),',
            'so that a workflow installs and builds nothing.',
            '',
            '```yaml',
            `- uses: ssr-tools/ssr-strategy@v${major}`,
            '```',
            '',
            `Inputs, outputs, permissions and recipes: ${repository}/blob/main/docs/ci.md`,
            '',
        ].join('\n'))],
    ]);
}

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
if (outIndex >= 0) {
    const out = path.resolve(args[outIndex + 1]);
    for (const [file, content] of releaseFiles()) {
        fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
        fs.writeFileSync(path.join(out, file), content);
    }
    console.log(`release: the action ${pkg.version} in ${out}`);
    process.exit(0);
}

const git = (gitArgs, options = {}) => execFileSync('git', gitArgs, { cwd: ROOT, encoding: 'utf8', ...options }).trim();
const index = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-release-')), 'index');
const withIndex = { env: { ...process.env, GIT_INDEX_FILE: index } };
for (const [file, content] of releaseFiles()) {
    const blob = git(['hash-object', '-w', '--stdin'], { input: content });
    git(['update-index', '--add', '--cacheinfo', `100644,${blob},${file}`], withIndex);
}
const tree = git(['write-tree'], withIndex);
const branch = `refs/heads/releases/v${major}`;
let parent;
try { parent = git(['rev-parse', '--verify', '--quiet', branch]); } catch { parent = undefined; }
const source = git(['rev-parse', 'HEAD']);
// The same tree as the last release: that release stands.
const commit = parent && git(['rev-parse', `${parent}^{tree}`]) === tree ? parent
    : git(['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', `Release ${pkg.version} of the action (from ${source})`]);
git(['update-ref', branch, commit]);
let existing;
try { existing = git(['rev-parse', '--verify', '--quiet', `refs/tags/v${pkg.version}^{commit}`]); } catch { existing = undefined; }
if (existing && existing !== commit) {
    console.error(`release: tag v${pkg.version} already names another commit; raise the version in package.json first.`);
    process.exit(1);
}
git(['tag', '-f', `v${pkg.version}`, commit]);
git(['tag', '-f', `v${major}`, commit]);
console.log(`release: ${commit} on releases/v${major}, tagged v${pkg.version} and v${major}.`);
console.log(`Push them: git push origin releases/v${major} v${pkg.version} && git push --force origin v${major}`);
