/**
 * The sequencing rules RULES.md changed or added for issue 16, at their boundaries: the same
 * month, joint leads (an activity without `targets` targets every lead), `rolling` activities,
 * imported actors, `implements`, `scope partial`; and the paired-objective quick fix, applied and
 * re-checked. Findings are located by range markers (test/support/findings.ts).
 */
import { strict as assert } from 'node:assert';
import { createServices, idsOf, parser, reset } from './helpers.js';
import { MARKED_HEADER, applyEdits, findingsHelper, quickFixes } from './support/findings.js';

const services = createServices();
const parse = parser(services);
const { check, expectFindings, expectNoFindings } = findingsHelper(services);

const ACTORS = `actor NSC "Security council" { kind national-security-council }
actor NNP "Police" { kind police }
actor AFN "Army" { kind armed-forces }
actor MOJ "Justice" { kind justice-ministry }
actor MOI "Interior" { kind interior-ministry }
actor Donor "Donor" { kind donor }
`;
const BASE = MARKED_HEADER + ACTORS;
const PARTIAL = '    currency USD\n    scope partial: policing "Police programme"\n';

/** An activity block; `fields` are extra lines (targets, by, rolling). */
const activity = (name: string, type: string, range: string, fields: string[] = [], mark = false) =>
    `    activity ${mark ? `‹${name}›` : name} "${name}" {\n        type ${type}\n${fields.map(f => `        ${f}\n`).join('')}${range ? `        from ${range}\n` : ''}    }\n`;
/** An objective block; its name is marked when `mark`. */
const objective = (name: string, sector: string, lead: string, body: string, mark = false) =>
    `objective ${mark ? `‹${name}›` : name} "${name}" {\n    sector ${sector}\n    lead ${lead}\n${body}}\n`;
/** A national-security-policy objective with one policy activity over `range`. */
const policy = (range: string, type = 'policy', fields: string[] = []) => objective('Policy', 'national-security-policy', 'NSC', activity('Draft', type, range, fields));

