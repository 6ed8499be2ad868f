#!/usr/bin/env node
// The GitHub Action's script (action.yml runs it as two steps, `check` and `report`), with the prebuilt checker beside it
// (action/dist/cli.cjs in a release, dist/cli.cjs in a built development tree): nothing is
// installed or built in the workflow.
//
// It checks the strategies and gates on the findings the change introduces (the baseline is the
// pull request's base commit, or the commit before a push), prints the annotations, writes SARIF,
// the job summary and the plan diff of every strategy the change touched, and keeps one
// pull-request comment up to date with it — naming the head commit, on every run, also when no
// strategy changes any more. Whatever it cannot do (a base commit missing from a shallow clone,
// the REST API failing, a read-only token on a fork) it says, in the log, as an annotation and in
// the job summary, instead of leaving a stale comment. All input comes from INPUT_* and GITHUB_*.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = [path.join(ROOT, 'action', 'dist', 'cli.cjs'), path.join(ROOT, 'dist', 'cli.cjs')].find(f => fs.existsSync(f));
const env = process.env;
const workspace = env.GITHUB_WORKSPACE || process.cwd();
const flag = name => (env[`INPUT_${name}`] || '').trim().toLowerCase() === 'true';
const MARKER = '<!-- ssr-plan-diff -->';
/** GitHub refuses a comment body over 65,536 characters and a step summary over 1 MiB. */
const COMMENT_LIMIT = 65_000;
const SUMMARY_LIMIT = 1_000_000;

