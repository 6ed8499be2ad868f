/**
 * Finding identity (language/validation/identity.ts) and what reads it: identities name the
 * declaration and stay put when lines move or messages change; the fingerprints of SARIF, GitLab
 * and JSON do not depend on blank lines above, on the folder the command runs from, and differ
 * for two findings of one rule on one line.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HEADER, createServices, findingsOf, parser, reset } from './helpers.js';
import { ssr } from './cli-helpers.js';

const services = createServices();
const parse = parser(services);

const PLAN = `${HEADER}actor NNP "Police" { kind police }
objective P "P" {
    sector policing
    lead NNP
    dimension politcal, institutionl
    activity Train "Training" {
        type training
        from 2027-01 to 2027-06
        after Vet, Plan
    }
    activity Vet "Vetting" {
        type vetting
        from 2027-03 to 2027-09
    }
    activity Plan "Planning" {
        type assessment
        from 2027-02 to 2027-08
    }
    cost capital 2M from 2025 to 2027
    cost recurrent 1M per year from 2024
}
`;

describe('finding identity', () => {
    afterEach(() => reset(services));

    it('names the rule, the declaration path, the list element or node below it, and the rule key', async () => {
        const ids = findingsOf(await parse(PLAN)).map(f => f.identity);
        for (const id of [
            'taxonomy/unknown-term@objective:P/dimensions=politcal',
            'taxonomy/unknown-term@objective:P/dimensions=institutionl',
            'sequencing/order@objective:P/activity:Train/after=Vet',
            'sequencing/order@objective:P/activity:Train/after=Plan',
            'structure/bad-range@objective:P/costs[0]/range',
            'structure/bad-range@objective:P/costs[1]/range',
            'coverage/subsectors@strategy#justice',
        ]) assert.ok(ids.includes(id), `${id} in\n${ids.join('\n')}`);
        assert.equal(new Set(ids).size, ids.length, 'unique in the document');
    });

    it('does not move with the lines or the wording, and numbers equal ones (~2)', async () => {
        const before = findingsOf(await parse(PLAN)).map(f => f.identity).sort();
        const shifted = findingsOf(await parse(PLAN.replace('actor NNP', '\n\n\n// a comment\nactor NNP'))).map(f => f.identity).sort();
        assert.deepEqual(shifted, before);
        const twice = findingsOf(await parse(`${HEADER}objective P "P" { sector policing }\nbenchmark B "B" {\n    measures P\n    type outcom\n    source survy\n}\n`))
            .filter(f => f.ruleId === 'taxonomy/unknown-term').map(f => f.identity);
        assert.deepEqual(twice, ['taxonomy/unknown-term@benchmark:B', 'taxonomy/unknown-term@benchmark:B~2']);
    });

    it('places syntax errors in the declaration they interrupt', async () => {
        const [error] = findingsOf(await parse(`${HEADER}objective P "P" {\n    sector policing\n    by Somebody\n}\n`)).filter(f => f.ruleId === 'syntax/error');
        assert.equal(error.identity, 'syntax/error@objective:P');
    });

    it('places findings on the whole document in the innermost declaration, among many (found by halving, not by a walk per finding)', async () => {
        const actors = Array.from({ length: 50 }, (_, i) => `actor A${i} "A" { kind police }\n`).join('');
        const text = `${HEADER}${actors}objective P "P" {\n    sector policing\n    activity V "V" {\n        type vetting\n        bogus Somebody\n    }\n}\n${actors.replace(/A(\d+) /g, 'B$1 ')}objective Q "Q" {\n    sector policing\n    activity W "W" {\n        // ssr-ignore-next-line monitoring/no-benchmark -- x\n        type vetting\n    }\n}\n`;
        const findings = findingsOf(await parse(text));
        assert.equal(findings.find(f => f.ruleId === 'syntax/error')?.identity, 'syntax/error@objective:P/activity:V');
        assert.equal(findings.find(f => f.ruleId === 'suppression/unused')?.identity, 'suppression/unused@objective:Q/activity:W');
    });
});

describe('fingerprints (ssr check)', () => {
    let dir: string;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-identity-'));
        fs.mkdirSync(path.join(dir, '.git'));
        fs.mkdirSync(path.join(dir, 'plans'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    interface Sarif { runs: { originalUriBaseIds: Record<string, { uri: string }>; results: { ruleId: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] }
    interface GitLab { fingerprint: string; check_name: string; location: { path: string; lines: { begin: number } } }

    async function reports(text: string, cwd: string) {
        fs.writeFileSync(path.join(dir, 'plans', 'plan.ssr'), text);
        const target = path.relative(cwd, path.join(dir, 'plans')) || '.';
        const sarif = JSON.parse((await ssr(['check', target, '--format', 'sarif'], cwd)).stdout) as Sarif;
        const gitlab = JSON.parse((await ssr(['check', target, '--format', 'gitlab'], cwd)).stdout) as GitLab[];
        const results = sarif.runs[0].results;
        return {
            sarif: results.map(r => r.partialFingerprints.primaryLocationLineHash).sort(),
            identities: results.map(r => r.partialFingerprints['ssrIdentity/v1']).sort(),
            gitlab: gitlab.map(e => e.fingerprint).sort(),
            uris: [...new Set(results.map(r => r.locations[0].physicalLocation.artifactLocation.uri))],
            paths: [...new Set(gitlab.map(e => e.location.path))],
            root: sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri,
            lines: gitlab.map(e => e.location.lines.begin),
            orderLine: results.filter(r => r.ruleId === 'sequencing/order').map(r => r.locations[0].physicalLocation.region.startLine),
        };
    }

    it('are unchanged by blank lines above and by the working folder, and distinct for two findings of one rule on one line', async () => {
        const first = await reports(PLAN, dir);
        assert.deepEqual(first.uris, ['plans/plan.ssr'], 'relative to the repository root');
        assert.deepEqual(first.paths, ['plans/plan.ssr']);
        assert.match(first.root, /^file:\/\/\/.+\/$/, '%SRCROOT% is the repository, not file:///');
        assert.ok(first.root.endsWith(`${path.basename(dir)}/`));
        assert.equal(first.orderLine.length, 2);
        assert.equal(first.orderLine[0], first.orderLine[1], 'two sequencing/order findings on one line');
        for (const list of [first.sarif, first.identities, first.gitlab]) assert.equal(new Set(list).size, list.length, 'every fingerprint distinct');

        const shifted = await reports(PLAN.replace('actor NNP', '\n\n\nactor NNP'), dir);
        assert.notDeepEqual(shifted.lines, first.lines, 'the lines moved');
        const elsewhere = await reports(PLAN, path.join(dir, 'plans'));
        const outside = await reports(PLAN, os.tmpdir());
        for (const other of [shifted, elsewhere, outside]) {
            assert.deepEqual(other.sarif, first.sarif);
            assert.deepEqual(other.identities, first.identities);
            assert.deepEqual(other.gitlab, first.gitlab);
            assert.deepEqual(other.uris, first.uris);
        }
    });

    it('SARIF rules carry their page as help, a precision and a problem severity', async () => {
        fs.writeFileSync(path.join(dir, 'plans', 'plan.ssr'), PLAN);
        const sarif = JSON.parse((await ssr(['check', 'plans', '--format', 'sarif'], dir)).stdout) as { runs: { tool: { driver: { rules: { id: string; fullDescription: { text: string }; help: { text: string; markdown: string }; properties: Record<string, unknown> }[] } } }[] };
        const rules = sarif.runs[0].tool.driver.rules;
        for (const rule of rules) {
            assert.ok(rule.fullDescription.text.length > 20, rule.id);
            assert.match(rule.help.markdown, /## Why it matters/, rule.id);
            assert.ok(!rule.help.text.includes('```'), `${rule.id}: plain text`);
            assert.ok(['very-high', 'high', 'medium'].includes(String(rule.properties.precision)), rule.id);
            assert.ok(['error', 'warning', 'recommendation'].includes(String(rule.properties['problem.severity'])), rule.id);
        }
        const gap = rules.find(r => r.id === 'fiscal/gap')!;
        assert.match(gap.fullDescription.text, /^A funded objective has gap\(y\) > 0/);
        assert.equal(gap.properties.precision, 'high');
        assert.equal(rules.find(r => r.id === 'syntax/error')!.properties.precision, 'very-high');
    });
});