describe('sequencing rules (issue 16)', () => {
    afterEach(() => reset(services));

    describe('sequencing/policy-before-capability', () => {
        const RULE = 'sequencing/policy-before-capability';
        const police = (range = '2027-03 to 2028-12', type = 'training', fields: string[] = [], lead = 'NNP') =>
            objective('Police', 'policing', lead, activity('Train', type, range, fields), true);

        it('reports a provider trained with no national security policy at all, once, at the objective, naming the activity', async () => {
            const text = BASE + objective('Police', 'policing', 'NNP', activity('Equip', 'equipment', '2027-06 to 2027-12') + activity('Train', 'training', '2027-03 to 2028-12'), true);
            const [finding] = await expectFindings(text, RULE, [{ at: 'Police', severity: 'warning' }]);
            assert.match(finding.message, /activity 'Train' starts 2027-03/);
            assert.match(finding.message, /implements/);
        });

        it('counts a policy that ends the month before, not the month the training starts', async () => {
            await expectNoFindings(BASE + policy('2026-01 to 2027-02') + police(), RULE);
            await reset(services);
            const [finding] = await expectFindings(BASE + policy('2026-01 to 2027-03') + police(), RULE, ['Police']);
            assert.match(finding.message, /activity 'Draft'.*is done \(2027-03\)/);
        });

        it('counts legislation, and a rolling policy once it has started', async () => {
            await expectNoFindings(BASE + policy('2026-01 to 2026-12', 'legislation') + police(), RULE);
            await reset(services);
            await expectNoFindings(BASE + policy('2027-03 to 2029-12', 'policy', ['rolling']) + police(), RULE);
            await reset(services);
            await expectFindings(BASE + policy('2027-04 to 2029-12', 'policy', ['rolling']) + police(), RULE, ['Police']);
        });

        it('counts only policy of a national-security-policy objective', async () => {
            const defenceReview = objective('Review', 'defence', 'MOI', activity('Draft', 'policy', '2026-01 to 2026-06'));
            await expectFindings(BASE + defenceReview + police(), RULE, ['Police']);
        });

        it('is silent when the strategy implements an adopted policy, even with a partial scope', async () => {
            const implementing = BASE.replace('    currency USD\n', `${PARTIAL}    implements "National Security Policy (2024)"\n`);
            await expectNoFindings(implementing + police(), RULE);
            await reset(services);
            await expectFindings(BASE.replace('    currency USD\n', PARTIAL) + police(), RULE, ['Police']);
        });

        it('does not judge infrastructure, nor capability for actors that are not providers', async () => {
            await expectNoFindings(BASE + police('2027-03 to 2028-12', 'infrastructure'), RULE);
            await reset(services);
            await expectNoFindings(BASE + police('2027-03 to 2028-12', 'training', ['targets MOJ']), RULE);
        });

        it('sees a provider among joint leads, and through targets in a donor-led objective', async () => {
            await expectFindings(BASE + police('2027-03 to 2028-12', 'training', [], 'Donor, NNP'), RULE, ['Police']);
            await reset(services);
            await expectNoFindings(BASE + police('2027-03 to 2028-12', 'training', [], 'Donor, MOI'), RULE);
            await reset(services);
            await expectFindings(BASE + police('2027-03 to 2028-12', 'recruitment', ['targets AFN'], 'Donor'), RULE, ['Police']);
        });

        it('knows providers declared in an imported library', async () => {
            await parse('library "Actors"\n\nactor Gendarmes "Gendarmerie" { kind gendarmerie }\n', 'file:///ws16/lib.ssr');
            const text = `${BASE}import "lib.ssr"\n${police('2027-03 to 2028-12', 'training', ['targets Gendarmes'], 'MOI')}`;
            await expectFindings(text, RULE, ['Police'], { uri: 'file:///ws16/plan.ssr' });
        });
    });

    describe('sequencing/assessment-first', () => {
        const RULE = 'sequencing/assessment-first';
        const train = (range = '2027-01 to 2027-12', fields: string[] = []) => objective('Police', 'policing', 'NNP', activity('Train', 'training', range, fields, true));

        it('reports only the missing assessment when there is none, at the title', async () => {
            await expectFindings(BASE + train(), RULE, [{ at: 'title', severity: 'warning' }]);
        });

        it('counts an assessment of the same sector, up to the month it ends', async () => {
            const assess = (range: string) => objective('Review', 'policing', 'MOI', activity('Assess', 'assessment', range));
            await expectNoFindings(BASE + assess('2026-01 to 2026-12') + train(), RULE);
            await reset(services);
            const [finding] = await expectFindings(BASE + assess('2026-06 to 2027-01') + train(), RULE, ['Train']);
            assert.match(finding.message, /activity 'Assess', ends \(2027-01\)/);
        });

        it('counts an assessment that targets an actor the activity targets, whatever its sector', async () => {
            const assess = (targets: string) => objective('Review', 'justice', 'MOJ', activity('Assess', 'assessment', '2026-01 to 2026-06', [`targets ${targets}`]));
            await expectNoFindings(BASE + assess('NNP') + train(), RULE);
            await reset(services);
            const [finding] = await expectFindings(BASE + assess('MOJ') + train(), RULE, ['Train']);
            assert.match(finding.message, /No assessment covers capability activity 'Train'/);
        });

        it('counts a sector-wide assessment of a national-security-policy objective for every activity', async () => {
            const assess = objective('Policy', 'national-security-policy', 'NSC', activity('Assess', 'assessment', '2026-01 to 2026-06'));
            const army = objective('Army', 'defence', 'AFN', activity('Drill', 'equipment', '2026-06 to 2027-12', [], true));
            await expectFindings(BASE + assess + train() + army, RULE, ['Drill']);
        });

        it('judges by the earliest-ending assessment that covers it, and by the start of a rolling one', async () => {
            const assessments = objective('Review', 'policing', 'MOI', activity('Late', 'assessment', '2026-01 to 2028-12') + activity('Early', 'assessment', '2026-01 to 2026-06'));
            await expectNoFindings(BASE + assessments + train(), RULE);
            await reset(services);
            const rolling = objective('Review', 'policing', 'MOI', activity('Survey', 'assessment', '2027-01 to 2029-12', ['rolling']));
            await expectNoFindings(BASE + rolling + train(), RULE);
        });

        it('sees the targets of a joint lead: an activity without targets targets every lead', async () => {
            const assess = objective('Review', 'justice', 'MOJ', activity('Assess', 'assessment', '2026-01 to 2026-06', ['targets NNP']));
            const joint = objective('Police', 'border-management', 'Donor, NNP', activity('Train', 'training', '2027-01 to 2027-12', [], true));
            await expectNoFindings(BASE + assess + joint, RULE);
        });
    });

    describe('sequencing/vetting-before-capability', () => {
        const RULE = 'sequencing/vetting-before-capability';
        const plan = (vetting: string, capability: string) => BASE + objective('Police', 'policing', 'NNP', vetting + capability);

        it('does not judge infrastructure: buildings are not assistance to people', async () => {
            await expectNoFindings(plan('', activity('Academy', 'infrastructure', '2027-01 to 2027-12')), RULE);
        });

        it('counts a rolling vetting that started in or before the month the training starts', async () => {
            await expectNoFindings(plan(activity('Vet', 'vetting', '2027-03 to 2029-12', ['rolling']), activity('Train', 'training', '2027-03 to 2029-12')), RULE);
            await reset(services);
            await expectFindings(plan(activity('Vet', 'vetting', '2027-04 to 2029-12', ['rolling']), activity('Train', 'training', '2027-03 to 2029-12', [], true)), RULE, ['Train']);
            await reset(services);
            // the same vetting without `rolling` is not done when the training starts
            await expectFindings(plan(activity('Vet', 'vetting', '2027-03 to 2029-12'), activity('Train', 'training', '2027-03 to 2029-12', [], true)), RULE, ['Train']);
        });

        it('for a recruitment, counts a vetting that starts before the recruitment ends', async () => {
            await expectNoFindings(plan(activity('Vet', 'vetting', '2027-12 to 2028-06'), activity('Recruit', 'recruitment', '2027-01 to 2027-12')), RULE);
            await reset(services);
            const [finding] = await expectFindings(plan(activity('Vet', 'vetting', '2028-01 to 2028-06'), activity('Recruit', 'recruitment', '2027-01 to 2027-12', [], true)), RULE, ['Recruit']);
            assert.match(finding.message, /starts before the recruitment ends \(2027-12\)/);
        });

        it('sees every lead of a joint lead as a target', async () => {
            const text = BASE + objective('Police', 'policing', 'Donor, NNP', activity('Train', 'training', '2027-01 to 2027-12', [], true));
            const [finding] = await expectFindings(text, RULE, ['Train']);
            assert.match(finding.message, /works on 'NNP'/);
        });
    });

    describe('sequencing/baseline-before-start', () => {
        const RULE = 'sequencing/baseline-before-start';
        const plan = (baseline: string) => `${BASE}${objective('Police', 'policing', 'NNP', activity('Reform', 'institutional-reform', '2026-01 to 2028-12'))}benchmark B "B" {\n    measures Police\n    type output\n    baseline ‹base:${baseline} in 2027›\n    target 500 by 2030\n}\n`;

        it('does not report a baseline of 0 or 0%: nothing to measure', async () => {
            await expectNoFindings(plan('0'), RULE);
            await reset(services);
            await expectNoFindings(plan('0%'), RULE);
        });

        it('reports any other late baseline, at the baseline', async () => {
            await expectFindings(plan('5'), RULE, [{ at: 'base', severity: 'warning' }]);
        });
    });

    describe('sequencing/order after a rolling activity', () => {
        it('needs only that the rolling activity has started', async () => {
            const text = (vetStart: string) => BASE + objective('Police', 'policing', 'NNP',
                activity('Vet', 'vetting', `${vetStart} to 2029-12`, ['rolling']) + activity('Train', 'training', '2027-03 to 2029-12', ['after ‹Vet›']));
            await expectNoFindings(text('2027-03'), 'sequencing/order');
            await reset(services);
            await expectFindings(text('2027-04'), 'sequencing/order', ['Vet']);
        });
    });

    describe('sequencing/police-justice', () => {
        const RULE = 'sequencing/police-justice';
        const police = (body: string) => objective('Police', 'policing', 'NNP', body, true);
        const courts = (range: string) => objective('Courts', 'justice', 'MOJ', activity('Cases', 'institutional-reform', range));
        const prisons = (range: string) => objective('Prisons', 'corrections', 'MOJ', activity('Standards', 'institutional-reform', range));
        const phases = 'phase Main "Main" {\n    stage implementation\n    from 2027 to 2030\n}\n';

        it('counts courts and prisons that started in the month the earliest capability activity starts, not the month after', async () => {
            const body = activity('Equip', 'equipment', '2028-01 to 2028-06') + activity('Train', 'training', '2027-06 to 2028-12');
            await expectNoFindings(BASE + police(body) + courts('2027-06 to 2029-12') + prisons('2026-01 to 2029-12'), RULE);
            await reset(services);
            const [finding] = await expectFindings(BASE + police(body) + courts('2027-07 to 2029-12') + prisons('2026-01 to 2029-12'), RULE, ['Police']);
            assert.match(finding.message, /the first justice objective, objective 'Courts', starts only 2027-07/);
        });

        /** Applies the finding's quick fix and checks the finding is gone and nothing new is broken. */
        async function applyPairFix(text: string): Promise<string> {
            const checked = await check(text);
            const [finding] = checked.of(RULE);
            assert.ok(finding, 'reported');
            const actions = await quickFixes(services, checked.document, finding.diagnostic);
            const pair = actions.filter(a => a.title.startsWith('Add '));
            assert.equal(pair.length, 1, actions.map(a => a.title).join(' | '));
            const fixed = applyEdits(checked.text, pair[0].edit!.changes![checked.document.textDocument.uri]);
            await reset(services);
            const after = idsOf(await parse(fixed));
            assert.deepEqual(after.filter(id => id === RULE || /^(syntax|reference|structure|taxonomy)\//.test(id) || id === 'sequencing/order'), [], fixed);
            return fixed;
        }

        it('fix: inserts both missing objectives in the policing objective\'s phases, resolving the finding', async () => {
            const fixed = await applyPairFix(BASE + phases + police(`    in Main\n${activity('Train', 'training', '2027-06 to 2028-12')}`));
            assert.match(fixed, /objective PoliceJustice "[^"]+" \{\n {4}sector justice\n[\s\S]*? {4}lead MOJ\n {4}in Main\n {4}alongside Police\n\}/);
            assert.match(fixed, /objective PoliceCorrections "[^"]+" \{\n {4}sector corrections\n/);
        });

        it('fix: replaces a late justice objective from the month the first capability activity starts', async () => {
            const text = BASE + phases + police(`    in Main\n${activity('Train', 'training', '2026-05 to 2028-12')}`) + courts('2027-01 to 2029-12') + prisons('2026-01 to 2029-12');
            const fixed = await applyPairFix(text);
            assert.match(fixed, /objective PoliceJustice[\s\S]*?activity PoliceJusticeReform "[^"]+" \{\n {8}type institutional-reform\n {8}from 2026-05 to 2030-12\n/);
        });

        it('fix: works for a policing objective without phases, and never reuses a name', async () => {
            const text = BASE + police(activity('Train', 'training', '2027-06 to 2028-12')) + objective('PoliceJustice', 'defence', 'AFN', '');
            const fixed = await applyPairFix(text);
            assert.match(fixed, /objective PoliceJustice2 /);
        });
    });
});
