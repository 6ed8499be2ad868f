/**
 * The language rules (RULES.md "Language rules (always on)") that the grammar, editor and docs
 * tests only touch in passing: how many findings, where each points (range markers,
 * test/support/findings.ts), the quick fix data they carry, and where they stay silent.
 */
import { strict as assert } from 'node:assert';
import { HEADER, createServices, findingsOf, parser, reset } from './helpers.js';
import { MARKED_HEADER, findingsHelper } from './support/findings.js';

const services = createServices();
const { expectFindings, expectNoFindings } = findingsHelper(services);
const parse = parser(services);

const BASE = `${MARKED_HEADER}actor NNP "Police" { kind police }
phase Main "Main" {
    stage implementation
    from 2027 to 2029
}
`;
/** An objective; put markers in `fields` where a finding is expected. */
const objective = (fields: string) => `objective P "P" {\n${fields}}\n`;

describe('language rules', () => {
    afterEach(() => reset(services));

    describe('reference/unresolved', () => {
        const RULE = 'reference/unresolved';

        it('reports a name that refers to nothing, at the name, with the closest name as the fix', async () => {
            const [finding] = await expectFindings(BASE + objective('    sector policing\n    lead ‹NNPP›\n'), RULE, [{ at: 'NNPP', severity: 'error' }]);
            assert.deepEqual(finding.fix?.replacements, ['NNP']);
        });

        it('suggests nothing for a name longer than anyone types (a pasted name costs its length squared to compare)', async () => {
            const long = 'N'.repeat(70);
            const text = `${BASE}actor ${long} "Long" { kind police }\n` + objective(`    sector policing\n    lead ‹${long}P›\n`);
            const [finding] = await expectFindings(text, RULE, [`${long}P`]);
            assert.equal(finding.fix, undefined);
        });

        it('suggests for the first 200 distinct unresolved names of a check, once per name (a missing library fails them all)', async () => {
            const leads = Array.from({ length: 205 }, (_, i) => `objective O${i} "O" {\n    sector policing\n    lead NNP${i}\n}\n`).join('');
            const findings = findingsOf(await parse(`${BASE.replace(MARKED_HEADER, HEADER)}${leads}objective Again "O" {\n    sector policing\n    lead NNP0\n}\n`)).filter(f => f.ruleId === RULE);
            assert.equal(findings.length, 206);
            assert.equal(findings.filter(f => f.message.includes("Did you mean 'NNP'?")).length, 201, 'the first 200 names, and the repeated one');
            await reset(services);
        });

        it('reports each unresolved entry of a list at its own name', async () => {
            await expectFindings(BASE + objective('    sector policing\n    lead NNP\n    partners ‹Nobody›, NNP, ‹Nemo›\n'), RULE, ['Nobody', 'Nemo']);
        });

        it('is silent when every name resolves', async () => {
            await expectNoFindings(BASE + objective('    sector policing\n    lead NNP\n    partners NNP\n    in Main\n'), RULE);
        });
    });

    describe('reference/import', () => {
        const RULE = 'reference/import';

        it('reports a library that cannot be found, at its path, and not as unresolved', async () => {
            const [finding] = await expectFindings(`${BASE}import ‹"missing.ssr"›\n`, RULE, ['"missing.ssr"']);
            assert.match(finding.message, /does not exist/);
        });

        it('is silent without imports', async () => {
            await expectNoFindings(BASE + objective('    sector policing\n    lead NNP\n'), RULE);
        });
    });

    describe('reference/wrong-kind', () => {
        const RULE = 'reference/wrong-kind';

        it('reports a reference that names the wrong kind of thing, at the name, and not as unresolved', async () => {
            const text = BASE + objective('    sector policing\n    lead ‹Main›\n');
            await expectFindings(text, RULE, [{ at: 'Main', severity: 'error' }]);
            await expectNoFindings(text, 'reference/unresolved', { allow: [RULE] });
        });

        it('is silent for a reference of the right kind', async () => {
            await expectNoFindings(BASE + objective('    sector policing\n    lead NNP\n    in Main\n'), RULE);
        });
    });

    describe('reference/duplicate', () => {
        const RULE = 'reference/duplicate';

        it('reports the later of two declarations of one kind sharing a name, at its name', async () => {
            await expectFindings(`${BASE}actor ‹second:NNP› "Police again" { kind police }\n`, RULE, [{ at: 'second', severity: 'error' }]);
        });

        it('is silent for the same name in two kinds', async () => {
            await expectNoFindings(`${BASE}benchmark NNP "Benchmark" {\n    measures P\n    type outcome\n    baseline 1 in 2025\n    target 2 by 2030\n}\n` + objective('    sector policing\n    lead NNP\n'), RULE);
        });

        it('reports a second fiscal block at its keyword', async () => {
            const fiscal = '{\n    revenue 100M in 2026 growing 0% per year\n    ceiling 10% of revenue\n}\n';
            await expectFindings(`${BASE}fiscal ${fiscal}‹second:fiscal› ${fiscal}`, RULE, ['second']);
        });
    });

    describe('taxonomy/unknown-term', () => {
        const RULE = 'taxonomy/unknown-term';

        it('reports a term that is not in the taxonomy, at the term, with the closest term as the fix', async () => {
            const [finding] = await expectFindings(`${BASE}actor X "X" { kind ‹polise› }\n`, RULE, [{ at: 'polise', severity: 'error' }]);
            assert.deepEqual(finding.fix?.replacements, ['police']);
        });

        it('points at the unknown entry of a list of terms', async () => {
            await expectFindings(BASE + objective('    sector policing\n    lead NNP\n    dimension institutional, ‹politcal›\n'), RULE, ['politcal']);
        });

        it('is silent for known terms', async () => {
            await expectNoFindings(BASE + objective('    sector policing\n    lead NNP\n    dimension institutional, political\n'), RULE);
        });
    });

    describe('structure/missing-field', () => {
        const RULE = 'structure/missing-field';

        it('reports each missing field of a declaration once, at its name, keyed by the field', async () => {
            const text = `${BASE}\nobjective ‹P› "P" {\n    dimension institutional\n}\n`;
            const found = await expectFindings(text, RULE, [{ at: 'P', key: 'sector', severity: 'error' }, { at: 'P', key: 'lead', severity: 'error' }]);
            assert.deepEqual(found.map(f => f.fix?.insertField).sort(), ['lead NNP', 'sector policing']);
            await expectNoFindings(text.replace('    dimension', '    sector policing\n    lead NNP\n    dimension'), RULE);
        });
    });

    describe('structure/bad-range', () => {
        const RULE = 'structure/bad-range';
        const activity = (range: string) => BASE + objective(`    sector policing\n    lead NNP\n    activity A "A" {\n        type training\n        ${range}\n    }\n`);

        it('reports a range that ends before it starts, at the range', async () => {
            await expectFindings(activity('‹range:from 2028 to 2027›'), RULE, [{ at: 'range', severity: 'error' }]);
        });

        it('reports a range that extends outside the period even by a month, at the range', async () => {
            await expectFindings(activity('‹range:from 2025-12 to 2026-06›'), RULE, ['range']);
            await reset(services);
            await expectFindings(activity('‹range:from 2030-06 to 2031-01›'), RULE, ['range']);
        });

        it('accepts a range from the first to the last month of the period', async () => {
            await expectNoFindings(activity('from 2026-01 to 2030-12'), RULE);
        });

        it('reports a negative amount and a share above 100%, at the value', async () => {
            const text = `${BASE}objective P "P" {\n    sector policing\n    lead NNP\n    cost capital ‹amount:-1M› from 2027 to 2027\n}\nfiscal {\n    revenue 100M in 2026 growing 0% per year\n    ceiling ‹ceiling:101%› of revenue\n}\n`;
            await expectFindings(text, RULE, ['amount', 'ceiling']);
            await expectNoFindings(text.replace('-1M', '1M').replace('101%', '100%'), RULE);
        });

        it('reports an amount too large to add up to the cent, at the value, and leaves it out of the fiscal model', async () => {
            const text = `${BASE}objective P "P" {\n    sector policing\n    lead NNP\n    cost capital ‹amount:90,071,992,547,410› from 2027 to 2027\n    cost recurrent 1M per year from 2028\n}\n`;
            const [finding] = await expectFindings(text, RULE, ['amount']);
            assert.match(finding.message, /too large to compute exactly/);
            await expectNoFindings(text.replace('90,071,992,547,410', '90,071,992,547,409'), RULE);
        });

        it('reports a benchmark figure too large to be a number, at the figure, and the summary leaves it out', async () => {
            const huge = '9'.repeat(400);
            const text = BASE + objective('    sector policing\n    lead NNP\n') + `benchmark B "B" {\n    measures P\n    type outcome\n    baseline ‹figure:${huge}› in 2026\n    target 2 by 2030\n}\n`;
            const [finding] = await expectFindings(text, RULE, ['figure']);
            assert.match(finding.message, /too large to be a number/);
            await expectNoFindings(text.replace(huge, '1'), RULE);
        });

        it('does not judge benchmark years as ranges', async () => {
            const text = BASE + objective('    sector policing\n    lead NNP\n') + 'benchmark B "B" {\n    measures P\n    type outcome\n    baseline 1 in 2019\n    target 2 by 2030\n}\n';
            await expectNoFindings(text, RULE);
        });
    });
});
