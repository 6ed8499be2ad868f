/**
 * `ssr diff`: what changed in meaning between two versions of a strategy — declarations added,
 * removed, renamed and changed field by field, the money by year from the fiscal model, findings
 * appeared, resolved and changed — between files (git revisions: test/integration/git-revisions.test.ts).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SPEC_EXAMPLES } from './helpers.js';
import { ssr } from './cli-helpers.js';
import type { PlanDiff } from '../language/diff/plan-diff.js';

const NORTHLAND = fs.readFileSync(path.join(SPEC_EXAMPLES, 'northland.ssr'), 'utf8');

describe('ssr diff', () => {
    let dir: string;
    beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-diff-')); });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    async function diff(head: string, base = NORTHLAND): Promise<PlanDiff> {
        fs.writeFileSync(path.join(dir, 'base.ssr'), base);
        fs.writeFileSync(path.join(dir, 'head.ssr'), head);
        const result = await ssr(['diff', 'base.ssr', 'head.ssr', '--format', 'json'], dir);
        assert.equal(result.code, 0, result.stderr);
        return JSON.parse(result.stdout) as PlanDiff;
    }

    it('reports no change for the same plan', async () => {
        const result = await diff(NORTHLAND);
        assert.deepEqual(result, { status: 'changed', added: [], removed: [], renamed: [], changed: [], years: [], findings: { appeared: [], resolved: [], changed: [] } });
    });

    it('reports a changed lead and amount field by field, the years that changed and the findings that appeared', async () => {
        const head = NORTHLAND.replace('    lead MOJ\n    partners Judiciary', '    lead NNP\n    partners Judiciary').replace('amount 20M from 2027 to 2030', 'amount 18M from 2027 to 2030');
        const result = await diff(head);
        assert.deepEqual(result.changed, [
            { kind: 'objective', name: 'JusticeReform', fields: [{ field: 'lead', before: 'MOJ', after: 'NNP' }] },
            { kind: 'funding line', name: 'TrustFund', fields: [{ field: 'amount', before: '20M', after: '18M' }] },
        ]);
        assert.deepEqual(result.years.map(y => y.year), [2027, 2028, 2029, 2030]);
        const external = result.years.reduce((sum, y) => sum + (y.external[1] - y.external[0]), 0);
        assert.equal(external, -2_000_000, 'the yearly external changes add up to the cut');
        assert.deepEqual(result.findings.appeared.map(f => f.ruleId), ['fiscal/gap', 'fiscal/gap']);
        assert.deepEqual(result.findings.resolved, []);
    });

    it('reports a renamed objective as a rename, references following it as no change', async () => {
        const head = NORTHLAND.replace('objective Oversight ', 'objective DemocraticOversight ')
            .replace('measures DefenceReform, Oversight', 'measures DefenceReform, DemocraticOversight')
            .replace('measures Oversight, CivilSocietyEngagement', 'measures DemocraticOversight, CivilSocietyEngagement');
        const result = await diff(head);
        assert.deepEqual(result.renamed, [{ kind: 'objective', from: 'Oversight', to: 'DemocraticOversight', fields: [], references: ['CivilianControl', 'ComplaintsResolved'] }]);
        assert.deepEqual(result.added, []);
        assert.deepEqual(result.removed, []);
        assert.deepEqual(result.changed, []);
    });

    it('reports a renamed and edited objective as one rename with its field changes; its findings keep their identity', async () => {
        const base = NORTHLAND.replace('amount 20M from 2027 to 2030', 'amount 16M from 2027 to 2030');
        const head = base.replace(/PoliceReform/g, 'CommunityPolicing').replace('cost capital 12M from 2027 to 2029', 'cost capital 14M from 2027 to 2029');
        const result = await diff(head, base);
        assert.deepEqual(result.renamed, [{
            kind: 'objective', from: 'PoliceReform', to: 'CommunityPolicing',
            fields: [{ field: 'cost capital', before: '12M from 2027 to 2029', after: '14M from 2027 to 2029' }],
            references: ['PublicSafety', 'TrustFund', 'BudgetPhase1', 'BudgetPhase2'],
        }]);
        assert.deepEqual([result.added, result.removed, result.changed], [[], [], []], 'no added/removed objective, the references that follow the rename are no change');
        assert.deepEqual([result.findings.appeared, result.findings.resolved], [[], []], 'the gap findings are the same findings');
        assert.deepEqual(result.findings.changed.map(f => f.identity), ['fiscal/gap@objective:CommunityPolicing', 'fiscal/gap@objective:JusticeReform']);
        assert.match(result.findings.changed[0].before.message, /^Objective 'CommunityPolicing' is not fully funded: 2028 USD 500,000/, 'the base message, names as renamed');
        assert.match(result.findings.changed[0].message, /^Objective 'CommunityPolicing' is not fully funded/);
        const pure = await diff(base.replace(/PoliceReform/g, 'CommunityPolicing'), base);
        assert.deepEqual(pure.findings, { appeared: [], resolved: [], changed: [] }, 'a pure rename changes no finding');
    });

    it('reports a re-timed and renamed activity as a rename with its dates', async () => {
        const head = NORTHLAND.replace('activity PoliceVetting "Vetting of serving officers" {\n        type vetting\n        from 2027-01 to 2027-06', 'activity OfficerVetting "Vetting of serving officers" {\n        type vetting\n        from 2026-07 to 2026-12')
            .replace('after PoliceVetting', 'after OfficerVetting');
        const result = await diff(head);
        assert.deepEqual(result.renamed, [{ kind: 'activity', from: 'PoliceReform.PoliceVetting', to: 'PoliceReform.OfficerVetting', fields: [{ field: 'dates', before: 'from 2027-01 to 2027-06', after: 'from 2026-07 to 2026-12' }], references: ['PoliceReform.PoliceTraining'] }]);
        assert.deepEqual([result.added, result.removed, result.changed], [[], [], []]);
    });

    it('reports added and removed objectives, a moved phase and findings resolved', async () => {
        const head = NORTHLAND.replace(/objective DDR [\s\S]*?\n}\n/, '').replace('    alongside DDR\n', '')
            .replace('measures DDR', 'measures PublicFinance')
            .replace('phase Consolidation "Consolidation" {\n    stage consolidation\n    from 2031-01 to 2032-12', 'phase Consolidation "Consolidation" {\n    stage consolidation\n    from 2031-06 to 2032-12')
            + '\nobjective Intelligence "Accountable intelligence" {\n    sector intelligence\n    dimension institutional\n    level strategic\n    lead NSC\n    in Main\n}\n';
        const result = await diff(head);
        assert.deepEqual(result.removed.map(r => `${r.kind} ${r.name}`), ['objective DDR', 'activity DDR.Demobilisation']);
        assert.deepEqual(result.added.map(r => `${r.kind} ${r.name}`), ['objective Intelligence']);
        assert.ok(result.changed.some(c => c.name === 'Consolidation' && c.fields[0].field === 'dates' && c.fields[0].before === 'from 2031-01 to 2032-12'));
        assert.ok(result.findings.appeared.some(f => f.ruleId === 'monitoring/no-benchmark'));
    });

    it('reports a changed funding share, and the findings it resolves', async () => {
        const base = NORTHLAND.replace('amount 20M from 2027 to 2030\n    supports PoliceReform, JusticeReform', 'amount 20M from 2027 to 2030\n    supports PoliceReform');
        const result = await diff(NORTHLAND, base);
        assert.deepEqual(result.changed, [{ kind: 'funding line', name: 'TrustFund', fields: [{ field: 'supports', before: 'PoliceReform', after: 'PoliceReform, JusticeReform' }] }]);
        assert.ok(result.years.length > 0, 'the gap changes');
        for (const y of result.years) {
            assert.equal(y.cost[0], y.cost[1], 'sharing moves money between objectives: cost and funding totals stay');
            assert.equal(y.external[0], y.external[1]);
            assert.ok(y.gap[0] > y.gap[1], `${y.year}: the gap shrinks`);
        }
        assert.deepEqual(result.findings.resolved.map(f => f.ruleId), ['fiscal/gap']);
        assert.deepEqual(result.findings.appeared, []);
    });

    it('writes Markdown with a table of the years that changed', async () => {
        fs.writeFileSync(path.join(dir, 'base.ssr'), NORTHLAND);
        fs.writeFileSync(path.join(dir, 'head.ssr'), NORTHLAND.replace('amount 4M per year from 2030 to 2032', 'amount 3M per year from 2030 to 2032'));
        const markdown = (await ssr(['diff', 'base.ssr', 'head.ssr'], dir)).stdout;
        assert.equal(markdown, [
            '## Plan changes: head.ssr', '',
            '### Declarations', '',
            '- **changed** funding line `BudgetPhase2`: amount 4M → 3M', '',
            '### Money by year (only the years that changed)', '',
            '| year | cost | external | domestic | gap |', '|---:|---:|---:|---:|---:|',
            '| 2030 | 4,000,000 | 5,000,000 | 4,000,000 → 3,000,000 (−1,000,000) | 0 |',
            '| 2031 | 4,000,000 | 0 | 4,000,000 → 3,000,000 (−1,000,000) | 0 → 1,000,000 (+1,000,000) |',
            '| 2032 | 4,000,000 | 0 | 4,000,000 → 3,000,000 (−1,000,000) | 0 → 1,000,000 (+1,000,000) |', '',
            '### Findings that appeared', '',
            "- **warning** `fiscal/recurrent-after-exit`: In 2032, the final year, recurrent costs are USD 4,000,000 but domestic funding is USD 3,000,000: a shortfall of USD 1,000,000 a year once donors leave. Forces the state cannot pay for do not last: plan domestic funding for the running costs. (line 9)",
            "- **warning** `fiscal/gap`: Objective 'PoliceReform' is not fully funded: 2031 USD 750,000, 2032 USD 750,000 (total USD 1,500,000). A strategy based on unrealistic resource estimates stalls mid-way: add funding for those years or reduce the costs. (line 92)",
            "- **warning** `fiscal/gap`: Objective 'JusticeReform' is not fully funded: 2031 USD 250,000, 2032 USD 250,000 (total USD 500,000). A strategy based on unrealistic resource estimates stalls mid-way: add funding for those years or reduce the costs. (line 116)",
            '',
        ].join('\n'));
    });
});
