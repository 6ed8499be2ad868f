/**
 * The command line on git revisions, in process: `ssr diff git:REV:path` reads the revision whole
 * (its libraries at REV), `ssr diff --since REV` finds every changed strategy (renamed, added,
 * removed, changed through a library, with non-ASCII names), and `ssr check --baseline` gates on
 * the findings a commit adds — from a git revision or from a baseline file.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, SPEC_EXAMPLES } from '../helpers.js';
import { ssr } from '../cli-helpers.js';
import type { PlanDiff } from '../../language/diff/plan-diff.js';

const NORTHLAND = fs.readFileSync(path.join(SPEC_EXAMPLES, 'northland.ssr'), 'utf8');
const EASTMARCH = fs.readFileSync(path.join(SPEC_EXAMPLES, 'eastmarch-police.ssr'), 'utf8');

describe('git revisions', function () {
    this.timeout(60000);
    let dir: string;
    beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-git-')); });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    const git = (...args: string[]) => {
        const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: dir, encoding: 'utf8' });
        assert.equal(r.status, 0, r.stderr);
    };

    it('reads the libraries of git:REV:path at REV: a library edit changes the money, a moved library changes nothing', async () => {
        const LIBRARY = fs.readFileSync(path.join(ROOT, 'examples', 'lib', 'northland-actors.ssr'), 'utf8');
        const PLAN = fs.readFileSync(path.join(ROOT, 'examples', 'northland.ssr'), 'utf8');
        git('init', '-q');
        fs.mkdirSync(path.join(dir, 'lib'));
        fs.writeFileSync(path.join(dir, 'lib', 'northland-actors.ssr'), LIBRARY);
        fs.writeFileSync(path.join(dir, 'plan.ssr'), PLAN);
        git('add', '.');
        git('commit', '-qm', 'base');
        fs.writeFileSync(path.join(dir, 'lib', 'northland-actors.ssr'), LIBRARY.replace('{ kind international-organization }', '{ kind finance-ministry }'));
        const edited = JSON.parse((await ssr(['diff', 'git:HEAD:plan.ssr', 'plan.ssr', '--format', 'json'], dir)).stdout) as PlanDiff;
        assert.deepEqual(edited.changed, [{ kind: 'actor', name: 'MDTF', fields: [{ field: 'kind', before: 'international-organization', after: 'finance-ministry' }] }]);
        assert.equal(edited.years.reduce((sum, y) => sum + y.external[1] - y.external[0], 0), -20_000_000, 'the trust fund is no longer external');

        git('checkout', '-q', '--', '.');
        fs.mkdirSync(path.join(dir, 'shared'));
        fs.renameSync(path.join(dir, 'lib', 'northland-actors.ssr'), path.join(dir, 'shared', 'actors.ssr'));
        fs.writeFileSync(path.join(dir, 'plan.ssr'), PLAN.replace('import "lib/northland-actors.ssr"', 'import "shared/actors.ssr"'));
        const moved = JSON.parse((await ssr(['diff', 'git:HEAD:plan.ssr', 'plan.ssr', '--format', 'json'], dir)).stdout) as PlanDiff;
        assert.deepEqual(moved, { status: 'changed', added: [], removed: [], renamed: [], changed: [], years: [], findings: { appeared: [], resolved: [], changed: [] } });
    });

    it('reads git:REV:path from a repository', async () => {
        git('init', '-q');
        fs.writeFileSync(path.join(dir, 'plan.ssr'), NORTHLAND);
        git('add', 'plan.ssr');
        git('commit', '-qm', 'base');
        fs.writeFileSync(path.join(dir, 'plan.ssr'), NORTHLAND.replace('ceiling 10% of revenue', 'ceiling 8% of revenue'));
        const result = await ssr(['diff', 'git:HEAD:plan.ssr', 'plan.ssr', '--format', 'json'], dir);
        assert.equal(result.code, 0, result.stderr);
        const parsed = JSON.parse(result.stdout) as PlanDiff;
        assert.deepEqual(parsed.changed, [{ kind: 'fiscal block', name: 'fiscal', fields: [{ field: 'ceiling', before: '10%', after: '8%' }] }]);
        const added = await ssr(['diff', 'git:HEAD:nothing.ssr', 'plan.ssr', '--format', 'json'], dir);
        assert.equal(added.code, 0, added.stderr);
        assert.equal((JSON.parse(added.stdout) as PlanDiff).status, 'added', 'a base that does not exist: a new strategy');
        const removed = await ssr(['diff', 'git:HEAD:plan.ssr', 'gone.ssr', '--format', 'json'], dir);
        assert.equal((JSON.parse(removed.stdout) as PlanDiff).status, 'removed', 'a head that does not exist: a removed strategy');
        const neither = await ssr(['diff', 'git:HEAD:nothing.ssr', 'gone.ssr'], dir);
        assert.equal(neither.code, 2);
        assert.match(neither.stderr, /^ssr: cannot read 'git:HEAD:nothing\.ssr' nor 'gone\.ssr'/);
        const unknown = await ssr(['diff', 'git:nowhere:plan.ssr', 'plan.ssr'], dir);
        assert.equal(unknown.code, 2);
        assert.match(unknown.stderr, /^ssr: unknown revision 'nowhere'/);
    });

    const write = (file: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), text);
    };
    const commit = (message: string) => {
        git('add', '-A');
        git('commit', '-qm', message);
    };

    it('ssr diff --since: renamed, added (non-ASCII name), removed, and changed through a library', async () => {
        const LIBRARY = fs.readFileSync(path.join(ROOT, 'examples', 'lib', 'northland-actors.ssr'), 'utf8');
        git('init', '-q');
        write('plans/plan.ssr', fs.readFileSync(path.join(ROOT, 'examples', 'northland.ssr'), 'utf8'));
        write('plans/lib/northland-actors.ssr', LIBRARY);
        write('plans/old.ssr', fs.readFileSync(path.join(SPEC_EXAMPLES, 'lakeland-police.ssr'), 'utf8'));
        write('plans/same.ssr', NORTHLAND);
        commit('base');
        git('mv', 'plans/plan.ssr', 'plans/national.ssr');
        write('plans/lib/northland-actors.ssr', LIBRARY.replace('{ kind international-organization }', '{ kind finance-ministry }'));
        write('plans/réforme-sécurité.ssr', EASTMARCH);
        fs.rmSync(path.join(dir, 'plans', 'old.ssr'));
        commit('change');
        const result = await ssr(['diff', '--since', 'HEAD~1', 'plans', '--format', 'json'], dir);
        assert.equal(result.code, 0, result.stderr);
        const files = (JSON.parse(result.stdout) as { files: { path: string; previousPath?: string; changedFiles: string[]; diff: PlanDiff }[] }).files;
        assert.deepEqual(files.map(f => [f.path, f.diff.status]).sort(), [['plans/national.ssr', 'changed'], ['plans/old.ssr', 'removed'], ['plans/réforme-sécurité.ssr', 'added']]);
        const national = files.find(f => f.path === 'plans/national.ssr')!;
        assert.equal(national.previousPath, 'plans/plan.ssr');
        assert.deepEqual(national.changedFiles, ['plans/lib/northland-actors.ssr']);
        assert.deepEqual(national.diff.changed, [{ kind: 'actor', name: 'MDTF', fields: [{ field: 'kind', before: 'international-organization', after: 'finance-ministry' }] }]);
        const markdown = (await ssr(['diff', '--since', 'HEAD~1', 'plans'], dir)).stdout;
        assert.match(markdown, /## Plan changes: plans\/national\.ssr\n\nRenamed from `plans\/plan\.ssr`\.\n\nChanged through the imported library `plans\/lib\/northland-actors\.ssr`\./);
        assert.match(markdown, /## Plan changes: plans\/réforme-sécurité\.ssr\n\nNew strategy file: /);
        assert.match(markdown, /## Plan changes: plans\/old\.ssr\n\nStrategy file removed, with /);
        const nothing = await ssr(['diff', '--since', 'HEAD', 'plans'], dir);
        assert.equal(nothing.stdout, '## Plan changes\n\nNo strategy changed since `HEAD`.\n');
    });

    it('ssr check --baseline: an existing plan with findings passes; a commit that adds one warning fails the gate on warnings', async () => {
        git('init', '-q');
        write('plans/eastmarch.ssr', EASTMARCH);
        commit('existing plan');
        const all = await ssr(['check', 'plans', '--max-warnings', '0'], dir);
        assert.equal(all.code, 1, 'without a baseline, the 14 warnings fail the gate');
        const adopted = await ssr(['check', 'plans', '--baseline', 'git:HEAD', '--max-warnings', '0'], dir);
        assert.equal(adopted.code, 0, adopted.stdout + adopted.stderr);
        assert.match(adopted.stdout, /✔ No new problems in 1 file\n\d+ findings were already in the baseline \(git:HEAD\) and are not reported\.\n$/);
        // A baseline file, recorded from a subfolder and read from the repository root.
        assert.equal((await ssr(['check', '.', '--format', 'json', '--output', '../baseline.json'], path.join(dir, 'plans'))).code, 0);
        assert.equal((await ssr(['check', 'plans', '--baseline', 'baseline.json', '--max-warnings', '0'], dir)).code, 0);

        // Renaming the objective keeps its findings; moving lines keeps them; one new warning fails.
        write('plans/eastmarch.ssr', '\n\n' + EASTMARCH.replace(/PoliceCapacity\b/g, 'PoliceService').replace('objective PoliceService', 'objective Unfunded "Unfunded" {\n    sector policing\n    lead MOI\n    cost capital 1M from 2027 to 2027\n}\n\nobjective PoliceService'));
        commit('one more objective');
        const gated = await ssr(['check', 'plans', '--baseline', 'git:HEAD~1', '--max-warnings', '0', '--format', 'json'], dir);
        assert.equal(gated.code, 1);
        const fresh = JSON.parse(gated.stdout) as { ruleId: string; identity: string }[];
        assert.ok(fresh.every(f => f.identity.includes('objective:Unfunded')), `only the new objective's findings:\n${fresh.map(f => f.identity).join('\n')}`);
        assert.match(gated.stderr, /^ssr: \d+ findings were already in the baseline \(git:HEAD~1\) and are not reported\.\n$/);
        assert.equal((await ssr(['check', 'plans', '--baseline', 'git:HEAD~1'], dir)).code, 0, 'gating on errors only, new warnings pass');
        assert.equal((await ssr(['check', 'plans', '--baseline', 'baseline.json', '--max-warnings', '0'], dir)).code, 1, 'the baseline file too');
    });

    it('ssr check --baseline git:REV names what is missing', async () => {
        git('init', '-q');
        write('plan.ssr', NORTHLAND);
        commit('base');
        const unknown = await ssr(['check', '.', '--baseline', 'git:nowhere'], dir);
        assert.equal(unknown.code, 2);
        assert.equal(unknown.stderr, "ssr: unknown revision 'nowhere'\n");
        const shallow = path.join(dir, 'shallow');
        git('clone', '-q', '--depth', '1', `file://${dir}`, shallow);
        const missing = await ssr(['check', '.', '--baseline', 'git:0000000000000000000000000000000000000001'], shallow);
        assert.equal(missing.code, 2);
        assert.match(missing.stderr, /is not in this shallow clone: fetch it .*fetch-depth: 0/);
    });
});
