/**
 * The ownership rules (RULES.md "Ownership") at the boundaries the rulebook defines: how many
 * findings, where each points (range markers, test/support/findings.ts), where they stay silent,
 * and the "national lead" quick fix.
 */
import { strict as assert } from 'node:assert';
import { createServices, idsOf, parser, reset } from './helpers.js';
import { MARKED_HEADER, applyEdits, findingsHelper, quickFixes, type Found } from './support/findings.js';

const services = createServices();
const parse = parser(services);
const { check, expectFindings, expectNoFindings } = findingsHelper(services);

const titles = (f: Found | undefined) => (f?.fix?.edits ?? []).map(e => e.title);

/** The strategy (title marked 'title'), the actors, and `objective O` with `body`; mark the lead in the body where a finding is expected. */
const plan = (actors: string[], body: string) => `${MARKED_HEADER}${actors.map(a => `${a}\n`).join('')}\nobjective O "O" {\n${body}}\n`;

const DONOR = 'actor Donor "Donor" { kind donor }';
const POLICE = 'actor NNP "Police" { kind police }';
const MOI = 'actor MOI "Interior" { kind interior-ministry }';
const MOJ = 'actor MOJ "Justice" { kind justice-ministry }';
const NSC = 'actor NSC "Security council" { kind national-security-council }';
const EXEC = 'actor PM "Prime minister\'s office" { kind executive }';
const UN = 'actor UN "UN mission" { kind peace-operation }';

