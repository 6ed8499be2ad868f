/**
 * What a reviewer sees on a pull request, step by step: a scratch repository (a bare "origin" and
 * a pull-request branch) receives a series of realistic commits, and after each one the action
 * runs as a workflow would run it — a fresh shallow checkout of the head, the simulated runner,
 * the local stand-in for the REST API — and the test reads what the reviewer reads: the one
 * comment (its head commit, its plan-diff entries, the findings appeared, resolved and changed),
 * the annotations (and the notice past GitHub's cap), the gate, the job summary.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, SPEC_EXAMPLES } from '../helpers.js';
import { FakeGitHub, Runner, type JobResult } from './github-sim.js';

const PLAN = fs.readFileSync(path.join(ROOT, 'examples', 'northland.ssr'), 'utf8')
    // The base already has a funding gap, so that its growth is a changed finding.
    .replace('amount 20M from 2027 to 2030', 'amount 16M from 2027 to 2030');
const LIBRARY = fs.readFileSync(path.join(ROOT, 'examples', 'lib', 'northland-actors.ssr'), 'utf8');
const EASTMARCH = fs.readFileSync(path.join(SPEC_EXAMPLES, 'eastmarch-police.ssr'), 'utf8');
const LAKELAND = fs.readFileSync(path.join(SPEC_EXAMPLES, 'lakeland-police.ssr'), 'utf8');

describe('a pull request, as a reviewer sees it', function () {
    this.timeout(240000);
    let dir: string, origin: string, dev: string;
    const github = new FakeGitHub();
    let base = '';

    const run = (cwd: string, command: string, ...args: string[]) => {
        const r = spawnSync(command, args, { cwd, encoding: 'utf8' });
        assert.equal(r.status, 0, `${command} ${args.join(' ')}: ${r.stderr}`);
        return r.stdout.trim();
    };
    const git = (cwd: string, ...args: string[]) => run(cwd, 'git', '-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'core.quotepath=false', ...args);
    const write = (file: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(dev, file)), { recursive: true });
        fs.writeFileSync(path.join(dev, file), text);
    };
    const read = (file: string) => fs.readFileSync(path.join(dev, file), 'utf8');
    const edit = (file: string, from: string | RegExp, to: string) => {
        const before = read(file);
        const after = before.replace(from, to);
        assert.notEqual(after, before, `${file}: '${String(from)}' is there`);
        write(file, after);
    };
    /** Commits and pushes the pull-request branch; returns the head commit. */
    const commit = (message: string) => {
        git(dev, 'add', '-A');
        git(dev, 'commit', '-qm', message);
        git(dev, 'push', '-q', 'origin', 'HEAD:pr');
        return git(dev, 'rev-parse', 'HEAD');
    };

    before(async () => {
        await github.start();
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-review-'));
        origin = path.join(dir, 'origin.git');
        dev = path.join(dir, 'dev');
        git(dir, 'init', '-q', '--bare', '-b', 'main', origin);
        git(dir, 'clone', '-q', origin, dev);
        write('plans/plan.ssr', PLAN);
        write('plans/lib/northland-actors.ssr', LIBRARY);
        write('plans/old.ssr', LAKELAND);
        write('README.md', 'Strategies.\n');
        git(dev, 'add', '-A');
        git(dev, 'commit', '-qm', 'base');
        git(dev, 'push', '-q', 'origin', 'HEAD:main');
        base = git(dev, 'rev-parse', 'HEAD');
        // A busy pull request: the action's comment will be on the second page.
        for (let i = 0; i < 120; i++) github.add(`Looks good ${i}`);
    });
    after(async () => {
        await github.stop();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    /** A fresh shallow checkout of the head (as actions/checkout makes), then the action. */
    async function action(head: string, options: { summary?: boolean } = {}): Promise<JobResult & { log: string; body: string; exitCode: string }> {
        const workspace = path.join(dir, `ws-${head.slice(0, 8)}-${Date.now()}`);
        git(dir, 'clone', '-q', '--depth', '1', '--branch', 'pr', `file://${origin}`, workspace);
        const runner = new Runner({
            workspace, eventName: 'pull_request', sha: head, apiUrl: github.url,
            event: { pull_request: { number: 7, base: { sha: base, repo: { full_name: 'ministry/plan' } }, head: { sha: head, repo: { full_name: 'ministry/plan' } } } },
            actions: { 'ssr-tools/ssr-strategy@': ROOT },
        });
        try {
            const job = await runner.runJob({
                steps: [
                    { uses: 'actions/checkout@v4' },
                    { id: 'ssr', uses: 'ssr-tools/ssr-strategy@v0', with: { paths: 'plans', comment: 'true', sarif: 'false', summary: options.summary ? 'true' : 'false' } },
                ],
            });
            const mine = github.comments.filter(c => c.body.startsWith('<!-- ssr-plan-diff -->'));
            assert.ok(mine.length <= 1, 'never a second comment');
            return { ...job, log: job.steps.map(s => s.stdout + s.stderr).join(''), body: mine[0]?.body ?? '', exitCode: job.steps[1].outputs['exit-code'] };
        } finally {
            runner.dispose();
            fs.rmSync(workspace, { recursive: true, force: true });
        }
    }
    /** The section of the comment about one file. */
    const sectionOf = (body: string, file: string) => {
        const start = Math.max(body.indexOf(`## Plan changes: [${file}](`), body.indexOf(`## Plan changes: ${file}\n`));
        assert.ok(start >= 0, `a section for ${file} in\n${body}`);
        const end = body.indexOf('\n## Plan changes: ', start + 1);
        return body.slice(start, end < 0 ? undefined : end);
    };
    const headOf = (body: string) => /For head commit \[`([0-9a-f]{7})`\]\(https:\/\/github\.com\/ministry\/plan\/commit\/([0-9a-f]{40})\)/.exec(body)?.[2];
    let moneyAfterLibraryEdit = '';

    it('1. a pure rename of an objective: one rename, no finding appeared or resolved; the comment names the head', async () => {
        git(dev, 'checkout', '-q', '-b', 'pr');
        edit('plans/plan.ssr', /PoliceReform/g, 'CommunityPolicing');
        const head = commit('Rename PoliceReform');
        const result = await action(head);
        assert.match(result.log, /fetched the base commit/, 'the shallow checkout lacked the base: the action fetched it');
        assert.equal(headOf(result.body), head);
        const plan = sectionOf(result.body, 'plans/plan.ssr');
        assert.match(plan, /- \*\*renamed\*\* objective `PoliceReform` → `CommunityPolicing` \(references follow in `PublicSafety`, `TrustFund`, `BudgetPhase1`, `BudgetPhase2`\)/);
        assert.doesNotMatch(plan, /Findings that appeared|Findings resolved|Findings that changed|\*\*added\*\*|\*\*removed\*\*|\*\*changed\*\*/);
        assert.equal(result.exitCode, '0');
        assert.ok(github.requests.some(r => r.method === 'GET' && /page=2/.test(r.url)), 'the comments were read past the first page');
    });

    it('2. renamed and its cost changed: the cost change is named, the grown gap is a changed finding', async () => {
        edit('plans/plan.ssr', 'cost capital 12M from 2027 to 2029', 'cost capital 15M from 2027 to 2029');
        const head = commit('More police capital');
        const result = await action(head);
        assert.equal(headOf(result.body), head);
        const plan = sectionOf(result.body, 'plans/plan.ssr');
        assert.match(plan, /- \*\*renamed\*\* objective `PoliceReform` → `CommunityPolicing`: cost capital 12M from 2027 to 2029 → 15M from 2027 to 2029/);
        assert.doesNotMatch(plan, /Findings that appeared|Findings resolved/);
        assert.match(plan, /### Findings that changed\n\n- \*\*warning\*\* `fiscal\/gap`: Objective 'CommunityPolicing' is not fully funded: .*~~.*~~ → \*\*.*\*\*/);
        assert.equal(github.comments.filter(c => c.body.startsWith('<!--')).length, 1, 'the comment was updated in place');
    });

    it('3. a funding line added', async () => {
        edit('plans/plan.ssr', 'fiscal {', 'funding Extra "Extra national budget" {\n    from MOF\n    instrument national-budget\n    amount 1M per year from 2028 to 2029\n    supports CommunityPolicing\n}\n\nfiscal {');
        const result = await action(commit('Extra funding'));
        assert.match(sectionOf(result.body, 'plans/plan.ssr'), /- \*\*added\*\* funding line `Extra`/);
    });

    it('4. a sequencing rule broken: a new error, annotated at its line, fails the gate', async () => {
        edit('plans/plan.ssr', 'from 2027-07 to 2030-12\n        after PoliceVetting', 'from 2027-03 to 2030-12\n        after PoliceVetting');
        const result = await action(commit('Start training early'));
        const plan = sectionOf(result.body, 'plans/plan.ssr');
        assert.match(plan, /### Findings that appeared\n\n(- .*\n)*- \*\*error\*\* `sequencing\/order`: Activity 'PoliceTraining' starts 2027-03/);
        assert.equal(result.exitCode, '1', 'a new error fails the check');
        assert.ok(result.failed);
        const annotation = result.steps[1].annotations.find(a => a.title === 'sequencing/order');
        assert.equal(annotation?.file, 'plans/plan.ssr');
        assert.equal(read('plans/plan.ssr').split('\n')[(annotation?.line ?? 0) - 1].trim(), 'after PoliceVetting');
        assert.ok(!result.steps[1].annotations.some(a => a.file === 'plans/old.ssr'), 'findings the base had are not annotated');
    });

    it('5. and fixed: the error is gone, the gate passes', async () => {
        edit('plans/plan.ssr', 'from 2027-03 to 2030-12', 'from 2027-07 to 2030-12');
        const result = await action(commit('Train after vetting'));
        assert.doesNotMatch(result.body, /sequencing\/order/);
        assert.equal(result.exitCode, '0');
    });

    it('6. an imported library edited: the plan changes through it (money, the actor)', async () => {
        edit('plans/lib/northland-actors.ssr', '{ kind international-organization }', '{ kind finance-ministry }');
        const result = await action(commit('The trust fund is national'));
        const plan = sectionOf(result.body, 'plans/plan.ssr');
        assert.match(plan, /Changed through the imported library `plans\/lib\/northland-actors\.ssr`\./);
        assert.match(plan, /- \*\*changed\*\* actor `MDTF`: kind international-organization → finance-ministry/);
        assert.match(plan, /\| 2027 \| [^|]+ \| 4,000,000 → 0 \(−4,000,000\) \|/);
        moneyAfterLibraryEdit = /### Money by year[\s\S]*?\n\n(?=###|$)/.exec(plan)?.[0] ?? '';
        assert.ok(moneyAfterLibraryEdit);
    });

    it('7. the library moved: no money invented, no finding resolved', async () => {
        git(dev, 'mv', 'plans/lib/northland-actors.ssr', 'shared-actors.ssr');
        edit('plans/plan.ssr', 'import "lib/northland-actors.ssr"', 'import "../shared-actors.ssr"');
        const result = await action(commit('Move the actors'));
        const plan = sectionOf(result.body, 'plans/plan.ssr');
        assert.equal(/### Money by year[\s\S]*?\n\n(?=###|$)/.exec(plan)?.[0], moneyAfterLibraryEdit, 'the same money as before the move');
        assert.doesNotMatch(plan, /Findings resolved/);
    });

    it('8. the strategy file renamed: one section, "renamed from"', async () => {
        git(dev, 'mv', 'plans/plan.ssr', 'plans/national-plan.ssr');
        const result = await action(commit('Rename the plan'));
        const plan = sectionOf(result.body, 'plans/national-plan.ssr');
        assert.match(plan, /Renamed from `plans\/plan\.ssr`\./);
        assert.doesNotMatch(result.body, /New strategy file/);
    });

    it('9. a new strategy with a non-ASCII name: "new strategy file", annotations past the cap in one notice', async () => {
        write('plans/stratégie-sécurité.ssr', EASTMARCH);
        const result = await action(commit('Eastmarch'));
        assert.match(sectionOf(result.body, 'plans/stratégie-sécurité.ssr'), /New strategy file: 3 actors, 2 phases, 1 objective, 1 benchmark, 1 funding line, 2 activities\./);
        const annotations = result.steps[1].annotations;
        const warnings = annotations.filter(a => a.type === 'warning' && a.file === 'plans/stratégie-sécurité.ssr');
        assert.equal(warnings.length, 9, '9 warnings (one slot is left for the action\'s own)');
        const lines = EASTMARCH.split('\n');
        const strategyLine = lines.findIndex(l => l.startsWith('strategy')) + 1;
        assert.ok(warnings.some(a => a.line !== strategyLine), 'line-level warnings are annotated');
        const group = /::group::ssr: findings not annotated\n((?:[^\n]+\n)+?)::endgroup::/.exec(result.log)?.[1].trim().split('\n') ?? [];
        assert.ok(group.length > 0);
        for (const line of group) assert.match(line, new RegExp(`^plans/stratégie-sécurité\\.ssr:${strategyLine}:\\d+: warning `), 'only strategy-level findings are left out, line-level ones come first');
        const notice = annotations.find(a => a.type === 'notice' && /not annotated/.test(a.title ?? ''));
        assert.ok(notice, annotations.map(a => a.title).join('\n'));
        assert.equal(notice.title, `ssr: ${group.length} findings not annotated`);
        assert.match(notice.message, new RegExp(`Not annotated: ${group.length} warnings\\. All of them are in this step's log`));
    });

    it('10. a strategy deleted: "strategy file removed"', async () => {
        fs.rmSync(path.join(dev, 'plans', 'old.ssr'));
        const result = await action(commit('Drop the old plan'));
        assert.match(sectionOf(result.body, 'plans/old.ssr'), /Strategy file removed, with /);
    });

    let lastHead = '';
    it('11. a push without .ssr change: the comment names the new head', async () => {
        write('README.md', 'Strategies, reviewed.\n');
        lastHead = commit('README');
        const result = await action(lastHead);
        assert.equal(headOf(result.body), lastHead);
    });

    it('12. the API fails: a warning says the comment may be out of date, and the next run repairs it', async () => {
        write('README.md', 'Strategies, reviewed twice.\n');
        const head = commit('README again');
        github.failures.push({ method: 'PATCH', status: 500, times: 1 });
        const failed = await action(head, { summary: true });
        assert.equal(headOf(failed.body), lastHead, 'the comment could not be updated');
        assert.ok(failed.steps[1].annotations.some(a => a.type === 'warning' && /plan-diff comment not updated/.test(a.title ?? '') && /may be out of date/.test(a.message)), JSON.stringify(failed.steps[1].annotations));
        assert.match(failed.summary, /The plan-diff comment could not be updated \(PATCH .*HTTP 500\)/);
        const repaired = await action(head);
        assert.equal(headOf(repaired.body), head);
    });

    it('13. every .ssr change reverted: the comment says there is none any more', async () => {
        git(dev, 'checkout', '-q', base, '--', 'plans');
        for (const file of ['plans/stratégie-sécurité.ssr', 'plans/national-plan.ssr', 'shared-actors.ssr']) fs.rmSync(path.join(dev, file), { force: true });
        const head = commit('Revert');
        const result = await action(head);
        assert.equal(headOf(result.body), head);
        assert.match(result.body, /No `\.ssr` change in meaning between the base `[0-9a-f]{7}` and \[`[0-9a-f]{7}`\]/);
        assert.doesNotMatch(result.body, /## Plan changes/);
    });
});
