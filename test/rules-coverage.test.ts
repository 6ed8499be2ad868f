/**
 * The coverage rules (RULES.md "Coverage") at the boundaries the rulebook defines: how many
 * findings, where each points (range markers, test/support/findings.ts), which sector or dimension
 * each is about (its key), and where the rules must stay silent.
 */
import { createServices, parser, reset } from './helpers.js';
import { MARKED_HEADER, findingsHelper } from './support/findings.js';

const services = createServices();
const parse = parser(services);
const { expectFindings, expectNoFindings } = findingsHelper(services);

const ACTORS = `actor ‹NNP› "Police" { kind police }
actor ‹AFN› "Armed forces" { kind armed-forces }
actor ‹MOJ› "Justice" { kind justice-ministry }
actor ‹MOF› "Finance" { kind finance-ministry }
actor ‹Parl› "Parliament" { kind legislature }
actor ‹CSO› "Civil society forum" { kind civil-society }
actor ‹Donor› "Donor" { kind donor }
`;
/** The strategy title is marked 'title', each actor's name by itself. */
const BASE = MARKED_HEADER + ACTORS;

/** An objective whose name is marked by itself. */
const objective = (name: string, sector: string, lead: string, extra = '') =>
    `objective ‹${name}› "${name}" {\n    sector ${sector}\n    dimension institutional\n    lead ${lead}\n${extra}}\n`;

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

/** The core sectors other than policing. */
const CORE_BUT_POLICING = ['defence', 'justice', 'corrections', 'oversight', 'civil-society', 'public-finance'];
const atTitle = (keys: string[]) => keys.map(key => ({ at: 'title', key }));
const PARTIAL = '    currency USD\n    scope partial: policing "Police programme"\n';

