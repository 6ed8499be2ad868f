#!/usr/bin/env node
// The GitHub Action's one script (action.yml runs it): checks the strategies with the bundled CLI,
// prints annotations, writes SARIF, the job summary and the plan diff of changed .ssr files, and
// posts or updates one pull-request comment. Pull requests from forks (read-only token) degrade to
// annotations and the job summary instead of failing. All input comes from INPUT_* and GITHUB_*.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.cjs');
const env = process.env;
const workspace = env.GITHUB_WORKSPACE || process.cwd();
const flag = name => (env[`INPUT_${name}`] || '').toLowerCase() === 'true';
const MARKER = '<!-- ssr-plan-diff -->';

function ssr(args) {
    return spawnSync(process.execPath, [CLI, ...args], { cwd: workspace, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}
function output(name, value) {
    if (env.GITHUB_OUTPUT) fs.appendFileSync(env.GITHUB_OUTPUT, `${name}=${value}\n`);
}
function summary(text) {
    if (env.GITHUB_STEP_SUMMARY) fs.appendFileSync(env.GITHUB_STEP_SUMMARY, text.endsWith('\n') ? text : text + '\n');
}

const event = env.GITHUB_EVENT_PATH && fs.existsSync(env.GITHUB_EVENT_PATH) ? JSON.parse(fs.readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) : {};
const pull = event.pull_request;
// A pull request from a fork runs with a read-only token: no SARIF upload, no comment.
const readOnly = Boolean(pull && pull.head && pull.base && pull.head.repo && pull.base.repo && pull.head.repo.full_name !== pull.base.repo.full_name);
const paths = (env.INPUT_PATHS || '.').split(/\s+/).filter(Boolean);
const maxWarnings = Number(env.INPUT_MAX_WARNINGS ?? '-1');
const limit = Number.isInteger(maxWarnings) && maxWarnings >= 0 ? ['--max-warnings', String(maxWarnings)] : [];

const check = ssr(['check', ...paths, '--format', 'github', ...limit]);
if (check.status === 2) {
    process.stderr.write(check.stderr);
    output('exit-code', '2');
    process.exit(0);
}
if (flag('ANNOTATIONS')) process.stdout.write(check.stdout);
output('exit-code', String(check.status ?? 1));

if (flag('SARIF')) {
    const sarifFile = path.join(env.RUNNER_TEMP || workspace, 'ssr.sarif');
    ssr(['check', ...paths, '--format', 'sarif', '--output', sarifFile]);
    output('sarif-file', sarifFile);
    output('can-upload', readOnly ? 'false' : 'true');
    if (readOnly) console.log('ssr: pull request from a fork (read-only token): SARIF is not uploaded; see the annotations and the job summary.');
}

let diffs = '';
if (pull && pull.base && pull.base.sha) {
    const changed = spawnSync('git', ['diff', '--name-only', '--diff-filter=AMR', `${pull.base.sha}`, '--', '*.ssr'], { cwd: workspace, encoding: 'utf8' });
    for (const file of (changed.status === 0 ? changed.stdout.split('\n') : []).filter(Boolean)) {
        const exists = spawnSync('git', ['cat-file', '-e', `${pull.base.sha}:${file}`], { cwd: workspace });
        const base = exists.status === 0 ? `git:${pull.base.sha}:${file}` : undefined;
        if (!base) { diffs += `## Plan changes: ${file}\n\nNew strategy file.\n\n`; continue; }
        const diff = ssr(['diff', base, file]);
        if (diff.status === 0) diffs += diff.stdout + '\n';
    }
}

if (flag('SUMMARY')) {
    summary(ssr(['check', ...paths, '--format', 'markdown']).stdout);
    if (diffs) summary(diffs);
}

if (flag('COMMENT') && pull && diffs) {
    if (readOnly || !env.INPUT_TOKEN) {
        console.log('ssr: no pull-request comment with a read-only token; the plan diff is in the job summary.');
        if (!flag('SUMMARY')) summary(diffs);
    } else {
        await comment(`${MARKER}\n${diffs}`).catch(error => console.log(`ssr: could not comment on the pull request (${error.message}); the plan diff is in the job summary.`));
    }
}

/** Posts the comment, or updates the one this action posted before. */
async function comment(body) {
    const api = env.GITHUB_API_URL || 'https://api.github.com';
    const repo = env.GITHUB_REPOSITORY;
    const headers = { authorization: `Bearer ${env.INPUT_TOKEN}`, accept: 'application/vnd.github+json', 'content-type': 'application/json' };
    const list = await fetch(`${api}/repos/${repo}/issues/${pull.number}/comments?per_page=100`, { headers });
    if (!list.ok) throw new Error(`listing comments: HTTP ${list.status}`);
    const mine = (await list.json()).find(c => typeof c.body === 'string' && c.body.startsWith(MARKER));
    const response = mine
        ? await fetch(`${api}/repos/${repo}/issues/comments/${mine.id}`, { method: 'PATCH', headers, body: JSON.stringify({ body }) })
        : await fetch(`${api}/repos/${repo}/issues/${pull.number}/comments`, { method: 'POST', headers, body: JSON.stringify({ body }) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    console.log(`ssr: ${mine ? 'updated' : 'posted'} the plan diff comment.`);
}
