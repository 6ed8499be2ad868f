/**
 * The monitoring rules (RULES.md "Monitoring") at the boundaries the rulebook defines: how many
 * findings, where each points, where they stay silent, and that their quick fixes produce text
 * that parses with no language-rule findings.
 */
import { strict as assert } from 'node:assert';
import type { LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FixData } from '../language/rules/rule.js';
import { LANGUAGE_FAMILIES, familyOf } from '../language/base/rule-ids.js';
import { HEADER, createServices, findingsOf, parser, reset } from './helpers.js';

const services = createServices();
const parse = parser(services);

interface Found { line: number; column: number; severity: string; message: string; fix?: FixData; diagnostic: Diagnostic }

function found(document: LangiumDocument, ruleId: string): Found[] {
    return (document.diagnostics ?? []).filter(d => d.code === ruleId).map(d => ({
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        severity: ({ 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' } as Record<number, string>)[d.severity ?? 1],
        message: typeof d.message === 'string' ? d.message : d.message.value,
        fix: (d.data as { fix?: FixData } | undefined)?.fix,
        diagnostic: d,
    }));
}

async function of(text: string, ruleId: string): Promise<Found[]> {
    return found(await parse(text), ruleId);
}

const lines = (list: Found[]) => list.map(f => f.line);
const applyEdits = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('file:///x.ssr', 'ssr', 1, text), edits);
const languageFindings = (document: LangiumDocument) => findingsOf(document).filter(f => LANGUAGE_FAMILIES.has(familyOf(f.ruleId)));

async function quickFixes(document: LangiumDocument, diagnostic: Diagnostic): Promise<CodeAction[]> {
    const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, { textDocument: { uri: document.textDocument.uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    return (actions ?? []) as CodeAction[];
}

const BASE = `${HEADER}actor NNP "Police" { kind police }
actor MOJ "Justice" { kind justice-ministry }
`; // title on line 1 (period 2026 to 2030), actors on lines 6-7, blank line 8, declarations from line 9

/** Objective P with its name on line 9 (column 11), running 2026 to 2028; then objective Q on line 17. */
const OBJECTIVES = `${BASE}
objective P "P" {
    sector policing
    lead NNP
    activity R "R" {
        type institutional-reform
        from 2026 to 2028
    }
}
objective Q "Q" {
    sector justice
    lead MOJ
}
`; // the next declaration starts on line 21

const benchmark = (name: string, fields: string) => `benchmark ${name} "${name}" {\n${fields.split('\n').filter(Boolean).map(l => `    ${l}`).join('\n')}\n}\n`;
const complete = (name: string, measures: string, type = 'outcome', source = 'administrative-data') =>
    benchmark(name, `measures ${measures}\ntype ${type}\nsource ${source}\nbaseline 10% in 2025\ntarget 40% by 2030`);

describe('monitoring rules', () => {
    afterEach(() => reset(services));

    describe('monitoring/no-benchmark', () => {
        it('reports each objective no benchmark measures, at its name', async () => {
            const list = await of(OBJECTIVES, 'monitoring/no-benchmark');
            assert.deepEqual(list.map(f => [f.line, f.column, f.severity]), [[9, 11, 'warning'], [17, 11, 'warning']]);
        });

        it('is silent when a benchmark measures the objective, also among several', async () => {
            assert.deepEqual(await of(OBJECTIVES + complete('B', 'Q, P'), 'monitoring/no-benchmark'), []);
        });

        it('does not count a benchmark whose measures does not resolve', async () => {
            assert.deepEqual(lines(await of(OBJECTIVES + complete('B', 'Q, Px'), 'monitoring/no-benchmark')), [9]);
        });

        it('offers a complete benchmark skeleton right after the objective', async () => {
            const [finding] = await of(OBJECTIVES + complete('B', 'Q'), 'monitoring/no-benchmark');
            const [edit] = finding.fix?.edits ?? [];
            assert.equal(edit.title, 'Add a benchmark for P');
            assert.deepEqual(edit.range.start, { line: 15, character: 1 }, 'after the closing brace of P');
            assert.equal(edit.newText, '\n\nbenchmark PProgress "Progress of P" {\n    measures P\n    type outcome\n    source perception-survey\n    baseline 0% in 2026\n    target 100% by 2030\n}');
        });

        it('inserts skeletons that parse, resolve, and leave no monitoring or language finding behind', async () => {
            const document = await parse(OBJECTIVES);
            const edits = found(document, 'monitoring/no-benchmark').flatMap(f => f.fix?.edits ?? []).map(e => ({ range: e.range, newText: e.newText }));
            assert.equal(edits.length, 2);
            await reset(services);
            const fixed = await parse(applyEdits(OBJECTIVES, edits));
            assert.deepEqual(languageFindings(fixed), [], fixed.textDocument.getText());
            const monitoring = findingsOf(fixed).filter(f => familyOf(f.ruleId) === 'monitoring' && f.ruleId !== 'monitoring/no-evaluation');
            assert.deepEqual(monitoring, []);
            assert.ok(!findingsOf(fixed).some(f => f.ruleId === 'sequencing/baseline-before-start'));
        });

        it('picks a name no benchmark has yet', async () => {
            const [finding] = await of(OBJECTIVES + complete('PProgress', 'Q') + complete('PProgress2', 'Q'), 'monitoring/no-benchmark');
            assert.match(finding.fix!.edits![0].newText, /benchmark PProgress3 /);
        });

        it('uses the years of the period', async () => {
            const text = OBJECTIVES.replace('period from 2026 to 2030', 'period from 2027-04 to 2033-03').replace('from 2026 to 2028', 'from 2028 to 2029');
            const [finding] = await of(text, 'monitoring/no-benchmark');
            assert.match(finding.fix!.edits![0].newText, /baseline 0% in 2027\n {4}target 100% by 2033\n/);
        });

        it('is available through the quick-fix menu', async () => {
            const document = await parse(OBJECTIVES);
            const [finding] = found(document, 'monitoring/no-benchmark');
            const actions = await quickFixes(document, finding.diagnostic);
            assert.ok(actions.some(a => a.title === 'Add a benchmark for P' && a.isPreferred));
        });
    });

    describe('monitoring/incomplete', () => {
        it('reports a benchmark without baseline, at its name, and offers the line', async () => {
            const list = await of(OBJECTIVES + benchmark('B', 'measures P\ntype outcome\ntarget 50% by 2030'), 'monitoring/incomplete');
            assert.deepEqual(list.map(f => [f.line, f.column, f.severity]), [[21, 11, 'warning']]);
            assert.equal(list[0].fix?.insertField, 'baseline 0% in 2025');
        });

        it('reports a benchmark without target and offers the line', async () => {
            const list = await of(OBJECTIVES + benchmark('B', 'measures P\ntype outcome\nbaseline 30% in 2025'), 'monitoring/incomplete');
            assert.deepEqual(lines(list), [21]);
            assert.equal(list[0].fix?.insertField, 'target 100% by 2030');
        });

        it('reports a benchmark with neither once, offering the baseline first', async () => {
            const list = await of(OBJECTIVES + benchmark('B', 'measures P\ntype outcome'), 'monitoring/incomplete');
            assert.deepEqual(lines(list), [21]);
            assert.match(list[0].message, /neither a baseline nor a target/);
            assert.equal(list[0].fix?.insertField, 'baseline 0% in 2025');
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
                const [finding] = await of(OBJECTIVES + benchmark('B', `measures P\ntype outcome\n${line}`), 'monitoring/incomplete');
                assert.equal(finding.fix?.insertField, expected, line);
                await reset(services);
            }
        });

        it('is silent for a complete benchmark', async () => {
            assert.deepEqual(await of(OBJECTIVES + complete('B', 'P, Q'), 'monitoring/incomplete'), []);
        });

        it('inserts the missing lines one after the other, through the quick-fix menu, until the benchmark is complete', async () => {
            let text = OBJECTIVES + benchmark('B', 'measures P, Q\ntype outcome\nsource audit');
            for (let step = 0; step < 2; step++) {
                const document = await parse(text);
                const [finding] = found(document, 'monitoring/incomplete');
                assert.ok(finding, `step ${step}`);
                const action = (await quickFixes(document, finding.diagnostic)).find(a => a.title.startsWith("Add '"));
                assert.ok(action, `step ${step}: an insert action`);
                text = applyEdits(text, action.edit!.changes![document.textDocument.uri]);
                await reset(services);
            }
            const fixed = await parse(text);
            assert.match(text, / {4}baseline 0% in 2025\n {4}target 100% by 2030\n\}/);
            assert.deepEqual(languageFindings(fixed), []);
            assert.deepEqual(findingsOf(fixed).filter(f => ['monitoring/incomplete', 'monitoring/flat-target', 'monitoring/target-outside-period'].includes(f.ruleId)), []);
        });
    });

    describe('monitoring/input-only', () => {
        it('reports an objective all of whose benchmarks are input or output, at its name', async () => {
            const text = OBJECTIVES + complete('B', 'P', 'output') + complete('C', 'P', 'input') + complete('D', 'Q');
            assert.deepEqual((await of(text, 'monitoring/input-only')).map(f => [f.line, f.column, f.severity]), [[9, 11, 'warning']]);
        });

        it('is silent once one benchmark measures an outcome or an impact', async () => {
            for (const type of ['outcome', 'impact']) {
                const text = OBJECTIVES + complete('B', 'P', 'output') + complete('C', 'P, Q', type);
                assert.deepEqual(await of(text, 'monitoring/input-only'), [], type);
                await reset(services);
            }
        });

        it('judges each measured objective of a shared benchmark', async () => {
            const text = OBJECTIVES + complete('B', 'P, Q', 'output') + complete('C', 'Q', 'outcome');
            assert.deepEqual(lines(await of(text, 'monitoring/input-only')), [9]);
        });

        it('leaves an objective without benchmarks to monitoring/no-benchmark', async () => {
            const text = OBJECTIVES + complete('B', 'P', 'output');
            assert.deepEqual(lines(await of(text, 'monitoring/input-only')), [9]);
            await reset(services);
            assert.deepEqual(lines(await of(text, 'monitoring/no-benchmark')), [17]);
        });
    });

    describe('monitoring/no-perception', () => {
        it('reports once at the strategy title when no benchmark uses a perception survey or focus group', async () => {
            const text = OBJECTIVES + complete('B', 'P') + complete('C', 'Q', 'outcome', 'audit');
            assert.deepEqual((await of(text, 'monitoring/no-perception')).map(f => [f.line, f.column, f.severity]), [[1, 10, 'info']]);
        });

        it('reports when there is no benchmark at all', async () => {
            assert.equal((await of(OBJECTIVES, 'monitoring/no-perception')).length, 1);
        });

        for (const source of ['perception-survey', 'focus-group']) {
            it(`is silent with a benchmark from a ${source}`, async () => {
                assert.deepEqual(await of(OBJECTIVES + complete('B', 'P') + complete('C', 'Q', 'outcome', source), 'monitoring/no-perception'), []);
            });
        }
    });

    describe('monitoring/target-outside-period', () => {
        const withTarget = (target: string, baseline = 'baseline 10% in 2025') => OBJECTIVES + benchmark('B', `measures P\ntype outcome\n${baseline}\n${target}`);

        it('reports a target year after the period, at the target', async () => {
            const list = await of(withTarget('target 40% by 2031'), 'monitoring/target-outside-period');
            assert.deepEqual(list.map(f => [f.line, f.column, f.severity]), [[25, 12, 'error']]);
        });

        it('reports a target year before the period', async () => {
            assert.deepEqual(lines(await of(withTarget('target 40% by 2025', 'baseline 10% in 2020'), 'monitoring/target-outside-period')), [25]);
        });

        it('accepts the first and the last year of the period', async () => {
            assert.deepEqual(await of(withTarget('target 40% by 2026'), 'monitoring/target-outside-period'), []);
            await reset(services);
            assert.deepEqual(await of(withTarget('target 40% by 2030'), 'monitoring/target-outside-period'), []);
        });

        it('judges years, not months: a period ending in March still covers its year', async () => {
            const text = withTarget('target 40% by 2030').replace('period from 2026 to 2030', 'period from 2026-07 to 2030-03');
            assert.deepEqual(await of(text, 'monitoring/target-outside-period'), []);
        });

        it('does not judge baseline years', async () => {
            assert.deepEqual(await of(withTarget('target 40% by 2030', 'baseline 10% in 2019'), 'monitoring/target-outside-period'), []);
        });

        it('stays silent when the period itself is unusable', async () => {
            const text = withTarget('target 40% by 2031').replace('period from 2026 to 2030', 'period from 2030 to 2026');
            assert.deepEqual(await of(text, 'monitoring/target-outside-period'), []);
        });
    });

    describe('monitoring/flat-target', () => {
        const flat = (baseline: string, target: string) => OBJECTIVES + benchmark('B', `measures P\ntype outcome\nbaseline ${baseline} in 2025\ntarget ${target} by 2030`);

        it('reports a target equal to its baseline, at the target', async () => {
            const list = await of(flat('35%', '35%'), 'monitoring/flat-target');
            assert.deepEqual(list.map(f => [f.line, f.column, f.severity]), [[25, 12, 'warning']]);
        });

        it('compares numbers, not spellings', async () => {
            assert.equal((await of(flat('2,000', '2000'), 'monitoring/flat-target')).length, 1);
            await reset(services);
            assert.equal((await of(flat('2K', '2000'), 'monitoring/flat-target')).length, 1);
            await reset(services);
            assert.equal((await of(flat('12.50%', '12.5%'), 'monitoring/flat-target')).length, 1);
        });

        it('is silent when the unit differs or the number changes', async () => {
            for (const [baseline, target] of [['35', '35%'], ['35%', '36%'], ['-5', '5'], ['0', '0.5']]) {
                assert.deepEqual(await of(flat(baseline, target), 'monitoring/flat-target'), [], `${baseline} → ${target}`);
                await reset(services);
            }
        });

        it('is silent when the baseline or target is missing', async () => {
            assert.deepEqual(await of(OBJECTIVES + benchmark('B', 'measures P\ntype outcome\ntarget 0% by 2030'), 'monitoring/flat-target'), []);
        });
    });

    describe('monitoring/no-evaluation', () => {
        it('reports once at the strategy title when no monitoring activity is scheduled', async () => {
            assert.deepEqual((await of(OBJECTIVES, 'monitoring/no-evaluation')).map(f => [f.line, f.column, f.severity]), [[1, 10, 'info']]);
        });

        it('is silent with a monitoring activity in any objective', async () => {
            const text = OBJECTIVES.replace('    lead MOJ\n', '    lead MOJ\n    activity Review "Mid-term review" {\n        type monitoring\n    }\n');
            assert.deepEqual(await of(text, 'monitoring/no-evaluation'), []);
        });

        it('does not count benchmarks or assessments as evaluation', async () => {
            const text = OBJECTIVES.replace('type institutional-reform', 'type assessment') + complete('B', 'P, Q');
            assert.equal((await of(text, 'monitoring/no-evaluation')).length, 1);
        });
    });
});