describe('coverage rules', () => {
    afterEach(() => reset(services));

    describe('coverage/subsectors', () => {
        const RULE = 'coverage/subsectors';

        it('is silent when every core sector has an objective', async () => {
            await expectNoFindings(`${BASE}\n${ALL_CORE}`, RULE);
        });

        it('reports each missing core sector once, at the strategy title', async () => {
            const text = `${BASE}\n${objective('Pol', 'policing', 'NNP')}${objective('Pol2', 'policing', 'NNP')}`;
            await expectFindings(text, RULE, atTitle(CORE_BUT_POLICING), { severity: 'warning' });
        });

        it('reports one missing sector when all others are covered', async () => {
            await expectFindings(`${BASE}\n${ALL_CORE.replace('sector corrections', 'sector ddr')}`, RULE, atTitle(['corrections']));
        });

        it('points at the strategy keyword when the strategy has no title', async () => {
            const text = `${BASE.replace('strategy ‹title:"Test"› {', '‹strategy› {')}\n${ALL_CORE.replace('sector defence', 'sector ddr')}`;
            await expectFindings(text, RULE, [{ at: 'strategy', key: 'defence' }]);
        });

        it('makes intelligence core once an intelligence actor is declared', async () => {
            const text = `${BASE}actor NIS "Intelligence service" { kind intelligence }\n\n${ALL_CORE}`;
            await expectFindings(text, RULE, atTitle(['intelligence']));
            await expectNoFindings(`${text}${objective('Int', 'intelligence', 'NIS')}`, RULE);
        });

        for (const kind of ['border-guard', 'coast-guard', 'customs']) {
            it(`makes border-management core once a ${kind} actor is declared`, async () => {
                await expectFindings(`${BASE}actor B "Border" { kind ${kind} }\n\n${ALL_CORE}`, RULE, atTitle(['border-management']));
            });
        }

        it('asks for border-management once, however many border actors are declared', async () => {
            const text = `${BASE}actor B "Border" { kind border-guard }\nactor C "Coast" { kind coast-guard }\nactor K "Customs" { kind customs }\n\n${ALL_CORE}`;
            await expectFindings(text, RULE, atTitle(['border-management']));
        });

        it('does not make intelligence or border-management core without such actors', async () => {
            await expectFindings(`${BASE}\n${objective('Pol', 'policing', 'NNP')}`, RULE, atTitle(CORE_BUT_POLICING));
        });

        it('counts actors declared in an imported library as declared', async () => {
            await parse('library "Actors"\n\nactor NIS "Intelligence service" { kind intelligence }\n', 'file:///ws/lib.ssr');
            const text = `${BASE}import "lib.ssr"\n\n${ALL_CORE}`;
            await expectFindings(text, RULE, atTitle(['intelligence']), { uri: 'file:///ws/plan.ssr' });
        });

        it('is switched off by scope partial, not by scope comprehensive', async () => {
            const text = `${BASE}\n${objective('Pol', 'policing', 'NNP')}`;
            await expectNoFindings(text.replace('    currency USD\n', PARTIAL), RULE);
            await expectFindings(text.replace('    currency USD\n', '    currency USD\n    scope comprehensive\n'), RULE, atTitle(CORE_BUT_POLICING));
        });
    });

    describe('coverage/dimensions', () => {
        const RULE = 'coverage/dimensions';

        it('is silent when the four dimensions are covered', async () => {
            await expectNoFindings(`${BASE}\n${ALL_CORE}`, RULE);
        });

        it('reports each missing dimension once, at the strategy title', async () => {
            const text = `${BASE}\n${objective('Pol', 'policing', 'NNP')}${objective('Jus', 'justice', 'MOJ')}`;
            await expectFindings(text, RULE, atTitle(['political', 'economic', 'societal']), { severity: 'warning' });
        });

        it('counts every dimension of an objective that has several', async () => {
            const text = `${BASE}\n${objective('Pol', 'policing', 'NNP').replace('dimension institutional', 'dimension institutional, political, economic, societal')}`;
            await expectNoFindings(text, RULE);
        });

        it('reports all four when no objective has a dimension', async () => {
            const text = `${BASE}\nobjective Pol "Pol" {\n    sector policing\n    lead NNP\n}\n`;
            await expectFindings(text, RULE, atTitle(['political', 'institutional', 'economic', 'societal']));
        });

        it('is switched off by scope partial', async () => {
            await expectNoFindings(`${BASE.replace('    currency USD\n', PARTIAL)}\n${objective('Pol', 'policing', 'NNP')}`, RULE);
        });
    });

    describe('coverage/oversight-for-capability', () => {
        const RULE = 'coverage/oversight-for-capability';
        /** A policing objective (its name marked 'Pol') with one activity of `type` from 2028 to 2029. */
        const capability = (type = 'training', targets = '') =>
            `${BASE}\nobjective ‹Pol› "Police" {\n    sector policing\n    lead NNP\n    activity A "A" {\n        type ${type}\n${targets}        from 2028 to 2029\n    }\n}\n`;
        const oversight = (range: string, sector = 'oversight', lead = 'Parl') =>
            `objective Ovs "Oversight" {\n    sector ${sector}\n    lead ${lead}\n    activity L "L" {\n        type legislation\n        from ${range}\n    }\n}\n`;

        for (const type of ['training', 'equipment', 'infrastructure', 'recruitment']) {
            it(`reports a ${type} activity for a provider (the lead by default), at the objective's name`, async () => {
                await expectFindings(capability(type), RULE, [{ at: 'Pol', severity: 'warning' }]);
            });
        }

        it('reports capability aimed at a provider through targets, whoever leads', async () => {
            await expectFindings(capability('training', '        targets AFN\n').replace('lead NNP', 'lead MOJ'), RULE, ['Pol']);
        });

        it('is silent when the capability targets no provider (targets replace the lead)', async () => {
            await expectNoFindings(capability('training', '        targets MOJ\n'), RULE);
            await expectNoFindings(capability('training').replace('lead NNP', 'lead MOJ'), RULE);
        });

        it('is silent for activities that build no capability', async () => {
            for (const type of ['vetting', 'institutional-reform', 'assessment']) {
                await expectNoFindings(capability(type), RULE);
                await reset(services);
            }
        });

        it('reports an oversight objective that starts later, even though the two overlap', async () => {
            await expectFindings(capability() + oversight('2029 to 2030'), RULE, ['Pol']);
        });

        it('is silent when an oversight objective precedes it, even long before', async () => {
            await expectNoFindings(capability() + oversight('2026-01 to 2026-03'), RULE);
        });

        it('counts oversight that starts in the month the earliest capability activity starts, not the month after', async () => {
            await expectNoFindings(capability() + oversight('2028-01 to 2030-06'), RULE);
            await reset(services);
            await expectFindings(capability() + oversight('2028-02 to 2030-06'), RULE, ['Pol']);
        });

        it('reports when the only oversight objective starts after it ends', async () => {
            await expectFindings(capability() + oversight('2030-01 to 2030-06'), RULE, ['Pol']);
        });

        it('judges by the earliest capability activity of the objective', async () => {
            const text = capability().replace('    activity A', '    activity E "E" {\n        type equipment\n        from 2027-03 to 2027-06\n    }\n    activity A');
            await expectFindings(text + oversight('2027-04 to 2030-06'), RULE, ['Pol']);
            await reset(services);
            await expectNoFindings(text + oversight('2027-03 to 2030-06'), RULE);
        });

        it('counts an oversight body among joint leads', async () => {
            await expectNoFindings(capability() + oversight('2026 to 2027', 'justice', 'MOJ, Parl'), RULE);
        });

        it('counts providers among the targets of a joint lead (an activity without targets targets every lead)', async () => {
            await expectFindings(capability().replace('lead NNP', 'lead MOJ, NNP'), RULE, ['Pol']);
        });

        it('counts an objective led by an oversight actor, whatever its sector', async () => {
            await expectNoFindings(capability() + oversight('2026 to 2027', 'justice', 'Parl'), RULE);
            await reset(services);
            // neither oversight sector nor oversight lead
            await expectFindings(capability() + oversight('2026 to 2027', 'justice', 'MOJ'), RULE, ['Pol']);
        });

        it('judges the earliest capability activity, not the start of the objective', async () => {
            const text = capability().replace('    lead NNP\n', '    lead NNP\n    in Early\n')
                + 'phase Early "Early" {\n    stage preparatory\n    from 2026-01 to 2026-06\n}\n'
                + oversight('2027-01 to 2027-06');
            await expectNoFindings(text, RULE); // the objective starts 2026-01, its training 2028-01
        });

        it('reports once per objective, not per activity', async () => {
            const text = capability().replace('    activity A', '    activity B "B" {\n        type equipment\n    }\n    activity A')
                + `objective ‹Army› "Army" {\n    sector defence\n    lead AFN\n    activity T "T" {\n        type training\n        from 2027 to 2027\n    }\n}\n`;
            await expectFindings(text, RULE, ['Pol', 'Army']);
        });

        it('gives undated objectives the benefit of the doubt: they cannot be placed in time', async () => {
            const undatedOversight = `objective Ovs "Oversight" {\n    sector oversight\n    lead Parl\n}\n`;
            await expectNoFindings(capability() + undatedOversight, RULE);
            await reset(services);
            const undatedCapability = capability().replace('        from 2028 to 2029\n', '');
            await expectNoFindings(undatedCapability + oversight('2030-01 to 2030-06'), RULE);
            await reset(services);
            // but some oversight objective must exist
            await expectFindings(undatedCapability, RULE, ['Pol']);
        });

        it('does not throw on an unresolved lead or target', async () => {
            const text = capability('training', '        targets Nobody\n').replace('lead NNP', 'lead Nobody');
            await expectNoFindings(text, RULE, { allow: ['reference/unresolved'] });
        });
    });

    describe('coverage/gender', () => {
        const RULE = 'coverage/gender';
        const plan = `${BASE}\n${objective('Pol', 'policing', 'NNP')}`;
        const benchmark = (by: string) => `benchmark B "B" {\n    measures Pol\n    type outcome\n    baseline 10% in 2025\n    target 20% by 2030\n    disaggregated by ${by}\n}\n`;

        it('reports once at the strategy title when neither a gender theme nor sex-disaggregation exists', async () => {
            await expectFindings(plan, RULE, [{ at: 'title', severity: 'warning' }]);
        });

        it('is silent with an objective of theme gender', async () => {
            await expectNoFindings(plan.replace('    lead NNP\n', '    lead NNP\n    themes human-rights, gender\n'), RULE);
        });

        it('is silent with a benchmark disaggregated by sex', async () => {
            await expectNoFindings(plan + benchmark('region, sex'), RULE);
        });

        it('still reports with other themes and other disaggregations', async () => {
            await expectFindings(plan.replace('    lead NNP\n', '    lead NNP\n    themes human-rights\n') + benchmark('region'), RULE, ['title']);
        });

        it('applies to partial programmes too', async () => {
            await expectFindings(plan.replace('    currency USD\n', PARTIAL), RULE, ['title']);
        });
    });

    describe('coverage/civil-society', () => {
        const RULE = 'coverage/civil-society';
        const plan = (lead: string, partners = '') => `${BASE}actor Press "Press" { kind media }\nactor Uni "University" { kind academia }\nactor Women "Women's network" { kind womens-organization }\n\n${objective('Pol', 'policing', lead, partners)}`;

        it('reports once at the strategy title when no civil-society actor leads or partners an objective (declaring one is not enough)', async () => {
            await expectFindings(plan('NNP', '    partners MOJ\n'), RULE, [{ at: 'title', severity: 'warning' }]);
        });

        for (const actor of ['CSO', 'Press', 'Uni', 'Women']) {
            it(`is silent when ${actor} partners an objective`, async () => {
                await expectNoFindings(plan('NNP', `    partners MOJ, ${actor}\n`), RULE);
            });
        }

        it('is silent when a civil-society actor leads an objective', async () => {
            await expectNoFindings(plan('CSO'), RULE);
        });

        it('does not count activity targets or funding', async () => {
            const text = plan('NNP', '    activity O "O" {\n        type public-outreach\n        targets CSO\n    }\n');
            await expectFindings(text, RULE, ['title']);
        });
    });

    describe('coverage/unused-actor', () => {
        const RULE = 'coverage/unused-actor';

        it('hints at each actor nothing refers to, at its name', async () => {
            await expectFindings(BASE, RULE, ['NNP', 'AFN', 'MOJ', 'MOF', 'Parl', 'CSO', 'Donor'], { severity: 'hint' });
        });

        it('counts leads, partners, activity targets and funding sources', async () => {
            const text = `${BASE}\nobjective Pol "Pol" {\n    sector policing\n    lead NNP\n    partners MOJ, CSO\n    activity T "T" {\n        type training\n        targets AFN\n    }\n}\n`
                + 'funding F "F" {\n    from Donor\n    instrument bilateral-grant\n    amount 1M from 2026 to 2027\n    supports Pol\n}\n';
            await expectFindings(text, RULE, ['MOF', 'Parl']);
        });

        it('does not count a reference that names something else', async () => {
            const text = `${BASE}\nobjective Pol "Pol" {\n    sector policing\n    lead NNP\n}\nbenchmark NNPTrust "T" {\n    measures Pol\n    type outcome\n}\n`;
            await expectFindings(text, RULE, ['AFN', 'MOJ', 'MOF', 'Parl', 'CSO', 'Donor']);
        });

        it("judges only the file's own actors: library actors are not reported, and their use counts", async () => {
            await parse('library "Actors"\n\nactor Lib "Library police" { kind police }\nactor Spare "Unused library actor" { kind donor }\n', 'file:///ws/lib.ssr');
            const text = `${MARKED_HEADER}import "lib.ssr"\nactor ‹Own› "Own" { kind executive }\n\nobjective Pol "Pol" {\n    sector policing\n    lead Lib\n}\n`;
            await expectFindings(text, RULE, ['Own'], { uri: 'file:///ws/plan.ssr' });
        });
    });
});