function ssr(args) {
    return spawnSync(process.execPath, [CLI, ...args], { cwd: workspace, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}
function git(args) {
    return spawnSync('git', args, { cwd: workspace, encoding: 'utf8' });
}
function output(name, value) {
    if (env.GITHUB_OUTPUT) fs.appendFileSync(env.GITHUB_OUTPUT, `${name}=${value}\n`);
}
function summary(text) {
    if (env.GITHUB_STEP_SUMMARY) fs.appendFileSync(env.GITHUB_STEP_SUMMARY, text.endsWith('\n') ? text : text + '\n');
}
const escapeData = s => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = s => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
/** A workflow-command annotation that is not about a line (the action's own warnings). */
function annotate(type, title, message) {
    console.log(`::${type} title=${escapeProperty(title)}::${escapeData(message)}`);
}
const short = sha => sha.slice(0, 7);

if (!CLI) {
    annotate('error', 'ssr: no prebuilt checker', 'This copy of the action has no prebuilt checker (action/dist/cli.cjs): use a release of the action (uses: ssr-tools/ssr-strategy@v0, see docs/ci.md), which carries it. A development checkout needs `npm ci && npm run build` first.');
    output('exit-code', '2');
    process.exit(0);
}

const event = env.GITHUB_EVENT_PATH && fs.existsSync(env.GITHUB_EVENT_PATH) ? JSON.parse(fs.readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) : {};
const pull = event.pull_request;
// A pull request from a fork runs with a read-only token: no SARIF upload, no comment.
const readOnly = Boolean(pull?.head?.repo && pull?.base?.repo && pull.head.repo.full_name !== pull.base.repo.full_name);
const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/$/, '');
const repository = env.GITHUB_REPOSITORY || '';
const headSha = pull?.head?.sha || env.GITHUB_SHA || git(['rev-parse', 'HEAD']).stdout.trim();
const baseSha = pull?.base?.sha || (typeof event.before === 'string' && !/^0+$/.test(event.before) ? event.before : undefined);
const runUrl = env.GITHUB_RUN_ID ? `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID}${env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ''}` : undefined;
const linkBase = repository && headSha ? `${server}/${repository}/blob/${headSha}/` : undefined;
const paths = (env.INPUT_PATHS || '.').split(/\s+/).filter(Boolean);
const maxWarnings = Number((env.INPUT_MAX_WARNINGS ?? '-1').trim() || '-1');
const limit = Number.isInteger(maxWarnings) && maxWarnings >= 0 ? ['--max-warnings', String(maxWarnings)] : [];
const links = linkBase ? ['--link-base', linkBase] : [];

// The action runs this script twice, as two steps: `check` (the annotations: GitHub caps them per
// step, so nothing else shares the step) and `report` (the plan diff, the job summary, the comment
// and the action's own warnings). `check` hands `report` its state as a step output.
const phase = process.argv[2];

/**
 * The base commit, fetched when the checkout lacks it (actions/checkout fetches one commit by
 * default): the diff needs its tree, nothing more.
 */
function ensureBase(sha, problems) {
    if (!sha) return true;
    const has = () => git(['cat-file', '-e', `${sha}^{commit}`]).status === 0;
    if (has()) return true;
    const fetched = git(['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', sha]);
    if (fetched.status === 0 && has()) {
        console.log(`ssr: fetched the base commit ${short(sha)} (the checkout did not have it).`);
        return true;
    }
    const reason = (fetched.stderr || '').trim().split('\n').pop() || `git fetch exited ${fetched.status}`;
    problems.push(`The base commit \`${short(sha)}\` is not in this checkout and could not be fetched (${reason}), so there is no plan diff and no baseline: the gate counts every finding. actions/checkout fetches only the commit under test by default: set \`fetch-depth: 0\` on it (or keep its default credentials, which let the action fetch the base).`);
    return false;
}

/** The check: annotations, the gate's exit code, SARIF. */
function checkPhase() {
    /** What the reviewer must be told: `report` puts each in the log (as a warning), the job summary and the comment. */
    const problems = [];
    const haveBase = ensureBase(baseSha, problems);
    // The baseline: the findings the base already had are not annotated and do not fail the gate.
    const baselineInput = (env.INPUT_BASELINE ?? 'auto').trim() || 'auto';
    const baseline = baselineInput === 'none' ? undefined
        : baselineInput === 'auto' ? (baseSha && haveBase ? `git:${baseSha}` : undefined)
        : baselineInput;
    // One warning slot is left for the action's own (the report step's), should GitHub count the
    // annotations of a composite action's steps together.
    const check = ssr(['check', ...paths, '--format', 'github', '--max-annotations', '9', ...(baseline ? ['--baseline', baseline] : []), ...limit]);
    const exitCode = check.status ?? 2;
    if (exitCode === 2) {
        const reason = (check.stderr || '').trim() || 'the checker exited with status 2';
        annotate('error', 'ssr: the check could not run', reason);
        problems.push(`The check could not run: ${reason}`);
    } else if (flag('ANNOTATIONS')) {
        process.stdout.write(check.stdout);
    }
    output('exit-code', String(exitCode));
    if (flag('SARIF') && exitCode !== 2) {
        const category = (env.INPUT_CATEGORY || 'ssr').trim();
        const sarifFile = path.join(env.RUNNER_TEMP || workspace, `ssr-${category.replace(/[^\w.-]+/g, '-')}.sarif`);
        const sarif = ssr(['check', ...paths, '--format', 'sarif', '--output', sarifFile]);
        if (sarif.status === 2) {
            problems.push(`The SARIF report could not be written: ${sarif.stderr.trim()}`);
        } else {
            output('sarif-file', sarifFile);
            output('can-upload', readOnly ? 'false' : 'true');
            if (readOnly) console.log('ssr: pull request from a fork (read-only token): SARIF is not uploaded; see the annotations and the job summary.');
        }
    }
    output('state', JSON.stringify({ baseline, haveBase, exitCode, problems }));
}

/** The report: the plan diff, the job summary, the comment, and the warnings of both phases. */
async function reportPhase() {
    const state = JSON.parse(env.INPUT_STATE || '{}');
    const { baseline, haveBase, exitCode } = state;
    const problems = [...(state.problems ?? [])];
    const baselineArgs = baseline ? ['--baseline', baseline] : [];
    // The plan diff of every strategy the change touched (itself or a library it imports).
    let diffFiles;
    if (baseSha && haveBase && exitCode !== 2) {
        const diff = ssr(['diff', '--since', baseSha, ...paths, '--format', 'json', ...links]);
        if (diff.status === 0) {
            diffFiles = JSON.parse(diff.stdout).files;
        } else {
            problems.push(`The plan diff could not be computed: ${(diff.stderr || '').trim() || `exit ${diff.status}`}`);
        }
    }
    const headLink = repository ? `[\`${short(headSha)}\`](${server}/${repository}/commit/${headSha})` : `\`${short(headSha)}\``;
    const noChange = `No \`.ssr\` change in meaning between the base \`${short(baseSha || '')}\` and ${headLink}.`;

    if (flag('SUMMARY')) {
        const parts = [];
        if (exitCode !== 2) parts.push(ssr(['check', ...paths, '--format', 'markdown', ...links, ...baselineArgs]).stdout);
        if (problems.length > 0) parts.push(problems.map(p => `> **ssr:** ${p}`).join('\n>\n') + '\n');
        if (diffFiles) parts.push(diffFiles.length > 0 ? diffFiles.map(f => f.markdown).join('\n') : `## Plan changes\n\n${noChange}\n`);
        summary(truncate(parts.join('\n'), SUMMARY_LIMIT, 'The job summary is cut here: GitHub keeps at most 1 MiB. Run `ssr diff --since` locally for the rest.'));
    }

    if (flag('COMMENT') && pull && (readOnly || !env.INPUT_TOKEN)) {
        console.log('ssr: no pull-request comment with a read-only token; the plan diff is in the job summary.');
    } else if (flag('COMMENT') && pull) {
        const sections = diffFiles === undefined ? [] : diffFiles.map(f => f.markdown);
        const folded = sections.length > 3 ? sections.map(fold) : sections;
        const lines = [
            MARKER,
            `## SSR plan changes`,
            '',
            `For head commit ${headLink}${runUrl ? ` · [job summary](${runUrl})` : ''}`,
            '',
            ...problems.map(p => `> **ssr:** ${p}\n`),
            ...(diffFiles && diffFiles.length === 0 ? [noChange, ''] : []),
            ...folded,
        ];
        const body = truncate(lines.join('\n'), COMMENT_LIMIT, `The comment is cut here: GitHub keeps at most 65,536 characters.${runUrl ? ` The whole plan diff is in the [job summary](${runUrl}).` : ' The whole plan diff is in the job summary.'}`);
        // A strategy change or a problem to report; otherwise an existing comment is only brought up to date.
        const worthPosting = sections.length > 0 || problems.length > 0;
        try {
            const url = await comment(body, worthPosting);
            if (url) output('comment-url', url);
        } catch (error) {
            const message = `The plan-diff comment could not be updated (${error.message}): it may be out of date, showing an older commit than ${short(headSha)}. The plan diff for ${short(headSha)} is in the job summary.`;
            summary(`> **ssr:** ${message}\n`);
            if (!flag('SUMMARY')) summary(diffFiles?.map(f => f.markdown).join('\n') ?? '');
            problems.push(message);
        }
    }
    // One warning for all the action's own problems: GitHub shows few annotations per step.
    const own = problems.filter(p => !p.startsWith('The check could not run'));
    if (own.length > 0) annotate('warning', own.some(p => p.startsWith('The plan-diff comment')) ? 'ssr: plan-diff comment not updated' : 'ssr', own.join(' ').replace(/`/g, ''));
}

if (phase === 'check') {
    checkPhase();
} else if (phase === 'report') {
    await reportPhase();
} else {
    console.error('usage: node action/run.mjs check|report');
    process.exit(2);
}

/** A file's section inside `<details>`, its heading as the summary: a comment on many strategies stays short. */
function fold(markdown) {
    const [heading, ...rest] = markdown.split('\n');
    const title = heading.replace(/^##\s*/, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\\(.)/g, '$1');
    return [`<details><summary><b>${title.replace(/</g, '&lt;')}</b></summary>`, '', ...rest, '', '</details>', ''].join('\n');
}

/**
 * Cuts Markdown at a line boundary under `limit` characters, closes the `<details>` left open and
 * says so at the end.
 */
function truncate(text, limit, note) {
    if (text.length <= limit) return text;
    const lines = text.split('\n');
    const kept = [];
    let size = 0, open = 0, fence = false;
    const room = limit - note.length - 200;
    for (const line of lines) {
        if (size + line.length + 1 > room) break;
        kept.push(line);
        size += line.length + 1;
        if (/^```/.test(line)) fence = !fence;
        open += (line.match(/<details>/g) || []).length - (line.match(/<\/details>/g) || []).length;
    }
    if (fence) kept.push('```');
    for (; open > 0; open--) kept.push('', '</details>');
    return [...kept, '', `> **${note}**`, ''].join('\n');
}

/**
 * Posts the comment, or updates the one this action posted before (found on every page of the
 * pull request's comments); a duplicate left by an older run is deleted. Without a change worth
 * posting, an existing comment is brought up to date and none is created.
 */
async function comment(body, worthPosting) {
    const api = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/$/, '');
    const headers = { authorization: `Bearer ${env.INPUT_TOKEN}`, accept: 'application/vnd.github+json', 'content-type': 'application/json', 'x-github-api-version': '2022-11-28' };
    const request = async (method, url, payload) => {
        const response = await fetch(url, { method, headers, ...(payload ? { body: JSON.stringify(payload) } : {}) });
        if (!response.ok) {
            const error = new Error(`${method} ${url.replace(api, '')}: HTTP ${response.status}`);
            error.status = response.status;
            throw error;
        }
        return response;
    };
    const mine = [];
    for (let url = `${api}/repos/${repository}/issues/${pull.number}/comments?per_page=100`, page = 0; url && page < 100; page++) {
        const response = await request('GET', url);
        const list = await response.json();
        mine.push(...list.filter(c => typeof c.body === 'string' && c.body.startsWith(MARKER)));
        url = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') || '')?.[1];
    }
    const [first, ...duplicates] = mine;
    for (const duplicate of duplicates) await request('DELETE', `${api}/repos/${repository}/issues/comments/${duplicate.id}`).catch(() => undefined);
    if (first) {
        try {
            const response = await request('PATCH', `${api}/repos/${repository}/issues/comments/${first.id}`, { body });
            console.log(`ssr: updated the plan-diff comment for ${short(headSha)}.`);
            return (await response.json()).html_url;
        } catch (error) {
            // Deleted meanwhile: post a new one.
            if (error.status !== 404) throw error;
        }
    } else if (!worthPosting) {
        return undefined;
    }
    const response = await request('POST', `${api}/repos/${repository}/issues/${pull.number}/comments`, { body });
    console.log(`ssr: posted the plan-diff comment for ${short(headSha)}.`);
    return (await response.json()).html_url;
}
