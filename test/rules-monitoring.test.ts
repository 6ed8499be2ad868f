/**
 * The monitoring rules (RULES.md "Monitoring") at the boundaries the rulebook defines: how many
 * findings, where each points (range markers, test/support/findings.ts), where they stay silent,
 * and that their quick fixes produce text that parses with no language-rule findings.
 */
import { strict as assert } from 'node:assert';
import type { LangiumDocument } from 'langium';
import { LANGUAGE_FAMILIES, familyOf } from '../language/base/rule-ids.js';
import { createServices, findingsOf, parser, reset } from './helpers.js';
import { MARKED_HEADER, applyEdits, findingsHelper, mark, quickFixes } from './support/findings.js';

const services = createServices();
const parse = parser(services);
const { check, expectFindings, expectNoFindings } = findingsHelper(services);

const languageFindings = (document: LangiumDocument) => findingsOf(document).filter(f => LANGUAGE_FAMILIES.has(familyOf(f.ruleId)));

/** The strategy (period 2026 to 2030) with its title marked 'title'. */
const BASE = `${MARKED_HEADER}actor NNP "Police" { kind police }
actor MOJ "Justice" { kind justice-ministry }
`;

/** Objectives P, running 2026 to 2028, and Q, undated; names marked, and the end of P marked 'after-P'. */
const OBJECTIVES = `${BASE}
objective ‹P› "P" {
    sector policing
    lead NNP
    activity R "R" {
        type institutional-reform
        from 2026 to 2028
    }
}‹after-P:›
objective ‹Q› "Q" {
    sector justice
    lead MOJ
}
`;

/** A benchmark whose name is marked by itself; `fields` one per line (markers allowed). */
const benchmark = (name: string, fields: string) => `benchmark ‹${name}› "${name}" {\n${fields.split('\n').filter(Boolean).map(l => `    ${l}`).join('\n')}\n}\n`;
const complete = (name: string, measures: string, type = 'outcome', source = 'administrative-data') =>
    benchmark(name, `measures ${measures}\ntype ${type}\nsource ${source}\nbaseline 10% in 2025\ntarget 40% by 2030`);