describe('ownership rules', () => {
    afterEach(() => reset(services));

    describe('ownership/external-lead', () => {
        const RULE = 'ownership/external-lead';

        for (const kind of ['donor', 'international-organization', 'peace-operation', 'contractor']) {
            it(`reports a lead of kind ${kind}, at the lead reference`, async () => {
                const text = plan([`actor X "External" { kind ${kind} }`, POLICE], '    sector policing\n    lead ‹X›\n    partners NNP\n');
                await expectFindings(text, RULE, [{ at: 'X', severity: 'warning' }]);
            });
        }

        it('is silent for a national lead, with or without external partners', async () => {
            for (const actor of [POLICE, MOI, NSC, 'actor C "Civil society" { kind civil-society }', 'actor L "Local" { kind local-government }']) {
                const name = /actor (\w+)/.exec(actor)![1];
                await expectNoFindings(plan([actor, DONOR], `    sector policing\n    lead ${name}\n    partners Donor\n`), RULE);
                await reset(services);
            }
        });

        it('is silent when the lead does not resolve (reference/unresolved reports it)', async () => {
            await expectNoFindings(plan([DONOR], '    sector policing\n    lead Donr\n'), RULE, { allow: ['reference/unresolved'] });
        });

        it('reports once per objective', async () => {
            const text = plan([DONOR, POLICE], '    sector policing\n    lead ‹O:Donor›\n')
                + 'objective O2 "O2" {\n    sector justice\n    lead ‹O2:Donor›\n}\nobjective O3 "O3" {\n    sector justice\n    lead NNP\n}\n';
            await expectFindings(text, RULE, ['O', 'O2']);
        });

        it('offers each national partner as the lead, in order, and never an external partner', async () => {
            const text = plan([DONOR, UN, POLICE, MOI], '    sector policing\n    lead ‹Donor›\n    partners UN, NNP, MOI\n');
            const [finding] = await expectFindings(text, RULE, ['Donor']);
            assert.deepEqual(titles(finding), ['Make NNP the lead', 'Lead jointly with NNP', 'Make MOI the lead', 'Lead jointly with MOI']);
            assert.deepEqual(finding.fix!.edits!.map(e => e.preferred ?? false), [true, false, false, false]);
            assert.deepEqual(finding.fix!.edits!.map(e => e.newText), ['NNP', ', NNP', 'MOI', ', MOI']);
        });

        it('replaces exactly the lead reference', async () => {
            const { document, text, of } = await check(plan([DONOR, POLICE], '    sector policing\n    lead ‹Donor›\n    partners NNP, Donor\n'));
            const finding = of(RULE).find(f => f.at === 'Donor');
            assert.ok(finding, 'reported at the lead');
            const actions = await quickFixes(services, document, finding.diagnostic);
            const action = actions.find(a => a.title === 'Make NNP the lead');
            assert.ok(action, actions.map(a => a.title).join(' | '));
            const fixed = applyEdits(text, action.edit!.changes![document.textDocument.uri]);
            assert.ok(fixed.includes('\n    lead NNP\n    partners NNP, Donor\n'), fixed);
            await reset(services);
            const after = await parse(fixed);
            assert.ok(!idsOf(after).some(id => id === RULE || id.startsWith('syntax/') || id.startsWith('reference/')));
        });

        it('without national partners, offers one national actor of a suitable category for the sector', async () => {
            const cases: [string, string[], string][] = [
                ['policing', [DONOR, MOJ, POLICE, MOI], 'MOI'],
                ['policing', [DONOR, MOJ, POLICE], 'NNP'],
                ['justice', [DONOR, POLICE, MOJ], 'MOJ'],
                ['oversight', [DONOR, POLICE, 'actor Ombud "Ombudsman" { kind ombudsman }'], 'Ombud'],
                ['national-security-policy', [DONOR, POLICE, EXEC, NSC], 'NSC'],
                ['public-finance', [DONOR, POLICE, EXEC], 'PM'],
                ['defence', [DONOR, 'actor C "Civil society" { kind civil-society }', MOJ], 'MOJ'],
                ['defence', [DONOR, 'actor C "Civil society" { kind civil-society }'], 'C'],
            ];
            for (const [sector, actors, expected] of cases) {
                const [finding] = await expectFindings(plan(actors, `    sector ${sector}\n    lead ‹Donor›\n    partners Donor\n`), RULE, ['Donor']);
                assert.deepEqual(titles(finding), [`Make ${expected} the lead`, `Lead jointly with ${expected}`], `${sector} among ${actors.map(a => /actor (\w+)/.exec(a)![1]).join(', ')}`);
                await reset(services);
            }
        });

        it('offers national actors declared in an imported library', async () => {
            await parse(`library "Actors"\n\n${MOI}\n`, 'file:///ws/lib.ssr');
            const text = plan([`import "lib.ssr"`, DONOR], '    sector policing\n    lead ‹Donor›\n');
            const [finding] = await expectFindings(text, RULE, ['Donor'], { uri: 'file:///ws/plan.ssr' });
            assert.deepEqual(titles(finding), ['Make MOI the lead', 'Lead jointly with MOI']);
        });

        it('offers nothing when nothing national exists', async () => {
            const cases = [
                [DONOR, UN],
                [DONOR, UN, 'actor M "Militia" { kind militia }', 'actor R "Regional police" { kind police\n    jurisdiction international }'],
            ];
            for (const actors of cases) {
                const [finding] = await expectFindings(plan(actors, '    sector policing\n    lead ‹Donor›\n    partners UN\n'), RULE, ['Donor']);
                assert.deepEqual(titles(finding), []);
                assert.ok(finding.message.includes('Declare the national institution'), finding.message);
                await reset(services);
            }
        });
    });

    describe('ownership/coordination', () => {
        const RULE = 'ownership/coordination';

        it('reports once at the strategy title when no NSC or executive leads or partners an objective', async () => {
            const text = plan([NSC, POLICE, MOI], '    sector policing\n    lead NNP\n    partners MOI\n') + 'objective O2 "O2" {\n    sector justice\n    lead MOI\n}\n';
            await expectFindings(text, RULE, [{ at: 'title', severity: 'warning' }]);
        });

        it('points at the strategy keyword when the strategy has no title', async () => {
            const text = plan([POLICE], '    sector policing\n    lead NNP\n').replace('strategy ‹title:"Test"› {', '‹strategy› {');
            await expectFindings(text, RULE, ['strategy']);
        });

        for (const [actor, role] of [[NSC, 'lead'], [NSC, 'partners'], [EXEC, 'lead'], [EXEC, 'partners']]) {
            it(`is silent when a ${/kind ([\w-]+)/.exec(actor)![1]} actor is the ${role}`, async () => {
                const name = /actor (\w+)/.exec(actor)![1];
                const body = role === 'lead' ? `    sector policing\n    lead ${name}\n` : `    sector policing\n    lead NNP\n    partners MOI, ${name}\n`;
                await expectNoFindings(plan([actor, POLICE, MOI], body), RULE);
            });
        }

        it('does not count other management bodies or activity targets', async () => {
            const text = plan([NSC, POLICE, MOI, MOJ], `    sector policing\n    lead MOI\n    partners MOJ\n    activity C "C" {\n        type coordination\n        targets NSC\n    }\n`);
            await expectFindings(text, RULE, ['title']);
        });
    });
});
