/**
 * The coverage rules (RULES.md "Coverage") at the boundaries the rulebook defines: how many
 * findings, where each points (line and column), and where the rules must stay silent.
 */
import { strict as assert } from 'node:assert';
import type { LangiumDocument } from 'langium';
import { HEADER, createServices, parser, reset } from './helpers.js';

const services = createServices();
const parse = parser(services);

interface Found { line: number; column: number; severity: string; message: string }

function found(document: LangiumDocument, ruleId: string): Found[] {
    return (document.diagnostics ?? []).filter(d => d.code === ruleId).map(d => ({
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        severity: ({ 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' } as Record<number, string>)[d.severity ?? 1],
        message: typeof d.message === 'string' ? d.message : d.message.value,
    }));
}

async function of(text: string, ruleId: string, uri?: string): Promise<Found[]> {
    return found(await parse(text, uri), ruleId);
}

const lines = (list: Found[]) => list.map(f => f.line);
/** `strategy "Test"`: the title starts in column 10 of line 1. */
const AT_TITLE = { line: 1, column: 10 };

const ACTORS = `actor NNP "Police" { kind police }
actor AFN "Armed forces" { kind armed-forces }
actor MOJ "Justice" { kind justice-ministry }
actor MOF "Finance" { kind finance-ministry }
actor Parl "Parliament" { kind legislature }
actor CSO "Civil society forum" { kind civil-society }
actor Donor "Donor" { kind donor }
`;
const BASE = HEADER + ACTORS; // title on line 1, actors on lines 6-12, blank line 13, declarations from line 14

const objective = (name: string, sector: string, lead: string, extra = '') =>
    `objective ${name} "${name}" {\n    sector ${sector}\n    dimension institutional\n    lead ${lead}\n${extra}}\n`;

/** One objective per core sector, covering the four dimensions. */
const ALL_CORE = [
    objective('Def', 'defence', 'AFN'),
    objective('Pol', 'policing', 'NNP'),
    objective('Jus', 'justice', 'MOJ'),
    objective('Cor', 'corrections', 'MOJ'),
    objective('Ovs', 'oversight', 'Parl').replace('institutional', 'political'),
    objective('Civ', 'civil-society', 'CSO').replace('institutional', 'societal'),
    objective('Fin', 'public-finance', 'MOF').replace('institutional', 'economic'),
].join('');

const sectorOf = (f: Found) => /the ([a-z-]+) sector/.exec(f.message)?.[1];
const dimensionOf = (f: Found) => /the ([a-z]+) dimension/.exec(f.message)?.[1];

describe('coverage rules', () => {
    afterEach(() => reset(services));

    describe('coverage/subsectors', () => {
        it('is silent when every core sector has an objective', async () => {
            assert.deepEqual(await of(`${BASE}\n${ALL_CORE}`, 'coverage/subsectors'), []);
        });

        it('reports each missing core sector once, at the strategy title', async () => {
            const text = `${BASE}\n${objective('Pol', 'policing', 'NNP')}${objective('Pol2', 'policing', 'NNP')}`;
            const list = await of(text, 'coverage/subsectors');
            assert.deepEqual(list.map(sectorOf).sort(), ['civil-society', 'corrections', 'defence', 'justice', 'oversight', 'public-finance']);
            assert.ok(list.every(f => f.line === AT_TITLE.line && f.column === AT_TITLE.column && f.severity === 'warning'));
        });

        it('reports one missing sector when all others are covered', async () => {
            const text = `${BASE}\n${ALL_CORE.replace('sector corrections', 'sector ddr')}`;
            assert.deepEqual((await of(text, 'coverage/subsectors')).map(sectorOf), ['corrections']);
        });

        it('points at the strategy keyword when the strategy has no title', async () => {
            const text = `${BASE.replace('strategy "Test" {', 'strategy {')}\n${ALL_CORE.replace('sector defence', 'sector ddr')}`;
            const list = await of(text, 'coverage/subsectors');
            assert.deepEqual(list.map(f => [f.line, f.column]), [[1, 1]]);
        });

        it('makes intelligence core once an intelligence actor is declared', async () => {
            const text = `${BASE}actor NIS "Intelligence service" { kind intelligence }\n\n${ALL_CORE}`;
            assert.deepEqual((await of(text, 'coverage/subsectors')).map(sectorOf), ['intelligence']);
            const covered = `${text}${objective('Int', 'intelligence', 'NIS')}`;
            assert.deepEqual(await of(covered, 'coverage/subsectors'), []);
        });

        for (const kind of ['border-guard', 'coast-guard', 'customs']) {
            it(`makes border-management core once a ${kind} actor is declared`, async () => {
                const text = `${BASE}actor B "Border" { kind ${kind} }\n\n${ALL_CORE}`;
                assert.deepEqual((await of(text, 'coverage/subsectors')).map(sectorOf), ['border-management']);
            });
        }

        it('asks for border-management once, however many border actors are declared', async () => {
            const text = `${BASE}actor B "Border" { kind border-guard }\nactor C "Coast" { kind coast-guard }\nactor K "Customs" { kind customs }\n\n${ALL_CORE}`;
            assert.deepEqual((await of(text, 'coverage/subsectors')).map(sectorOf), ['border-management']);
        });

        it('does not make intelligence or border-management core without such actors', async () => {
            const list = await of(`${BASE}\n${objective('Pol', 'policing', 'NNP')}`, 'coverage/subsectors');
            assert.ok(!list.some(f => sectorOf(f) === 'intelligence' || sectorOf(f) === 'border-management'));
        });

        it('counts actors declared in an imported library as declared', async () => {
            await parse('library "Actors"\n\nactor NIS "Intelligence service" { kind intelligence }\n', 'file:///ws/lib.ssr');
            const text = `${BASE}import "lib.ssr"\n\n${ALL_CORE}`;
            assert.deepEqual((await of(text, 'coverage/subsectors', 'file:///ws/plan.ssr')).map(sectorOf), ['intelligence']);
        });

        it('is switched off by scope partial, not by scope comprehensive', async () => {
            const text = `${BASE}\n${objective('Pol', 'policing', 'NNP')}`;
            const partial = text.replace('    currency USD\n', '    currency USD\n    scope partial: policing "Police programme"\n');
            assert.deepEqual(await of(partial, 'coverage/subsectors'), []);
            const comprehensive = text.replace('    currency USD\n', '    currency USD\n    scope comprehensive\n');
            assert.equal((await of(comprehensive, 'coverage/subsectors')).length, 6);
        });
    });

    describe('coverage/dimensions', () => {
        it('is silent when the four dimensions are covered', async () => {
            assert.deepEqual(await of(`${BASE}\n${ALL_CORE}`, 'coverage/dimensions'), []);
        });

        it('reports each missing dimension once, at the strategy title', async () => {
            const text = `${BASE}\n${objective('Pol', 'policing', 'NNP')}${objective('Jus', 'justice', 'MOJ')}`;
            const list = await of(text, 'coverage/dimensions');
            assert.deepEqual(list.map(dimensionOf), ['political', 'economic', 'societal']);
            assert.ok(list.every(f => f.line === AT_TITLE.line && f.column === AT_TITLE.column && f.severity === 'warning'));
        });

        it('counts every dimension of an objective that has several', async () => {
            const text = `${BASE}\n${objective('Pol', 'policing', 'NNP').replace('dimension institutional', 'dimension institutional, political, economic, societal')}`;
            assert.deepEqual(await of(text, 'coverage/dimensions'), []);
        });

        it('reports all four when no objective has a dimension', async () => {
            const text = `${BASE}\nobjective Pol "Pol" {\n    sector policing\n    lead NNP\n}\n`;
            assert.equal((await of(text, 'coverage/dimensions')).length, 4);
        });

        it('is switched off by scope partial', async () => {
            const text = `${BASE.replace('    currency USD\n', '    currency USD\n    scope partial: policing "Police programme"\n')}\n${objective('Pol', 'policing', 'NNP')}`;
            assert.deepEqual(await of(text, 'coverage/dimensions'), []);
        });
    });

    describe('coverage/oversight-for-capability', () => {
        /** A policing objective (name on line 14) with one activity of `type` from 2028 to 2029. */
        const capability = (type = 'training', targets = '') =>
            `${BASE}\nobjective Pol "Police" {\n    sector policing\n    lead NNP\n    activity A "A" {\n        type ${type}\n${targets}        from 2028 to 2029\n    }\n}\n`;
        const oversight = (range: string, sector = 'oversight', lead = 'Parl') =>
            `objective Ovs "Oversight" {\n    sector ${sector}\n    lead ${lead}\n    activity L "L" {\n        type legislation\n        from ${range}\n    }\n}\n`;

        for (const type of ['training', 'equipment', 'infrastructure', 'recruitment']) {
            it(`reports a ${type} activity for a provider (the lead by default), at the objective's name`, async () => {
                const list = await of(capability(type), 'coverage/oversight-for-capability');
                assert.deepEqual(list.map(f => [f.line, f.column, f.severity]), [[14, 11, 'warning']]);
            });
        }

        it('reports capability aimed at a provider through targets, whoever leads', async () => {
            const text = capability('training', '        targets AFN\n').replace('lead NNP', 'lead MOJ');
            assert.deepEqual(lines(await of(text, 'coverage/oversight-for-capability')), [14]);
        });

        it('is silent when the capability targets no provider (targets replace the lead)', async () => {
            assert.deepEqual(await of(capability('training', '        targets MOJ\n'), 'coverage/oversight-for-capability'), []);
            assert.deepEqual(await of(capability('training').replace('lead NNP', 'lead MOJ'), 'coverage/oversight-for-capability'), []);
        });

        it('is silent for activities that build no capability', async () => {
            for (const type of ['vetting', 'institutional-reform', 'assessment']) {
                assert.deepEqual(await of(capability(type), 'coverage/oversight-for-capability'), [], type);
                await reset(services);
            }
        });

        it('is silent when an oversight objective overlaps it', async () => {
            assert.deepEqual(await of(capability() + oversight('2029 to 2030'), 'coverage/oversight-for-capability'), []);
        });

        it('is silent when an oversight objective precedes it, even long before', async () => {
            assert.deepEqual(await of(capability() + oversight('2026-01 to 2026-03'), 'coverage/oversight-for-capability'), []);
        });

        it('counts oversight that starts in the last month of the objective', async () => {
            assert.deepEqual(await of(capability() + oversight('2029-12 to 2030-06'), 'coverage/oversight-for-capability'), []);
        });

        it('reports when the only oversight objective starts after it ends', async () => {
            assert.deepEqual(lines(await of(capability() + oversight('2030-01 to 2030-06'), 'coverage/oversight-for-capability')), [14]);
        });

        it('counts an objective led by an oversight actor, whatever its sector', async () => {
            assert.deepEqual(await of(capability() + oversight('2026 to 2027', 'justice', 'Parl'), 'coverage/oversight-for-capability'), []);
            await reset(services);
            assert.deepEqual(lines(await of(capability() + oversight('2026 to 2027', 'justice', 'MOJ'), 'coverage/oversight-for-capability')), [14], 'neither oversight sector nor oversight lead');
        });

        it('uses the whole span of the objective: a gap between its phases does not matter', async () => {
            const text = capability().replace('    lead NNP\n', '    lead NNP\n    in Early\n')
                + 'phase Early "Early" {\n    stage preparatory\n    from 2026-01 to 2026-06\n}\n'
                + oversight('2027-01 to 2027-06');
            assert.deepEqual(await of(text, 'coverage/oversight-for-capability'), [], 'the objective runs 2026-01..2029-12');
        });

        it('reports once per objective, not per activity', async () => {
            const text = capability().replace('    activity A', '    activity B "B" {\n        type equipment\n    }\n    activity A')
                + `objective Army "Army" {\n    sector defence\n    lead AFN\n    activity T "T" {\n        type training\n        from 2027 to 2027\n    }\n}\n`;
            assert.deepEqual(lines(await of(text, 'coverage/oversight-for-capability')), [14, 25]);
        });

        it('gives undated objectives the benefit of the doubt: they cannot be placed in time', async () => {
            const undatedOversight = `objective Ovs "Oversight" {\n    sector oversight\n    lead Parl\n}\n`;
            assert.deepEqual(await of(capability() + undatedOversight, 'coverage/oversight-for-capability'), [], 'undated oversight');
            await reset(services);
            const undatedCapability = capability().replace('        from 2028 to 2029\n', '');
            assert.deepEqual(await of(undatedCapability + oversight('2030-01 to 2030-06'), 'coverage/oversight-for-capability'), [], 'undated capability');
            await reset(services);
            assert.deepEqual(lines(await of(undatedCapability, 'coverage/oversight-for-capability')), [14], 'but some oversight objective must exist');
        });

        it('does not throw on an unresolved lead or target', async () => {
            const text = capability('training', '        targets Nobody\n').replace('lead NNP', 'lead Nobody');
            assert.deepEqual(await of(text, 'coverage/oversight-for-capability'), []);
        });
    });

    describe('coverage/gender', () => {
        const plan = `${BASE}\n${objective('Pol', 'policing', 'NNP')}`;
        const benchmark = (by: string) => `benchmark B "B" {\n    measures Pol\n    type outcome\n    baseline 10% in 2025\n    target 20% by 2030\n    disaggregated by ${by}\n}\n`;

        it('reports once at the strategy title when neither a gender theme nor sex-disaggregation exists', async () => {
            assert.deepEqual((await of(plan, 'coverage/gender')).map(f => [f.line, f.column, f.severity]), [[1, 10, 'warning']]);
        });

        it('is silent with an objective of theme gender', async () => {
            const text = plan.replace('    lead NNP\n', '    lead NNP\n    themes human-rights, gender\n');
            assert.deepEqual(await of(text, 'coverage/gender'), []);
        });

        it('is silent with a benchmark disaggregated by sex', async () => {
            assert.deepEqual(await of(plan + benchmark('region, sex'), 'coverage/gender'), []);
        });

        it('still reports with other themes and other disaggregations', async () => {
            const text = plan.replace('    lead NNP\n', '    lead NNP\n    themes human-rights\n') + benchmark('region');
            assert.equal((await of(text, 'coverage/gender')).length, 1);
        });

        it('applies to partial programmes too', async () => {
            const text = plan.replace('    currency USD\n', '    currency USD\n    scope partial: policing "Police programme"\n');
            assert.equal((await of(text, 'coverage/gender')).length, 1);
        });
    });

    describe('coverage/civil-society', () => {
        const plan = (lead: string, partners = '') => `${BASE}actor Press "Press" { kind media }\nactor Uni "University" { kind academia }\nactor Women "Women's network" { kind womens-organization }\n\n${objective('Pol', 'policing', lead, partners)}`;

        it('reports once at the strategy title when no civil-society actor leads or partners an objective (declaring one is not enough)', async () => {
            assert.deepEqual((await of(plan('NNP', '    partners MOJ\n'), 'coverage/civil-society')).map(f => [f.line, f.column, f.severity]), [[1, 10, 'warning']]);
        });

        for (const actor of ['CSO', 'Press', 'Uni', 'Women']) {
            it(`is silent when ${actor} partners an objective`, async () => {
                assert.deepEqual(await of(plan('NNP', `    partners MOJ, ${actor}\n`), 'coverage/civil-society'), []);
            });
        }

        it('is silent when a civil-society actor leads an objective', async () => {
            assert.deepEqual(await of(plan('CSO'), 'coverage/civil-society'), []);
        });

        it('does not count activity targets or funding', async () => {
            const text = plan('NNP', '    activity O "O" {\n        type public-outreach\n        targets CSO\n    }\n');
            assert.equal((await of(text, 'coverage/civil-society')).length, 1);
        });
    });

    describe('coverage/unused-actor', () => {
        it('hints at each actor nothing refers to, at its name', async () => {
            const list = await of(BASE, 'coverage/unused-actor');
            assert.deepEqual(list.map(f => [f.line, f.column]), [[6, 7], [7, 7], [8, 7], [9, 7], [10, 7], [11, 7], [12, 7]]);
            assert.ok(list.every(f => f.severity === 'hint'));
        });

        it('counts leads, partners, activity targets and funding sources', async () => {
            const text = `${BASE}\nobjective Pol "Pol" {\n    sector policing\n    lead NNP\n    partners MOJ, CSO\n    activity T "T" {\n        type training\n        targets AFN\n    }\n}\n`
                + 'funding F "F" {\n    from Donor\n    instrument bilateral-grant\n    amount 1M from 2026 to 2027\n    supports Pol\n}\n';
            const list = await of(text, 'coverage/unused-actor');
            assert.deepEqual(list.map(f => f.message.match(/actor '(\w+)'/)?.[1]), ['MOF', 'Parl']);
        });

        it('does not count a reference that names something else', async () => {
            const text = `${BASE}\nobjective Pol "Pol" {\n    sector policing\n    lead NNP\n}\nbenchmark NNPTrust "T" {\n    measures Pol\n    type outcome\n}\n`;
            assert.ok((await of(text, 'coverage/unused-actor')).some(f => /'MOJ'/.test(f.message)));
        });

        it("judges only the file's own actors: library actors are not reported, and their use counts", async () => {
            await parse('library "Actors"\n\nactor Lib "Library police" { kind police }\nactor Spare "Unused library actor" { kind donor }\n', 'file:///ws/lib.ssr');
            const text = `${HEADER}import "lib.ssr"\nactor Own "Own" { kind executive }\n\nobjective Pol "Pol" {\n    sector policing\n    lead Lib\n}\n`;
            const list = await of(text, 'coverage/unused-actor', 'file:///ws/plan.ssr');
            assert.deepEqual(list.map(f => [f.line, f.message.match(/actor '(\w+)'/)?.[1]]), [[7, 'Own']]);
        });
    });
});