describe('monitoring rules', () => {
    afterEach(() => reset(services));

    describe('monitoring/no-benchmark', () => {
        const RULE = 'monitoring/no-benchmark';

        it('reports each objective no benchmark measures, at its name', async () => {
            await expectFindings(OBJECTIVES, RULE, ['P', 'Q'], { severity: 'warning' });
        });

        it('is silent when a benchmark measures the objective, also among several', async () => {
            await expectNoFindings(OBJECTIVES + complete('B', 'Q, P'), RULE);
        });

        it('does not count a benchmark whose measures does not resolve', async () => {
            await expectFindings(OBJECTIVES + complete('B', 'Q, Px'), RULE, ['P'], { allow: ['reference/unresolved'] });
        });

        it('offers a complete benchmark skeleton right after the objective', async () => {
            const text = OBJECTIVES + complete('B', 'Q');
            const [finding] = await expectFindings(text, RULE, ['P']);
            const [edit] = finding.fix?.edits ?? [];
            assert.equal(edit.title, 'Add a benchmark for P');
            assert.deepEqual(edit.range.start, mark(text).marks.get('after-P')!.start, 'after the closing brace of P');
            assert.equal(edit.newText, '\n\nbenchmark PProgress "Progress of P" {\n    measures P\n    type outcome\n    source perception-survey\n    baseline 0% in 2026\n    target 100% by 2030\n}');
        });

        it('inserts skeletons that parse, resolve, and leave no monitoring or language finding behind', async () => {
            const checked = await check(OBJECTIVES);
            const edits = checked.of(RULE).flatMap(f => f.fix?.edits ?? []).map(e => ({ range: e.range, newText: e.newText }));
            assert.equal(edits.length, 2);
            await reset(services);
            const fixed = await parse(applyEdits(checked.text, edits));
            assert.deepEqual(languageFindings(fixed), [], fixed.textDocument.getText());
            const monitoring = findingsOf(fixed).filter(f => familyOf(f.ruleId) === 'monitoring' && f.ruleId !== 'monitoring/no-evaluation');
            assert.deepEqual(monitoring, []);
            assert.ok(!findingsOf(fixed).some(f => f.ruleId === 'sequencing/baseline-before-start'));
        });

        it('picks a name no benchmark has yet', async () => {
            const [finding] = await expectFindings(OBJECTIVES + complete('PProgress', 'Q') + complete('PProgress2', 'Q'), RULE, ['P']);
            assert.ok(finding.fix!.edits![0].newText.includes('benchmark PProgress3 '), finding.fix!.edits![0].newText);
        });

        it('uses the years of the period', async () => {
            const text = OBJECTIVES.replace('period from 2026 to 2030', 'period from 2027-04 to 2033-03').replace('from 2026 to 2028', 'from 2028 to 2029');
            const found = await expectFindings(text, RULE, ['P', 'Q']);
            const newText = found.find(f => f.at === 'P')!.fix!.edits![0].newText;
            assert.ok(newText.includes('baseline 0% in 2027\n    target 100% by 2033\n'), newText);
        });

        it('is available through the quick-fix menu', async () => {
            const { document, of } = await check(OBJECTIVES);
            const finding = of(RULE).find(f => f.at === 'P')!;
            const actions = await quickFixes(services, document, finding.diagnostic);
            assert.ok(actions.some(a => a.title === 'Add a benchmark for P' && a.isPreferred));
        });
    });

    describe('monitoring/incomplete', () => {
        const RULE = 'monitoring/incomplete';

        it('reports a benchmark without baseline, at its name, and offers the line', async () => {
            const [finding] = await expectFindings(OBJECTIVES + benchmark('B', 'measures P\ntype outcome\ntarget 50% by 2030'), RULE, [{ at: 'B', severity: 'warning' }]);
            assert.equal(finding.fix?.insertField, 'baseline 0% in 2025');
        });

        it('reports a benchmark without target and offers the line', async () => {
            const [finding] = await expectFindings(OBJECTIVES + benchmark('B', 'measures P\ntype outcome\nbaseline 30% in 2025'), RULE, ['B']);
            assert.equal(finding.fix?.insertField, 'target 100% by 2030');
        });

        it('reports a benchmark with neither once, offering the baseline first', async () => {
            const [finding] = await expectFindings(OBJECTIVES + benchmark('B', 'measures P\ntype outcome'), RULE, ['B']);
            assert.ok(finding.message.includes('neither a baseline nor a target'), finding.message);
            assert.equal(finding.fix?.insertField, 'baseline 0% in 2025');
        });

        it('offers values in the unit of the existing line that never equal it', async () => {
            const cases: [string, string][] = [
                ['baseline 400 in 2025', 'target 800 by 2030'],
                ['baseline 0 in 2025', 'target 100 by 2030'],
                ['baseline 100% in 2025', 'target 0% by 2030'],
                ['target 0 by 2029', 'baseline 100 in 2025'],
                ['target 2,000 by 2029', 'baseline 0 in 2025'],
            ];
            for (const [line, expected] of cases) {
                const [finding] = await expectFindings(OBJECTIVES + benchmark('B', `measures P\ntype outcome\n${line}`), RULE, ['B']);
                assert.equal(finding.fix?.insertField, expected, line);
                await reset(services);
            }
        });

        it('is silent for a complete benchmark', async () => {
            await expectNoFindings(OBJECTIVES + complete('B', 'P, Q'), RULE);
        });

        it('inserts the missing lines one after the other, through the quick-fix menu, until the benchmark is complete', async () => {
            let text = mark(OBJECTIVES + benchmark('B', 'measures P, Q\ntype outcome\nsource audit')).text;
            for (let step = 0; step < 2; step++) {
                const { document, of } = await check(text);
                const [finding] = of(RULE);
                assert.ok(finding, `step ${step}`);
                const action = (await quickFixes(services, document, finding.diagnostic)).find(a => a.title.startsWith("Add '"));
                assert.ok(action, `step ${step}: an insert action`);
                text = applyEdits(text, action.edit!.changes![document.textDocument.uri]);
                await reset(services);
            }
            const fixed = await parse(text);
            assert.ok(text.includes('    baseline 0% in 2025\n    target 100% by 2030\n}'), text);
            assert.deepEqual(languageFindings(fixed), []);
            assert.deepEqual(findingsOf(fixed).filter(f => ['monitoring/incomplete', 'monitoring/flat-target', 'monitoring/target-outside-period'].includes(f.ruleId)), []);
        });
    });

    describe('monitoring/input-only', () => {
        const RULE = 'monitoring/input-only';

        it('reports an objective all of whose benchmarks are input or output, at its name', async () => {
            const text = OBJECTIVES + complete('B', 'P', 'output') + complete('C', 'P', 'input') + complete('D', 'Q');
            await expectFindings(text, RULE, [{ at: 'P', severity: 'warning' }]);
        });

        it('is silent once one benchmark measures an outcome or an impact', async () => {
            for (const type of ['outcome', 'impact']) {
                await expectNoFindings(OBJECTIVES + complete('B', 'P', 'output') + complete('C', 'P, Q', type), RULE);
                await reset(services);
            }
        });

        it('judges each measured objective of a shared benchmark', async () => {
            await expectFindings(OBJECTIVES + complete('B', 'P, Q', 'output') + complete('C', 'Q', 'outcome'), RULE, ['P']);
        });

        it('leaves an objective without benchmarks to monitoring/no-benchmark', async () => {
            const text = OBJECTIVES + complete('B', 'P', 'output');
            await expectFindings(text, RULE, ['P']);
            await reset(services);
            await expectFindings(text, 'monitoring/no-benchmark', ['Q']);
        });
    });

    describe('monitoring/no-perception', () => {
        const RULE = 'monitoring/no-perception';

        it('reports once at the strategy title when no benchmark uses a perception survey or focus group', async () => {
            await expectFindings(OBJECTIVES + complete('B', 'P') + complete('C', 'Q', 'outcome', 'audit'), RULE, [{ at: 'title', severity: 'info' }]);
        });

        it('reports when there is no benchmark at all', async () => {
            await expectFindings(OBJECTIVES, RULE, ['title']);
        });

        for (const source of ['perception-survey', 'focus-group']) {
            it(`is silent with a benchmark from a ${source}`, async () => {
                await expectNoFindings(OBJECTIVES + complete('B', 'P') + complete('C', 'Q', 'outcome', source), RULE);
            });
        }
    });

    describe('monitoring/target-outside-period', () => {
        const RULE = 'monitoring/target-outside-period';
        /** A benchmark of P; mark its target 't' (`target ‹t:…›`) where a finding is expected. */
        const withTarget = (target: string, baseline = 'baseline 10% in 2025') => OBJECTIVES + benchmark('B', `measures P\ntype outcome\n${baseline}\n${target}`);

        it('reports a target year after the period, at the target', async () => {
            await expectFindings(withTarget('target ‹t:40% by 2031›'), RULE, [{ at: 't', severity: 'error' }]);
        });

        it('reports a target year before the period', async () => {
            await expectFindings(withTarget('target ‹t:40% by 2025›', 'baseline 10% in 2020'), RULE, ['t']);
        });

        it('accepts the first and the last year of the period', async () => {
            await expectNoFindings(withTarget('target 40% by 2026'), RULE);
            await reset(services);
            await expectNoFindings(withTarget('target 40% by 2030'), RULE);
        });

        it('judges years, not months: a period ending in March still covers its year', async () => {
            const text = withTarget('target 40% by 2030').replace('period from 2026 to 2030', 'period from 2026-07 to 2030-03').replace('from 2026 to 2028', 'from 2026-07 to 2028');
            await expectNoFindings(text, RULE);
        });

        it('does not judge baseline years', async () => {
            await expectNoFindings(withTarget('target 40% by 2030', 'baseline 10% in 2019'), RULE);
        });

        it('stays silent when the period itself is unusable', async () => {
            const text = withTarget('target 40% by 2031').replace('period from 2026 to 2030', 'period from 2030 to 2026');
            await expectNoFindings(text, RULE, { allow: ['structure/bad-range'] });
        });
    });

    describe('monitoring/flat-target', () => {
        const RULE = 'monitoring/flat-target';
        /** A benchmark of P whose target is marked 't'. */
        const flat = (baseline: string, target: string) => OBJECTIVES + benchmark('B', `measures P\ntype outcome\nbaseline ${baseline} in 2025\ntarget ‹t:${target} by 2030›`);

        it('reports a target equal to its baseline, at the target', async () => {
            await expectFindings(flat('35%', '35%'), RULE, [{ at: 't', severity: 'warning' }]);
        });

        it('compares numbers, not spellings', async () => {
            await expectFindings(flat('2,000', '2000'), RULE, ['t']);
            await reset(services);
            await expectFindings(flat('2K', '2000'), RULE, ['t']);
            await reset(services);
            await expectFindings(flat('12.50%', '12.5%'), RULE, ['t']);
        });

        it('is silent when the unit differs or the number changes', async () => {
            for (const [baseline, target] of [['35', '35%'], ['35%', '36%'], ['-5', '5'], ['0', '0.5']]) {
                await expectNoFindings(flat(baseline, target), RULE);
                await reset(services);
            }
        });

        it('is silent when the baseline or target is missing', async () => {
            await expectNoFindings(OBJECTIVES + benchmark('B', 'measures P\ntype outcome\ntarget 0% by 2030'), RULE);
        });
    });

    describe('monitoring/no-evaluation', () => {
        const RULE = 'monitoring/no-evaluation';

        it('reports once at the strategy title when no monitoring activity is scheduled', async () => {
            await expectFindings(OBJECTIVES, RULE, [{ at: 'title', severity: 'info' }]);
        });

        it('is silent with a monitoring activity in any objective', async () => {
            const text = OBJECTIVES.replace('    lead MOJ\n', '    lead MOJ\n    activity Review "Mid-term review" {\n        type monitoring\n    }\n');
            await expectNoFindings(text, RULE);
        });

        it('does not count benchmarks or assessments as evaluation', async () => {
            await expectFindings(OBJECTIVES.replace('type institutional-reform', 'type assessment') + complete('B', 'P, Q'), RULE, ['title']);
        });
    });
});
